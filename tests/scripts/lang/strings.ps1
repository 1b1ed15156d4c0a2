# Strings: -f (composite formatting with alignment and format strings), -split (about_Split),
# -replace with $1/${name}/script blocks, -join (about_Join), expansion, here-strings and the
# string methods scripts use.
"{0} {1}" -f 'a', 'b'
"[{0,-8}] [{1,8}]" -f 'left', 'right'
"{0:N0} | {1:N2} | {2:C} | {3:P0}" -f 1234567.891, 1234.5, 12.5, 0.5
"{0:D5} | {1:X4} | {2:x} | {3:F3} | {4:E2}" -f 42, 255, 255, 3.14159, 12345.678
"{0:0.00} | {1:#,##0} | {2:00}" -f 3.14159, 1234567, 7
"{{literal}} {0}" -f 1
"{0:yyyy-MM-dd HH:mm}" -f (Get-Date '2024-05-06T07:08:09')
"{1}{0}" -f 'x'
# -split: regex by default, SimpleMatch, max count (negative counts from the end), captures.
'a,b;c' -split '[,;]' -join '|'
"Mercury,Venus,Earth,Mars,Jupiter,Saturn,Uranus,Neptune" -split ",", 5 -join '|'
"Mercury,Venus,Earth,Mars,Jupiter,Saturn,Uranus,Neptune" -split ",", -5 -join '|'
'Chocolate-Vanilla-Strawberry-Blueberry' -split '(-)', 3 -join '|'
"This.is.a.test" -split ".", 0, "simplematch" -join '|'
'ABC' -split 'b' -join '|'
'ABC' -csplit 'b' -join '|'
'ABC' -csplit 'b', 0, 'IgnoreCase' -join '|'
"a,b,c,d", "e,f,g,h" -split ",", 3 -join '|'
-split " one  two `tthree " -join '|'
'abc' -split '' -join '|'
"Mercury,Venus,Earth" -split { $_ -eq 'e' -or $_ -eq 'u' } -join '|'
$text = "1The first line.`n2The second line."
$text -split "^\d", 0, "multiline" -join '|'
# -replace: regex, .NET substitutions, script blocks, case sensitivity.
'aaa' -replace 'a', 'b'
'aAa' -creplace 'a', 'b'
'hello' -replace 'l+'
'john.doe' -replace '^(\w)(\w*)\.(\w)(\w*)$', '$1$2 $3$4'
'John Smith' -replace '(?<first>\w+) (?<last>\w+)', '${last}, ${first}'
'abc123' -replace '(?<letters>[a-z]+)(\d+)', '$1-$2'
'price: 5' -replace '\d', '$$'
'keep $9' -replace 'x', 'y'
'a1b2' -replace '\d', { [int]$_.Value * 2 }
'x', 'y' -replace '^', '>'
# -join
-join ('a', 'b', 'c')
(1, 2, 3) -join ', '
@() -join ','
# Expansion
$name = 'World'; $o = [pscustomobject]@{ N = 'x' }; $arr = 1, 2, 3
"Hello $name! $($arr.Count) items: $arr; prop: $($o.N) vs $o.N"
'single $name'
"escaped `$name and `"quotes`" and tab[`t]"
$OFS = '-'; "ofs: $arr"; $OFS = ' '
@"
Here $name
  "quoted" and 'single'
"@
@'
Literal $name
'@
# Methods
$s = '  Contoso Admin  '
"[$($s.Trim())] [$($s.TrimStart())] [$($s.TrimEnd())]"
'Contoso'.ToUpper() + '|' + 'Contoso'.ToLower()
'Contoso'.Substring(3) + '|' + 'Contoso'.Substring(0, 3)
'Contoso'.IndexOf('o'), 'Contoso'.LastIndexOf('o'), 'Contoso'.IndexOf('z') -join ','
'Contoso'.Contains('TOS'), 'Contoso'.StartsWith('con'), 'Contoso'.StartsWith('con', [StringComparison]::OrdinalIgnoreCase) -join ','
'a-b-c'.Split('-').Count
'a,b,,c'.Split(',', [StringSplitOptions]::RemoveEmptyEntries) -join '|'
'abc'.PadLeft(6, '*') + 'abc'.PadRight(6, '.') + '|'
'tenant-admin'.Replace('-', '_')
'abc'.ToCharArray() -join ' '
'Hello'.Length
[string]::IsNullOrEmpty(''), [string]::IsNullOrWhiteSpace(' '), [string]::Join('+', @(1, 2)) -join ','
'abc'.Insert(1, 'X') + '|' + 'abcdef'.Remove(2, 2)
'Contoso'.Substring(10)
