# Five or more properties: a list; empty values leave 'Label : ' with a trailing space;
# collections as {x, y}.
[pscustomobject]@{ Id = 1; Name = 'alpha'; Tags = @('x', 'y'); Note = $null; Enabled = $false }
[pscustomobject]@{ Id = 2; Name = 'beta'; Tags = @(); Note = 'n'; Enabled = $true }
