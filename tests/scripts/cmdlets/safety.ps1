# Scripts cannot start processes: Start-Process is not a command tenantsim knows.
Start-Process -FilePath 'notepad.exe'
'continues'
