# Scopes (about_Scopes): functions get a child scope, $script:/$global:/$local:/$private:
# modifiers, dot-sourcing runs in the caller's scope, & runs in a new one, Invoke-Expression
# runs in the current scope, StrictMode versions, $env: variables.
$g = 'script-level'
function Read-Outer { "sees: $g" }
Read-Outer
function Set-Local { $g = 'local'; "inside: $g" }
Set-Local; "after: $g"
function Set-Script { $script:g = 'changed by function' }
Set-Script; "after script: $g"
function Set-Global { $global:gv = 'global value' }
Set-Global; "global: $gv"
function Use-Local { $local:x = 1; & { "child sees local: $x" } }
Use-Local
function Use-Private { $private:p = 'secret'; & { "child sees private: [$p]" }; "own: $p" }
Use-Private
$counter = 0
function Inc { $counter++; "in function: $counter" }
Inc; "outer: $counter"
function Inc2 { $script:counter++ }
Inc2; Inc2; "script counter: $counter"
. { $dotVar = 'dot-sourced' }
"dot: $dotVar"
& { $callVar = 'called' }
"call: [$callVar]"
function Make-Var { $made = 1 }
. Make-Var
"dot-sourced function: $made"
if ($true) { $inIf = 'if blocks share scope' }
$inIf
foreach ($i in 1..2) { $loopVar = $i }
"loop var: $loopVar, i: $i"
1..2 | ForEach-Object { $feVar = $_ }
"ForEach-Object var: $feVar"
$sb = { param($a) "sb arg: $a, args: $($args.Count)" }
& $sb 1 2 3
$sb.Invoke(5)
Invoke-Expression '$iexVar = "set by iex"'
"iex: $iexVar"
function Test-Iex { Invoke-Expression '$fx = 42'; "inside: $fx" }
Test-Iex
"outside: [$fx]"
Set-Variable -Name sv -Value 'via Set-Variable'
$sv
Get-Variable -Name sv -ValueOnly
function Nested { function Inner { 'inner fn' }; Inner }
Nested
Inner
$env:TENANTSIM_TEST = 'env value'
$env:TENANTSIM_TEST
"[$env:NOT_SET_AT_ALL]"
Set-StrictMode -Version Latest
try { $undefinedThing } catch { "strict: $_" }
try { $o = [pscustomobject]@{ a = 1 }; $o.b } catch { "strict prop: $_" }
try { @(1, 2)[5] } catch { "strict index: $_" }
Set-StrictMode -Off
"not strict: [$undefinedThing]"
