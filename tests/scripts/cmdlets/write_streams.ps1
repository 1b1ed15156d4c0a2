# Write-Output / Write-Host / Write-Warning / Write-Verbose / Write-Debug / Write-Information /
# Write-Progress: what reaches the console (stdout), with and without the switches and
# preference variables.
Write-Output 'a', 'b'
Write-Output -NoEnumerate 1, 2 | ForEach-Object { "count: $($_.Count)" }
echo 'echo alias'
Write-Host 'host text'
Write-Host 'no newline ' -NoNewline
Write-Host 'continued'
Write-Host 1, 2, 3 -Separator '-'
Write-Host (0.1 + 0.2)
Write-Host 'colored' -ForegroundColor Green -BackgroundColor Black
Write-Warning 'careful'
Write-Verbose 'hidden'
Write-Verbose 'shown' -Verbose
$VerbosePreference = 'Continue'
Write-Verbose 'by preference'
$VerbosePreference = 'SilentlyContinue'
Write-Debug 'debug hidden'
Write-Debug 'debug shown' -Debug
Write-Information 'info hidden'
Write-Information 'info shown' -InformationAction Continue
Write-Progress -Activity 'Working' -Status 'half' -PercentComplete 50
Write-Warning 'silenced' -WarningAction SilentlyContinue
$WarningPreference = 'SilentlyContinue'
Write-Warning 'also silenced'
