# Write-Error: non-terminating at script level (no position block), inside a function (the
# function's call site), with -ErrorAction Stop, and the record's fields.
Write-Error 'plain message'
"after: $?"
function Test-Thing {
    Write-Error -Message 'from a function' -Category InvalidData -ErrorId 'ThingFailed' -TargetObject 'item1'
}
Test-Thing
$e = $Error[0]
$e.FullyQualifiedErrorId
$e.CategoryInfo.Category
$e.TargetObject
try {
    Write-Error 'stopping' -ErrorAction Stop
    'not reached'
} catch {
    "caught: $($_.Exception.Message)"
}
Write-Error 'quiet' -ErrorAction SilentlyContinue
$Error[0].Exception.Message
