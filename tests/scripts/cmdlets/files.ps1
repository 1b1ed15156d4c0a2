# File cmdlets on real files: New-Item, Set-Content, Add-Content, Get-Content (-Raw,
# -TotalCount, -Tail), Test-Path (-PathType), Join-Path, Split-Path, Resolve-Path (-Relative),
# Remove-Item, and PathNotFound errors.
$root = Join-Path ([System.IO.Path]::GetTempPath()) "tenantsim-files-$PID"
$null = New-Item -ItemType Directory -Path $root -Force
$f = Join-Path $root 'notes.txt'
Set-Content -Path $f -Value 'one', 'two'
Add-Content -Path $f -Value 'three'
Get-Content $f
(Get-Content $f -Raw).Length
Get-Content $f -TotalCount 1
Get-Content $f -Tail 1
(Get-Content $f).GetType().Name
Test-Path $f
Test-Path $f -PathType Container
Test-Path (Join-Path $root 'nope.txt')
Test-Path ''
Join-Path 'a' 'b'
Join-Path 'a/' '/b' 'c' 'd'
Join-Path -Path 'x', 'y' -ChildPath 'z'
Split-Path '/home/user/file.txt'
Split-Path '/home/user/file.txt' -Leaf
Split-Path '/home/user/file.txt' -LeafBase
Split-Path '/home/user/file.txt' -Extension
Split-Path 'relative/file.txt' -IsAbsolute
$item = New-Item -Path $root -Name 'data.csv' -ItemType File -Value 'a,b'
$item.Name
$item.Length
$item.GetType().FullName
Get-Content (Join-Path $root 'data.csv')
New-Item -Path $root -Name 'data.csv' -ItemType File -ErrorAction SilentlyContinue
$Error[0].FullyQualifiedErrorId
(Resolve-Path $f).Path -eq $f
Set-Content -Path (Join-Path $root 'sub/deep.txt') -Value 'x' -ErrorAction SilentlyContinue
$Error[0].Exception.Message.Replace($root, '<root>')
'gone' | Set-Content -Path $f
Get-Content -Path $f
Remove-Item $f
Test-Path $f
Get-Content -Path $f -ErrorAction SilentlyContinue
$Error[0].Exception.Message.Replace($root, '<root>')
$Error[0].FullyQualifiedErrorId
Remove-Item $root -Recurse
Get-Content -Path /nonexistent/file.txt
