# Get-Member's view: grouped by TypeName, columns sized to the data.
[pscustomobject]@{ Name = 'ann'; Age = 31 } | Get-Member
