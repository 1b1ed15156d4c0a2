# Advanced functions: $PSCmdlet (ShouldProcess with -WhatIf/-Verbose, WriteError and
# ThrowTerminatingError positioned at the call, ParameterSetName), -ErrorVariable/-OutVariable,
# $MyInvocation, pipeline binding by value and by property name (aliases), begin/process/end,
# filters and `return` in process blocks.
# Sources: about_Functions_CmdletBindingAttribute, about_Functions_Advanced_Methods,
# about_CommonParameters, about_Functions_Advanced_Parameters.
function Remove-Widget {
    [CmdletBinding(SupportsShouldProcess)]
    param([Parameter(Mandatory)][string]$Name)
    if ($PSCmdlet.ShouldProcess($Name, 'Remove widget')) { "removed $Name" } else { "kept $Name" }
}
Remove-Widget -Name w1 -WhatIf
Remove-Widget -Name w2
Remove-Widget -Name w3 -Verbose
$WhatIfPreference = $true
Remove-Widget -Name w4
Remove-Widget -Name w5 -WhatIf:$false
$WhatIfPreference = $false

function Test-Errors {
    [CmdletBinding()]
    param([int]$Mode)
    "start $Mode"
    if ($Mode -eq 1) {
        $PSCmdlet.WriteError([System.Management.Automation.ErrorRecord]::new([System.ArgumentException]::new('bad widget'), 'BadWidget', 'InvalidArgument', 'w'))
    }
    if ($Mode -eq 2) {
        $PSCmdlet.ThrowTerminatingError([System.Management.Automation.ErrorRecord]::new([System.InvalidOperationException]::new('cannot go on'), 'Stopped', 'InvalidOperation', $null))
    }
    "end $Mode"
}
Test-Errors -Mode 1
$Error[0].FullyQualifiedErrorId
Test-Errors -Mode 2
"after terminating error"
try { Test-Errors -Mode 2 } catch { "caught: $($_.FullyQualifiedErrorId) / $($_.Exception.GetType().Name)" }
Test-Errors -Mode 1 -ErrorAction SilentlyContinue -ErrorVariable ev
"ev: $($ev.Count) $($ev[0].Exception.Message)"
Test-Errors -Mode 1 -ErrorAction SilentlyContinue -ErrorVariable +ev
"ev after append: $($ev.Count)"
Write-Output 1, 2 -OutVariable ov | Out-Null
"ov: $($ov -join ',') $($ov.GetType().FullName)"
$null = Test-Errors -Mode 0 -OutVariable ov2
"ov2: $($ov2 -join ',')"

function Show-Invocation { [CmdletBinding()] param($X) $MyInvocation.MyCommand.Name; $MyInvocation.InvocationName; $MyInvocation.BoundParameters['X'] }
Show-Invocation -X 42

function Get-Upn {
    [CmdletBinding()]
    param([Parameter(ValueFromPipelineByPropertyName)][Alias('UserPrincipalName')][string]$Upn,
          [Parameter(ValueFromPipelineByPropertyName)][int]$Size = -1)
    begin { "begin" }
    process { "upn=$Upn size=$Size" }
    end { "end" }
}
@([pscustomobject]@{ UserPrincipalName = 'a@contoso.com'; Size = 5 }, [pscustomobject]@{ Upn = 'b@contoso.com' }) | Get-Upn

function Add-One { param([Parameter(ValueFromPipeline)][int]$N) process { $N + 1 } }
1, 2, 3 | Add-One
'7' | Add-One
'x' | Add-One
"after bad input"

filter Select-Even { if ($_ % 2 -eq 0) { $_ } }
1..6 | Select-Even

function Skip-Two { process { if ($_ -eq 2) { return }; "kept $_" } }
1..3 | Skip-Two
function Sum-Input { $total = 0; foreach ($i in $input) { $total += $i }; "sum=$total" }
1..4 | Sum-Input
