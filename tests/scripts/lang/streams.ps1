# Streams (about_Output_Streams, about_Redirection, about_Preference_Variables): warning/verbose/
# debug/information/host output and their preferences, capture with 2>&1 3>&1 4>&1 6>&1, *>$null,
# > and >> to files, errors merged in write order.
Write-Output 'output'
Write-Warning 'warned'
Write-Verbose 'hidden verbose'
Write-Verbose 'shown verbose' -Verbose
Write-Debug 'hidden debug'
Write-Debug 'shown debug' -Debug
Write-Information 'hidden info'
Write-Information 'shown info' -InformationAction Continue
Write-Host 'host text'
Write-Host 'no newline ' -NoNewline; Write-Host 'continued'
Write-Host 'a', 'b' -Separator '-'
$VerbosePreference = 'Continue'; Write-Verbose 'pref verbose'; $VerbosePreference = 'SilentlyContinue'
$WarningPreference = 'SilentlyContinue'; Write-Warning 'silenced'; $WarningPreference = 'Continue'
Write-Warning 'per call' -WarningAction SilentlyContinue
$r = Write-Error 'captured error' 2>&1
"captured: $($r.GetType().Name) $r"
$w = Write-Warning 'captured warning' 3>&1
"captured warning: $w"
$v = Write-Verbose 'captured verbose' -Verbose 4>&1
"captured verbose: $v"
$i = Write-Information 'captured info' 6>&1
"captured info: $i"
$h = Write-Host 'captured host' 6>&1
"captured host: $h"
Write-Error 'discarded' 2>$null
& { Write-Warning 'w'; Write-Output 'o'; Write-Error 'e' } *>$null
"after *>null"
& { 'one'; Write-Error 'two'; 'three' } 2>&1 | ForEach-Object { "merged: $_" }
$file = [System.IO.Path]::GetTempFileName()
'line1' > $file
'line2' >> $file
Get-Content $file
& { 'out'; Write-Error 'err' } 2> $file
"stderr went to the file: $([bool]((Get-Content $file -Raw) -match 'err'))"
Remove-Item $file
$all = & { Write-Output 1; Write-Warning 2; Write-Verbose 3 -Verbose; Write-Information 4 -InformationAction Continue } *>&1
"all streams: $($all -join ',')"
function Chatty { [CmdletBinding()] param() Write-Verbose 'function verbose'; Write-Debug 'function debug'; 'result' }
Chatty
Chatty -Verbose
