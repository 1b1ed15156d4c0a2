# Group-Object: groups in order of first appearance, Count/Name/Group/Values,
# -NoElement, -AsHashTable (-AsString), grouping by several properties.
$items = @(
    [pscustomobject]@{ Name = 'ann'; Dept = 'IT'; Site = 'Oslo' }
    [pscustomobject]@{ Name = 'bob'; Dept = 'HR'; Site = 'Oslo' }
    [pscustomobject]@{ Name = 'cid'; Dept = 'it'; Site = 'Rome' }
)
'a', 'b', 'a', 'c', 'a' | Group-Object | ForEach-Object { "$($_.Name)=$($_.Count)" }
($items | Group-Object Dept).Name -join ','
($items | Group-Object Dept -CaseSensitive).Name -join ','
($items | Group-Object Dept)[0].Group.Name -join ','
($items | Group-Object Dept, Site).Name -join ' | '
$h = $items | Group-Object -Property Site -AsHashTable
$h['rome'].Name
$h.Keys.Count
(1, 2, 1 | Group-Object -AsHashTable -AsString)['1'].Count
($items | Group-Object Site -NoElement)[0].PSObject.TypeNames[0]
($items | Group-Object { $_.Name.Substring(0, 1) -lt 'b' }).Name -join ','
