# trap: a trap anywhere in a statement list handles errors of the whole list; without
# break/continue the error is reported and execution resumes after the failing statement,
# `continue` resumes silently, `break` rethrows; typed traps are preferred to the catch-all.
# Sources: about_Trap; test/powershell/Language/Scripting/Trap.Tests.ps1.
function T1 {
    trap { "trap: $_"; continue }
    "before"
    throw "oops"
    "after (continue resumes)"
}
T1
function T2 {
    trap [System.DivideByZeroException] { "typed trap: $($_.Exception.GetType().Name)"; continue }
    trap { "generic trap"; continue }
    $zero = 0
    1 / $zero
    throw "other"
    "end of T2"
}
T2
function T3 {
    trap { "trap then break"; break }
    "start"
    throw "fatal"
    "not reached"
}
try { T3 } catch { "caller caught: $_" }
function T4 {
    trap { "trap without continue" }
    throw "reported"
    "resumed"
}
T4
"done"
