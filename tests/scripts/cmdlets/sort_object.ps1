# Sort-Object: default and descending order, properties, hashtable keys with their own
# direction, -Top/-Bottom, -Unique, numbers vs strings.
$items = @(
    [pscustomobject]@{ Name = 'ann'; Dept = 'IT'; Size = 30 }
    [pscustomobject]@{ Name = 'bob'; Dept = 'HR'; Size = 5 }
    [pscustomobject]@{ Name = 'cid'; Dept = 'IT'; Size = 12 }
)
(3, 1, 2 | Sort-Object) -join ' '
('banana', 'Apple', 'cherry' | Sort-Object) -join ' '
('banana', 'Apple', 'cherry' | sort -Descending) -join ' '
($items | Sort-Object Size).Name -join ' '
($items | Sort-Object -Property Dept, Name).Name -join ' '
($items | Sort-Object -Property @{ Expression = 'Dept'; Descending = $true }, @{ Expression = { $_.Size }; Ascending = $true }).Name -join ' '
(1..10 | Sort-Object -Descending -Top 3) -join ' '
(1..10 | Sort-Object -Bottom 2) -join ' '
(5, 3, 5, 1, 3 | Sort-Object -Unique) -join ' '
('a10', 'a9', 'a1' | Sort-Object) -join ' '
(10, 9, 100 | Sort-Object) -join ' '
($items | Sort-Object { $_.Name.Length }, Name -Descending).Name -join ' '
