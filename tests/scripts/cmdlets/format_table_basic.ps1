# Property-based table (≤4 properties): widths from all rows, numbers and booleans
# right-aligned (alignment from the first object), doubles as "F" in cells.
[pscustomobject]@{ Name = 'web01'; CPU = 12.5; Up = $true }
[pscustomobject]@{ Name = 'db'; CPU = 3; Up = $false }
