# Get-Variable / Set-Variable (-ValueOnly, wildcards, -Option ReadOnly, -Force, -Scope,
# pipeline values) and Set-StrictMode.
Set-Variable -Name color -Value 'blue'
$color
Get-Variable color -ValueOnly
(Get-Variable -Name col*).Name
(Get-Variable color).GetType().Name
Set-Variable -Name fixed -Value 1 -Option ReadOnly
Set-Variable -Name fixed -Value 2
$fixed
Set-Variable -Name fixed -Value 3 -Force
$fixed
'piped' | Set-Variable -Name fromPipe
$fromPipe
function Set-Outer { Set-Variable -Name outer -Value 'from function' -Scope 1 }
Set-Outer
$outer
Get-Variable -Name nope
Set-StrictMode -Version Latest
$undefinedThing
Set-StrictMode -Off
"off: [$undefinedThing]"
