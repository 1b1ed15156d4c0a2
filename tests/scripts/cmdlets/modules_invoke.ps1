# Import-Module / Get-Module (known modules are built in), Invoke-Expression, Invoke-Command
# (local script blocks only), transcripts.
Import-Module Microsoft.Online.SharePoint.PowerShell -DisableNameChecking
Import-Module ExchangeOnlineManagement
(Get-Module).Name
(Get-Module -Name Exchange*).Version
(Get-Module -ListAvailable -Name 'Microsoft.Graph*').Count
Import-Module NoSuchModule
Invoke-Expression '1 + 2'
iex 'Get-Date -Date 2026-01-01 -Format yyyy'
Invoke-Command -ScriptBlock { param($a, $b) $a * $b } -ArgumentList 6, 7
1, 2, 3 | Invoke-Command { ($input | Measure-Object -Sum).Sum }
$v = 'outer'
Invoke-Command { $v = 'inner' }
$v
Invoke-Command { $w = 'set' } -NoNewScope
$w
Invoke-Command -ComputerName srv01 -ScriptBlock { 1 }
$dir = Join-Path ([System.IO.Path]::GetTempPath()) "tenantsim-transcript-$PID"
$null = New-Item -ItemType Directory -Path $dir -Force
$t = Join-Path $dir 'transcript.txt'
$msg = Start-Transcript -Path $t
$msg.Replace($dir, '<dir>')
Write-Host 'recorded'
$stop = Stop-Transcript
$lines = Get-Content $t
$lines[0]
$lines[1]
$lines -contains 'recorded'
Remove-Item $dir -Recurse
Stop-Transcript
