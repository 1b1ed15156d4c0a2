# One Out-Default document: scalars are written where they occur, the table's rows are
# held until the end, later objects use the first object's columns (missing → empty).
[pscustomobject]@{ a = 1 }
'x'
[pscustomobject]@{ a = 2 }
[pscustomobject]@{ b = 3 }
