# Where-Object: script block filter, simplified syntax (operator switches), aliases ? and where.
$items = @(
    [pscustomobject]@{ Name = 'alpha'; Size = 3; Tags = @('a', 'b') }
    [pscustomobject]@{ Name = 'beta'; Size = 12; Tags = @() }
    [pscustomobject]@{ Name = 'Gamma'; Size = 7; Tags = @('c') }
)
($items | Where-Object { $_.Size -gt 5 }).Name -join ','
($items | Where-Object Size -gt 5).Name -join ','
($items | ? Name -like 'g*').Name
($items | where Name -clike 'g*').Count
($items | Where-Object Name -eq 'BETA').Size
($items | Where-Object Name -ceq 'BETA') -eq $null
($items | Where-Object Tags -contains 'c').Name
($items | Where-Object Size -in 3, 7).Name -join ','
($items | Where-Object -Property Name -Match '^a').Name
($items | Where-Object Tags).Name -join ','
($items | Where-Object -Not Tags).Name
1..10 | Where-Object { $_ % 3 -eq 0 }
(1..5 | ? { $_ -gt 2 } | Measure-Object).Count
$items | Where-Object { $_.Size -lt 5 } | ForEach-Object { "small: $($_.Name)" }
$items | Where-Object -FilterScript { $PSItem.Name.Length -eq 4 } | ForEach-Object Name
