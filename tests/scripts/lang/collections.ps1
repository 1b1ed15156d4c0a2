# Arrays, hashtables, lists: @() collection, unrolling on output, member enumeration,
# .ForEach()/.Where(), slicing, multiple assignment, reference semantics.
# Sources: about_Arrays, about_Hash_Tables, about_Pipelines (unrolling), about_Assignment_Operators.
function Show($label, $v) { "{0}: {1} [{2}]" -f $label, ($v -join ','), $(if ($null -eq $v) { 'null' } else { $v.GetType().Name }) }
function Two { 1; 2 }
function One { 'only' }
function None { }
function Wrapped { , @(1, 2) }
Show 'two outputs' (Two)
Show 'one output' (One)
Show 'no output' (None)
Show 'array subexpression of one' @(One)
Show 'array subexpression of none' @(None).Count
Show 'comma keeps the array' (Wrapped).Count
Show 'pipeline unrolls one level' ((Wrapped | Measure-Object).Count)
$a = 1, 2, 3
Show 'index' ($a[0], $a[-1], $a[1..2])
Show 'out of range is null' ($null -eq $a[10])
Show 'length/count' ($a.Length, $a.Count, 'abc'.Count, $null.Count)
$b = $a; $b[0] = 99; Show 'arrays are references' $a[0]
$c = $a + 4; Show '+ copies' ($a.Count, $c.Count)
$first, $rest = 1, 2, 3; Show 'multiple assignment' ($first, "[$rest]")
$p, $q = 'only'; Show 'missing targets are null' ($p, ($null -eq $q))
$x, $y = $y, $x
$list = [System.Collections.Generic.List[string]]::new(); $list.Add('a'); $list.Add('b')
Show 'generic list' ($list.Count, $list[1], $list.Contains('a'))
$al = [System.Collections.ArrayList]::new(); $idx = $al.Add('x'); Show 'ArrayList.Add returns the index' $idx
$objs = [pscustomobject]@{ Name = 'a'; N = 1 }, [pscustomobject]@{ Name = 'b'; N = 2 }
Show 'member enumeration' $objs.Name
Show 'ForEach method' @((1, 2, 3).ForEach({ $_ * 2 }))
Show 'ForEach property' @($objs.ForEach('Name'))
Show 'Where method' @((1..10).Where({ $_ % 3 -eq 0 }))
Show 'Where First' @((1..10).Where({ $_ -gt 4 }, 'First'))
Show 'Where Last 2' @((1..10).Where({ $_ -gt 4 }, 'Last', 2))
Show 'Where Split' @((1..6).Where({ $_ -le 2 }, 'Split')[1])
Show 'Where SkipUntil/Until' (@((1..6).Where({ $_ -eq 4 }, 'SkipUntil')) + @((1..6).Where({ $_ -eq 3 }, 'Until')))
# Hashtables: case-insensitive keys, ordered, enumeration.
$h = @{ Beta = 2; alpha = 1 }
Show 'key lookup ignores case' ($h['ALPHA'], $h.beta)
Show 'missing key' ($null -eq $h['nope'])
$h.Gamma = 3; $h['delta'] = 4; $h.Add('Epsilon', 5)
Show 'count' $h.Count
Show 'keys sorted' ($h.Keys | Sort-Object)
Show 'contains' ($h.ContainsKey('gamma'), $h.ContainsValue(4), $h.Contains('nope'))
$h.Remove('gamma'); Show 'removed' $h.Count
$h.Add('Beta', 9)
$o = [ordered]@{ z = 1; y = 2; x = 3 }
Show 'ordered keys' @($o.Keys)
Show 'ordered index' $o[1]
$sum = 0; foreach ($e in $h.GetEnumerator()) { $sum += $e.Value }; Show 'enumerator' $sum
Show 'hashtable is one object in a pipeline' ((@{ a = 1; b = 2 } | Measure-Object).Count)
$nested = @{ Inner = @{ Value = 'deep' } }
Show 'nested' $nested.Inner.Value
$nested.Inner.Value = 'changed'; Show 'nested set' $nested['Inner']['Value']
$counts = @{}; foreach ($w in 'a', 'b', 'a') { $counts[$w] += 1 }; Show 'counting' ($counts['a'], $counts['b'])
$o2 = [pscustomobject]@{ N = 1 }; $o2.N++; $o2.N += 10; Show 'property compound' $o2.N
$o2.Missing = 1
