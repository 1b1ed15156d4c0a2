# ForEach-Object: process blocks, -Begin/-Process/-End, positional begin/process/end,
# -MemberName (property or method with -ArgumentList), aliases % and foreach.
1..3 | ForEach-Object { $_ * 2 }
'a', 'b' | % -Begin { 'start' } -Process { $_.ToUpper() } -End { 'end' }
1, 2 | foreach { 'B' } { "P$_" } { 'E' }
'abc', 'de' | ForEach-Object Length
'abc' | ForEach-Object -MemberName ToUpper
'a-b-c' | ForEach-Object -MemberName Split -ArgumentList '-'
$sum = 0
1..4 | ForEach-Object { $sum += $_ }
"sum=$sum"
ForEach-Object -Process { "no input, `$_ is null: $($null -eq $_)" }
@(1, 2, 3) | ForEach-Object -Begin { $t = 0 } -Process { $t += $_ } -End { "total $t" }
[pscustomobject]@{ Name = 'x' } | ForEach-Object { $_.Name + '!' }
1..3 | ForEach-Object { if ($_ -eq 2) { return } ; $_ }
