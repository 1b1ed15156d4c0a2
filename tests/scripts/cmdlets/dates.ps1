# Get-Date (-Format, -UFormat, date parts, the virtual clock), Start-Sleep (advances the
# clock instantly), New-TimeSpan.
Get-Date -Format 'yyyy-MM-dd HH:mm'
$d = Get-Date -Date '2026-11-23T16:32:05'
$d.GetType().Name
Get-Date -Date $d -Format 'yyyy-MM-dd HH:mm:ss'
Get-Date -Date $d -Format 'dddd, MMMM d'
Get-Date -Date $d -UFormat '%Y/%m/%d %H:%M'
Get-Date -Date $d -UFormat '%A %j'
Get-Date -Date $d -Format FileDate
(Get-Date -Date $d -Year 2030 -Month 1 -Day 15).ToString('yyyy-MM-dd')
Get-Date -UnixTimeSeconds 0 -Format 'yyyy-MM-dd HH:mm'
"$d"
$start = Get-Date
Start-Sleep -Seconds 90
((Get-Date) - $start).TotalSeconds
Start-Sleep -Milliseconds 500
((Get-Date) - $start).TotalSeconds
Start-Sleep -Duration (New-TimeSpan -Minutes 2)
((Get-Date) - $start).TotalMinutes
(New-TimeSpan -Hours 1 -Minutes 25).TotalMinutes
(New-TimeSpan -Start '2026-01-01' -End '2026-01-31').Days
"$(New-TimeSpan -Minutes 90)"
