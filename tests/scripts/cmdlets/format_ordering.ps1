# Where host text lands relative to a table: the document's first blank line is written at
# once, the rows are held (pwsh sizes columns from them), host text (Write-Host, warnings) is
# written immediately, error records and scalars queue behind the rows in order.
[pscustomobject]@{ Name = 'a'; Id = 1 }
Write-Host 'host line'
Write-Warning 'warn line'
[pscustomobject]@{ Name = 'b'; Id = 2 }
Write-Error 'err line'
'done'
