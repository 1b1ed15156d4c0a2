# Doubles: "F" (2 decimals) in table cells, G15 in lists and as scalars.
[pscustomobject]@{ a = 0.1 + 0.2; b = 1 / 3 }
0.1 + 0.2
1e20
1 / 3
