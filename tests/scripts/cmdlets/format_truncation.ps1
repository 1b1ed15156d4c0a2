# A table wider than the 79-column layout: the last column is cut and ends with '…'.
[pscustomobject]@{ Name = 'x'; Description = (@('word') * 30) -join ' ' }
