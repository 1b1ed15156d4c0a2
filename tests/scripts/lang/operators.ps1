# Operators: the left operand decides (about_Operators, about_Comparison_Operators,
# about_Arithmetic_Operators, about_Logical_Operators, about_Type_Operators); arrays on the left
# filter; $null placement; string comparisons ignore case unless c-prefixed.
function Show($label, $v) { "{0}: {1} [{2}]" -f $label, ($v -join ','), $(if ($null -eq $v) { 'null' } else { $v.GetType().Name }) }
Show 'int+string' (1 + '2')
Show 'string+int' ('1' + 2)
Show 'string*int' ('ab' * 3)
Show 'array*int' (@(1, 2) * 2)
Show 'int/int exact' (8 / 2)
Show 'int/int inexact' (7 / 2)
Show 'modulo negative' (-7 % 3)
Show 'double modulo' (7 % 2.5)
Show 'int overflow widens' ([int]::MaxValue + 1)
Show 'long overflow widens' ([long]::MaxValue + 1)
Show 'int times overflow' ([int]::MaxValue * 2)
Show 'long+int' ([long]5 + 1)
Show 'int+double' (1 + 1.5)
Show 'decimal' ([decimal]1.1 + 2)
Show 'band/bor/bxor' ((5 -band 3), (5 -bor 3), (5 -bxor 3))
Show 'bnot' (-bnot 5)
Show 'shl/shr' ((1 -shl 4), (256 -shr 4), (-8 -shr 1), (1 -shl 31))
Show 'null -eq 0' ($null -eq 0)
Show 'empty -eq null' ('' -eq $null)
Show 'null on left' ($null -eq @())
Show 'array filter null' (@(1, $null, 2, $null).Where({ $null -eq $_ }).Count)
Show 'array -ne null' ((1, 2, $null, 3 -ne $null).Count)
Show 'array -eq' (1, 2, 3, 2 -eq 2)
Show 'array -gt' (1, 2, 3 -gt 1)
Show 'array -like' ('apple', 'banana', 'avocado' -like 'a*')
Show 'array -match' ('a1', 'b2', 'c' -match '\d')
Show 'string compare' (('abc' -eq 'ABC'), ('abc' -ceq 'ABC'), ('abc' -ieq 'ABC'))
Show 'string ordering' (('10' -lt '9'), (10 -lt '9'), ('b' -gt 'A'))
Show 'right converted to left' ((1 -eq '1.0'), ('1.0' -eq 1), ($true -eq 'false'), ('false' -eq $false))
Show 'contains' ((1, 2, 3 -contains '2'), ('abc' -contains 'b'), (1, 2 -notcontains 3))
Show 'in' (('2' -in 1, 2, 3), ('x' -notin 'a', 'b'))
Show 'contains reference' ((@(1, 2), 3 -contains @(1, 2)))
Show 'like' (('Hello' -like 'h*'), ('Hello' -clike 'h*'), ('a[1]' -like 'a`[1`]'), ('file.txt' -like '*.tx?'))
Show 'match' (('abc' -match 'B'), ('abc' -cmatch 'B'), ('abc' -notmatch 'z'))
'abc123' -match '(?<letters>[a-z]+)(\d+)' | Out-Null
Show 'Matches' ($Matches[0], $Matches[1], $Matches['letters'])
$Matches = $null
'a1', 'b2' -match '\d' | Out-Null
Show 'no Matches for arrays' ($null -eq $Matches)
Show 'is' (('x' -is [string]), (1 -is [int]), (1 -is [long]), (@(1) -is [array]), ($null -is [object]), (5 -isnot [string]))
Show 'as' (('5' -as [int]), ('abc' -as [int]), (1 -as [string]), ('x' -as [datetime]))
Show 'logical' ((-not $true), (!0), (-not 'false'), ($true -xor $true), ($false -or 'x'))
Show 'short circuit' ($false -and (1 / 0))
Show 'null coalescing' (($null ?? 'default'), (0 ?? 'default'))
$n = $null; $n ??= 'assigned'; Show 'null-coalescing assignment' $n
Show 'ternary' ((5 -gt 3) ? 'yes' : 'no')
Show 'range' (1..4)
Show 'descending range' (3..1)
Show 'char range' ('a'..'e')
Show 'negative index' ((1..10)[-1])
Show 'slices' ((1..10)[2..4], (1..10)[-3..-1])
Show 'string index' ('abcdef'[1..3] -join '')
$x = 10; $y = $x++ + ++$x; Show 'increment' ($x, $y)
$u = $undefinedVariable; $u++; Show 'increment null' $u
$a = 5; $a -= 2; $a *= 3; $a /= 2; $a %= 4; Show 'compound' $a
$s = 'x'; $s += 1; Show 'string +=' $s
$arr = @(); $arr += 1; $arr += @(2, 3); Show 'array +=' $arr
$h1 = @{ a = 1 }; $h2 = $h1 + @{ b = 2 }; Show 'hashtable +' ($h2.Count, $h1.Count)
@{ a = 1 } + @{ a = 2 }
$zero = 0; 1 / $zero
"after errors"
