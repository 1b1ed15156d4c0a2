# Registered views of Get-Command (CommandInfo: 15/50/10/Source) and Get-Variable (PSVariable:
# Name 30, Value), rendered by Out-String at 120 columns and by Out-Default.
Get-Command Get-Date, Get-Content | Out-String -Width 120
$color = 'blue'
Get-Variable color
