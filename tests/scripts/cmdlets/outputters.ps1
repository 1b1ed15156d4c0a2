# Out-Null, Out-String (-Stream, -NoNewline, -Width), Out-File (-Append, -NoClobber, -Width),
# Tee-Object (-FilePath, -Variable), Out-Host: files are real, under a temporary directory.
$dir = Join-Path ([System.IO.Path]::GetTempPath()) "tenantsim-outputters-$PID"
New-Item -ItemType Directory -Path $dir -Force | Out-Null
'discarded' | Out-Null
$rows = [pscustomobject]@{ Name = 'ann'; Id = 1 }, [pscustomobject]@{ Name = 'bob'; Id = 22 }
$text = $rows | Out-String
$text.Length
$text -split "`n" | ForEach-Object { "[$_]" }
($rows | Out-String -Stream).Count
'a', 'b' | Out-String -NoNewline
$long = [pscustomobject]@{ Key = 'k'; Text = 'x' * 150 }
($long | Out-String).Split("`n")[3].Length
($long | Out-String -Width 40).Split("`n")[3].Length
$file = Join-Path $dir 'out.txt'
$rows | Out-File -FilePath $file
(Get-Content $file).Count
'extra line' | Out-File $file -Append
(Get-Content $file)[-1]
try { 'x' | Out-File $file -NoClobber } catch { $_.Exception.Message.Replace($dir, '<dir>') ; $_.FullyQualifiedErrorId }
$result = 1, 2, 3 | Tee-Object -FilePath (Join-Path $dir 'tee.txt') | ForEach-Object { $_ * 10 }
$result -join ','
Get-Content (Join-Path $dir 'tee.txt')
4, 5 | Tee-Object -Variable teed | Out-Null
$teed -join '+'
'to host' | Out-Host
$rows > (Join-Path $dir 'redirected.txt')
Get-Content (Join-Path $dir 'redirected.txt')
Remove-Item $dir -Recurse -Force
Test-Path $dir
