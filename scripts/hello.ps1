# A first script: values, a function and a pipeline.
function Get-Greeting {
    param([Parameter(Mandatory)][string]$Name)
    "Hello, $Name!"
}
Get-Greeting -Name 'tenantsim'
1..5 | Where-Object { $_ % 2 -eq 1 } | ForEach-Object { $_ * 10 }
[pscustomobject]@{ Tenant = 'M365x016651'; Users = 14; Ready = $true }
