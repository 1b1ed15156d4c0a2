# $ErrorView: ConciseView (default), NormalView and CategoryView renderings of the same error.
Get-Content -Path /nonexistent/a.txt
$ErrorView = 'NormalView'
Get-Content -Path /nonexistent/b.txt
$ErrorView = 'CategoryView'
Get-Content -Path /nonexistent/c.txt
