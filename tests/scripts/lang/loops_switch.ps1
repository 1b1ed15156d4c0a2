# Loops and switch (about_For, about_Foreach, about_While, about_Do, about_Switch, about_Break,
# about_Continue): labels, break/continue inside switch and ForEach-Object, loop output
# collected into variables, switch options and $_ / $Matches.
$r = foreach ($i in 1..10) { if ($i -gt 3) { break }; $i * 10 }
"foreach collected: $($r -join ',')"
for ($i = 0; $i -lt 3; $i++) { "for $i" }
$n = 0; while ($n -lt 3) { $n++; if ($n -eq 2) { continue }; "while $n" }
$n = 0; do { $n++ } while ($n -lt 5); "do-while: $n"
$n = 0; do { $n++ } until ($n -ge 5); "do-until: $n"
:outer foreach ($a in 1..3) { foreach ($b in 1..3) { if ($b -eq 2) { continue outer }; if ($a -eq 3) { break outer }; "$a.$b" } }
# break/continue in ForEach-Object act on the enclosing loop (there is no loop of its own).
foreach ($i in 1..2) { 1..3 | ForEach-Object { if ($_ -eq 2) { continue }; "fe $i.$_" } }
$out = for ($i = 0; $i -lt 5; $i++) { 1..3 | ForEach-Object { if ($_ -eq 3) { break }; "x$_" } }
"after break in ForEach-Object: $($out -join ',')"
# `return` in a ForEach-Object script block skips to the next object.
1..4 | ForEach-Object { if ($_ % 2) { return }; "even $_" }
# switch
switch (3) { 1 { 'one' } 3 { 'three' } default { 'default' } }
switch (4) { 1 { 'one' } default { 'default' } }
switch ('abc') { { $_ -like 'a*' } { 'starts with a' } 'ABC' { 'equals (case-insensitive)' } }
switch -CaseSensitive ('abc') { 'ABC' { 'not printed' } default { 'case-sensitive default' } }
switch -Wildcard ('report.csv', 'notes.txt') { '*.csv' { "csv: $_" } '*.txt' { "text: $_" } }
switch -Regex ('user42', 'admin') { '^user(\d+)$' { "user number $($Matches[1])" } '^adm' { "admin: $_" } }
switch (1, 2, 3, 4) { 2 { 'two, then break'; break } default { "item $_" } }
switch (1, 2, 3) { { $_ -lt 3 } { "small $_"; continue } default { "other $_" } }
switch (5) { 5 { 'first match' } 5 { 'second match' } }
$res = switch ('b') { 'a' { 1 } 'b' { 2 } }
"switch value: $res"
:lbl foreach ($x in 1..3) { switch ($x) { 2 { break lbl } default { "labelled $x" } } }
switch ($null) { $null { 'null matched' } }
switch (@()) { default { 'never for an empty array' } }
"done"
