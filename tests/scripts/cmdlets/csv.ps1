# ConvertTo-Csv / Export-Csv / Import-Csv / ConvertFrom-Csv: pwsh 7 defaults (no #TYPE line,
# every field quoted), -UseQuotes, -QuoteFields, -Delimiter, -NoHeader, -IncludeTypeInformation,
# -Header, strings (their Length property), round trip through a file.
$users = [pscustomobject]@{ Name = 'ann'; Age = 31; Mail = 'a@x' }, [pscustomobject]@{ Name = 'bob, jr'; Age = 45; Mail = 'b"q@x' }
$users | ConvertTo-Csv
$users | ConvertTo-Csv -UseQuotes AsNeeded
$users | ConvertTo-Csv -Delimiter ';' -UseQuotes Never
$users | ConvertTo-Csv -QuoteFields Name
$users | ConvertTo-Csv -NoHeader
($users | ConvertTo-Csv -IncludeTypeInformation)[0]
'abc' | ConvertTo-Csv
$dir = Join-Path ([System.IO.Path]::GetTempPath()) "tenantsim-csv-$PID"
New-Item -ItemType Directory -Path $dir -Force | Out-Null
$f = Join-Path $dir 'users.csv'
$users | Export-Csv -Path $f
Get-Content $f
[pscustomobject]@{ Name = 'cid'; Age = 28; Mail = 'c@x' } | Export-Csv -Path $f -Append
try { [pscustomobject]@{ Name = 'dan' } | Export-Csv -Path $f -Append } catch { $_.FullyQualifiedErrorId }
$back = Import-Csv -Path $f
$back.Count
$back[1].Name
$back[2].Age.GetType().FullName
"$($back[0])"
$t = 'a,b', '1,2', '3' | ConvertFrom-Csv
"$($t[0]) $($null -eq $t[1].b)"
('1;2' | ConvertFrom-Csv -Delimiter ';' -Header X, Y).Y
Remove-Item -Path $dir -Recurse
Import-Csv -Path /nonexistent/users.csv
'after'
