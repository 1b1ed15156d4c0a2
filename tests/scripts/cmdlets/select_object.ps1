# Select-Object: -Property (names, wildcards, calculated), -ExpandProperty, -First/-Last/-Skip,
# -Unique, -Index, -ExcludeProperty, and the Selected.* type name.
$users = @(
    [pscustomobject]@{ Name = 'ann'; Dept = 'IT'; Age = 31; Mail = 'ann@contoso.com' }
    [pscustomobject]@{ Name = 'bob'; Dept = 'HR'; Age = 45; Mail = 'bob@contoso.com' }
    [pscustomobject]@{ Name = 'cid'; Dept = 'IT'; Age = 28; Mail = 'cid@contoso.com' }
)
$s = $users | Select-Object Name, Age
"$($s[0])"
$s[0].PSObject.TypeNames[0]
"$($users | Select-Object -First 1 -Property N*, M*)"
"$($users[1] | Select-Object -Property * -ExcludeProperty Mail)"
$users | Select-Object -ExpandProperty Name
($users | Select-Object -Last 2).Name -join ','
($users | Select-Object -Skip 1 -First 1).Name
($users | Select-Object -Index 0, 2).Name -join ','
($users | Select-Object Dept -Unique).Dept -join ','
1, 2, 2, 3, 1 | Select-Object -Unique
$calc = $users | Select-Object Name, @{ Name = 'Older'; Expression = { $_.Age + 10 } }, @{ l = 'Domain'; e = { $_.Mail.Split('@')[1] } }
"$($calc[2])"
($users | Select-Object @{ n = 'X'; e = 'Dept' } -First 1).X
$u = $users[0] | Select-Object Name, Missing
"missing is null: $($null -eq $u.Missing)"
1..10 | Select-Object -First 3 -Skip 2
1..10 | Select-Object -SkipLast 8
