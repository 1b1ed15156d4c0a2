# Get-Command (names, wildcards, -Verb/-Noun/-Module, -Syntax, -ParameterName, Parameters,
# aliases, not-found error) and Get-Help (synopsis, syntax from the signatures, -Examples).
(Get-Command Get-Date).GetType().Name
(Get-Command Get-Date).Source
(Get-Command -Verb ConvertFrom).Name -join ','
(Get-Command -Noun Csv -Module Microsoft.PowerShell.Utility).Name -join ','
(Get-Command -ParameterName AsHashtable).Name -join ','
(Get-Command Get-Content).Parameters.ContainsKey('Tail')
(Get-Command where).Name
(Get-Command -CommandType Alias -Name gc).Definition
function Get-Thing { param([string]$Name) $Name }
(Get-Command Get-Thing).CommandType
Get-Command Get-Thing -Syntax
Get-Command Start-Sleep -Syntax
Get-Command Start-Process
Get-Help Start-Sleep
Get-Help New-Guid -Examples
Get-Help Get-Nothing
