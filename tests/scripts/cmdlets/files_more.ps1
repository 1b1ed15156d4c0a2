# More file cmdlet behaviour: Resolve-Path -Relative and wildcards, Get-Content -ReadCount,
# Tee-Object -Append, Remove-Item on a non-empty directory.
$root = Join-Path ([System.IO.Path]::GetTempPath()) "tenantsim-files-more-$PID"
$null = New-Item -ItemType Directory -Path (Join-Path $root 'sub') -Force
1..5 | Set-Content -Path (Join-Path $root 'n.txt')
'x' | Set-Content -Path (Join-Path $root 'sub/a.log')
'y' | Set-Content -Path (Join-Path $root 'sub/b.log')
(Get-Content (Join-Path $root 'n.txt') -ReadCount 2 | ForEach-Object { $_ -join '+' }) -join ' '
(Resolve-Path (Join-Path $root 'sub/*.log')).Count
Resolve-Path -Path (Join-Path $root 'sub/a.log') -RelativeBasePath $root -Relative
Resolve-Path -Path (Join-Path $root 'n.txt') -RelativeBasePath (Join-Path $root 'sub') -Relative
'first' | Tee-Object -FilePath (Join-Path $root 't.txt') | Out-Null
'second' | Tee-Object -FilePath (Join-Path $root 't.txt') -Append | Out-Null
(Get-Content (Join-Path $root 't.txt')) -join ','
Remove-Item (Join-Path $root 'sub') -ErrorAction SilentlyContinue
$Error[0].Exception.Message.Replace($root, '<root>')
Remove-Item $root -Recurse
Test-Path $root
