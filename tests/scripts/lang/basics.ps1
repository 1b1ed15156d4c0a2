# Values, strings, operators and a function: outputs checked against pwsh semantics.
$n = 5
"n is $n, double is $($n * 2)"
'single $n'
"a" + 1
1 + "2"
7 / 2
8 / 2
[int]2.5
[int]3.5
"abc" -like "A*"
"abc" -clike "A*"
1, 2, 3 -gt 1
function Add-One { param([int]$x) $x + 1 }
Add-One 41
0.1 + 0.2
