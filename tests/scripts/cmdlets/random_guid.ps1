# Get-Random (seeded, ranges, -Count, -Shuffle, doubles, the Minimum/Maximum error) and New-Guid.
$a = Get-Random -SetSeed 42 -Maximum 100
$b = Get-Random -SetSeed 42 -Maximum 100
$a -eq $b
$r = Get-Random -Minimum 5 -Maximum 10
$r -ge 5 -and $r -lt 10
$r.GetType().Name
(1..10 | Get-Random -Count 3).Count
((1..5 | Get-Random -Shuffle) | Sort-Object) -join ','
(Get-Random -Minimum 1.5 -Maximum 2.5).GetType().Name
(Get-Random -InputObject 'only') 
$g = New-Guid
$g.GetType().Name
"$g".Length
"$(New-Guid -Empty)"
('d61bbeca-0186-48fa-90e1-ff7aa5d33e2d' | New-Guid).ToString()
Get-Random -Minimum 10 -Maximum 5
