# Compare-Object: side indicators in pwsh's order (difference-only entries first, then
# reference-only), -IncludeEqual, -ExcludeDifferent, -Property, -PassThru, -CaseSensitive.
$r = Compare-Object -ReferenceObject 'a', 'b', 'c' -DifferenceObject 'b', 'c', 'd'
$r | ForEach-Object { "$($_.InputObject) $($_.SideIndicator)" }
Compare-Object 'a', 'b', 'c' 'b', 'c', 'd' -IncludeEqual | ForEach-Object { "$($_.InputObject) $($_.SideIndicator)" }
(Compare-Object 'a', 'b' 'b', 'c' -ExcludeDifferent -IncludeEqual).InputObject
(Compare-Object 'A' 'a') -eq $null
Compare-Object 'A' 'a' -CaseSensitive | ForEach-Object { "$($_.InputObject) $($_.SideIndicator)" }
$old = [pscustomobject]@{ Name = 'ann'; Dept = 'IT' }, [pscustomobject]@{ Name = 'bob'; Dept = 'HR' }
$new = [pscustomobject]@{ Name = 'ann'; Dept = 'HR' }, [pscustomobject]@{ Name = 'bob'; Dept = 'HR' }
Compare-Object $old $new -Property Name, Dept | ForEach-Object { "$($_.Name)/$($_.Dept) $($_.SideIndicator)" }
$p = Compare-Object $old $new -Property Dept -PassThru
"$($p[0].Name) $($p[0].SideIndicator)"
'b', 'c' | Compare-Object -ReferenceObject 'a', 'b' | ForEach-Object { "$($_.InputObject) $($_.SideIndicator)" }
