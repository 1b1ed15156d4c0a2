# Repeated calls go through the call-site binding plan after the first call: the results
# must be identical to the binder's.
function Add-Pair { param([int]$A, [int]$B = 10) $A + $B }
function Join-Words { param($First, $Second, [switch]$Upper) $s = "$First-$Second"; if ($Upper) { $s.ToUpper() } else { $s } }
function Get-Typed { param([string]$Name, [double]$Size) "$Name=$Size" }
foreach ($i in 1..3) { Add-Pair -A $i }
foreach ($i in 1..2) { Add-Pair $i 100 }
foreach ($i in 1..2) { Join-Words a $i -Upper }
foreach ($i in 1..2) { Join-Words -Second x -First $i }
foreach ($v in '1.5', 2) { Get-Typed -Name n -Size $v }
foreach ($v in 'x', 'y') { Add-Pair -A $v }
"after"
