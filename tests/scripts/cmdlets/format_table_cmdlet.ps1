# Format-Table: its own document (blank line before and after), -Property with
# calculated columns (Label/Width/Alignment/FormatString), -AutoSize, -HideTableHeaders, -Wrap.
$rows = [pscustomobject]@{ Name = 'x'; Size = 3.5; Note = 'short' }, [pscustomobject]@{ Name = 'longer name'; Size = 10; Note = 'a b c d e f' }
$rows | Format-Table
$rows | Format-Table Name, @{ Label = 'Big'; Expression = { $_.Size * 100 } }
$rows | Format-Table -Property Name, @{ n = 'Pct'; e = { $_.Size / 10 }; FormatString = 'P0'; Alignment = 'Left' } -HideTableHeaders
@{ a = 1 } | Format-Table -AutoSize
'done'
