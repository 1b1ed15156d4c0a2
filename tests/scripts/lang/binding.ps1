# The parameter binder on script functions (the same binder cmdlets use): names, unambiguous
# prefixes, aliases, positions, switches, parameter sets, mandatory checks, conversions and
# validation, with pwsh's error texts and the argument (or parameter) underlined.
# Sources: about_Functions_Advanced_Parameters, about_Parameter_Sets, ParameterBinderStrings.resx,
# test/powershell/Language/Scripting/ParameterBinding.Tests.ps1.
function Get-Thing {
    [CmdletBinding(DefaultParameterSetName = 'ByName')]
    param(
        [Parameter(Mandatory, Position = 0, ParameterSetName = 'ByName')][string]$Name,
        [Parameter(Mandatory, ParameterSetName = 'ById')][int]$Id,
        [Alias('Cnt')][int]$Count = 1,
        [switch]$Force,
        [ValidateSet('Low', 'High')][string]$Level = 'Low'
    )
    "$($PSCmdlet.ParameterSetName): Name=$Name Id=$Id Count=$Count Force=$Force Level=$Level"
}
Get-Thing alpha
Get-Thing -Name beta -Cnt 3
Get-Thing -Id 7 -Force
Get-Thing -Id 7 -Force:$false -Level high
Get-Thing -N gamma -Co 2
Get-Thing
Get-Thing -Name a -Id 1
Get-Thing -Name a -Nope 1
Get-Thing -Name a -Count
Get-Thing -Name a -Count many
Get-Thing -Name a -Level Medium
Get-Thing -Name $null
Get-Thing -Name ''
Get-Thing a b
Get-Thing -Name a -Name b
function Test-Prefix { param($Name, $Number) "$Name $Number" }
Test-Prefix -N 1
function Test-Validation {
    param(
        [ValidateRange(1, 10)][int]$Size,
        [ValidatePattern('^[a-z]+$')][string]$Word,
        [ValidateLength(2, 4)][string]$Code,
        [ValidateCount(1, 2)][string[]]$Items,
        [ValidateNotNullOrEmpty()][string]$Label,
        [ValidateScript({ $_ -gt 0 })][int]$Positive
    )
    "ok $Size $Word $Code $($Items -join '+') $Label $Positive"
}
Test-Validation -Size 5 -Word abc -Code ab -Items x, y -Label l -Positive 1
Test-Validation -Size 11
Test-Validation -Word 'ABC'
Test-Validation -Code 'abcdef'
Test-Validation -Items a, b, c
Test-Validation -Label ''
Test-Validation -Positive -1
function Test-Allow {
    param(
        [Parameter(Mandatory)][AllowNull()]$Value,
        [Parameter(Mandatory)][AllowEmptyString()][string]$Text,
        [Parameter(Mandatory)][AllowEmptyCollection()][string[]]$List
    )
    "allowed: [$Value] [$Text] [$($List.Count)]"
}
Test-Allow -Value $null -Text '' -List @()
function Test-Array { param([Parameter(Mandatory)][string[]]$List) "list: $($List.Count)" }
Test-Array -List @()
Test-Array -List a, $null
# Simple functions: unknown parameters and extra arguments land in $args, in order.
function Show-Args { "count=$($args.Count): $($args -join ' ')" }
Show-Args 1 two -three 4
function Positional($First, $Second) { "first=$First second=$Second rest=$($args -join ',')" }
Positional 1 2 3 4
Positional -Second b a
# Splatting: hashtables bind by name (switches included), arrays by position.
$h = @{ Name = 'splat'; Count = 5; Force = $true }
Get-Thing @h
$a = 'positional-splat'
Get-Thing @a -Level High
# $PSBoundParameters holds only what was bound.
function Show-Bound { [CmdletBinding()] param($A, $B = 2, [switch]$C) ($PSBoundParameters.Keys | Sort-Object) -join ','; $PSBoundParameters.ContainsKey('B') }
Show-Bound -A 1 -C
Show-Bound -B 3
# Common parameters are checked too.
Show-Bound -ErrorAction Sometimes
"done"
