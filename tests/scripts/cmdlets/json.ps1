# ConvertTo-Json (2-space indentation, -Compress, -Depth truncation warning, -AsArray,
# pipeline collection) and ConvertFrom-Json (objects, Int64 numbers, dates, -AsHashtable,
# -NoEnumerate, errors).
$o = [ordered]@{ name = 'x'; n = 1; d = 1.5; b = $true; nothing = $null; list = 1, 2; nested = @{ k = 'v' }; text = "a`"b`n" }
$o | ConvertTo-Json
$o | ConvertTo-Json -Compress
1, 2 | ConvertTo-Json -Compress
'x' | ConvertTo-Json -AsArray -Compress
[pscustomobject]@{ a = [pscustomobject]@{ b = [pscustomobject]@{ c = @{ d = 1 } } } } | ConvertTo-Json -Compress
@{ a = @{ b = 1 } } | ConvertTo-Json -Depth 1 -Compress
@() | ConvertTo-Json
ConvertTo-Json -InputObject @() -Compress
$j = '{"name":"x","n":1,"big":30000000000,"d":1.5,"b":true,"nothing":null,"list":[1,2],"nested":{"k":"v"},"when":"2026-11-23T09:00:00Z"}' | ConvertFrom-Json
$j.name
$j.n.GetType().Name
$j.big
$j.d
$j.b
$null -eq $j.nothing
$j.list.Count
$j.nested.k
$j.when.GetType().Name
$j.when.Kind
$j.PSObject.TypeNames[0]
('{"b":1,"a":2}' | ConvertFrom-Json -AsHashtable).Keys -join ','
('[1,2,3]' | ConvertFrom-Json | Measure-Object).Count
('[1,2,3]' | ConvertFrom-Json -NoEnumerate | Measure-Object).Count
'{', '"a": 1', '}' | ConvertFrom-Json | ForEach-Object a
try { '{bad' | ConvertFrom-Json } catch { $_.FullyQualifiedErrorId }
try { '{"a":1,"A":2}' | ConvertFrom-Json } catch { $_.Exception.Message }
