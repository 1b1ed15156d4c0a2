# Format-List: all display properties, selected properties, wildcards, calculated properties,
# and `*` for every property of a typed object.
$o = [pscustomobject]@{ Name = 'ann'; Dept = 'IT'; Manager = 'bob' }
$o | Format-List
$o | Format-List Name, @{ Label = 'Upper'; Expression = { $_.Name.ToUpper() } }
$o | Format-List -Property *a*
Get-Date -Date '2026-11-23 16:32:00' | Format-List -Property Year, DayOfWeek, TimeOfDay
