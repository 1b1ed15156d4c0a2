# Automatic variables (about_Automatic_Variables): $_/$PSItem, $args, $?, $Error (newest first,
# Clear()), $Matches, $PSScriptRoot/$PSCommandPath/$MyInvocation of a script, $PSVersionTable,
# $input, $true/$false/$null (read-only; assigning $null discards).
"true/false/null: $true $false [$null]"
1..3 | ForEach-Object { "$_ $PSItem" }
function A { "args: $($args.Count) first=$($args[0])" }
A x y
Get-Content /no/such/file.txt
"after failure: $?"
'ok' | Out-Null
"after success: $?"
$Error.Count -gt 0
$Error[0].FullyQualifiedErrorId
$Error[0].CategoryInfo.Category
$Error.Clear(); $Error.Count
try { throw 'first' } catch {}
try { throw 'second' } catch {}
"newest first: $($Error[0]) then $($Error[1])"
'abc' -match 'b(c)' | Out-Null; "Matches: $($Matches[0]) $($Matches[1])"
"script root is absolute: $([System.IO.Path]::IsPathRooted($PSScriptRoot))"
"command path leaf: $(Split-Path -Leaf $PSCommandPath)"
"script name: $($MyInvocation.MyCommand.Name)"
"ps version: $($PSVersionTable.PSVersion.Major)"
"edition: $($PSVersionTable.PSEdition)"
function Sum { $t = 0; $input | ForEach-Object { $t += $_ }; $t }
1..4 | Sum
"home set: $(-not [string]::IsNullOrEmpty($HOME))"
"lastexitcode before: [$LASTEXITCODE]"
$null = 5
"null assignment discards: [$null]"
