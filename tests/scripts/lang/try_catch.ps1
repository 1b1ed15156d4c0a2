# try/catch/finally: handler selection as pwsh's ExceptionHandlingOps.FindMatchingHandler (the
# wrapped exception is matched first, then the RuntimeException; a typed clause beats a catch-all),
# `$_` in catch, throw of strings/exceptions/ErrorRecords, rethrow, finally on every exit.
# Sources: about_Try_Catch_Finally, test/powershell/Language/Scripting/Trap.Tests.ps1,
# test/powershell/Language/Scripting/TryCatch.Tests.ps1 (PowerShell/PowerShell).
function Show($r) { "{0} | {1} | {2}" -f $r.Exception.GetType().FullName, $r.FullyQualifiedErrorId, $r.Exception.Message }

try { throw "boom" } catch { Show $_ }
try { throw [System.ArgumentException]::new("bad arg") } catch [System.ArgumentException] { Show $_ }
try { throw [System.ArgumentException]::new("bad arg") } catch { Show $_ }
# 1/0 is a RuntimeException wrapping DivideByZeroException: the inner type is tried first.
try { 1/0 } catch [System.DivideByZeroException] { "dbz: " + $_.Exception.GetType().Name }
try { $z = 0; 5 / $z } catch [System.Management.Automation.RuntimeException] { "rte: " + $_.Exception.InnerException.GetType().Name }
try { 1/0 } catch [System.Management.Automation.RuntimeException] { "first clause" } catch [System.DivideByZeroException] { "typed inner wins" }
try { 1/0 } catch [System.ArithmeticException] { "base type wins over catch-all" } catch { "catch-all" }
# A failed cast: PSInvalidCastException inside a RuntimeException.
try { [int]"abc" } catch [System.InvalidCastException] { "cast: " + $_.FullyQualifiedErrorId }
try { [int]"abc" } catch { Show $_ }
# Several types in one clause; no clause matches -> the outer handler.
try {
    try { throw [System.IO.FileNotFoundException]::new("nf") } catch [System.FormatException], [System.TimeoutException] { "wrong" }
} catch [System.IO.IOException] { "outer: " + $_.Exception.GetType().Name }
# Rethrow keeps the record.
try { try { throw "inner" } catch { throw } } catch { "rethrown: $_ ($($_.FullyQualifiedErrorId))" }
try { try { throw "inner2" } catch { throw $_ } } catch { "rethrown record: $_" }
try { try { Get-Content -Path ./no/such/file -ErrorAction Stop } catch { throw $_.Exception } } catch { "rethrown exception: " + $_.Exception.GetType().Name }
# -ErrorAction Stop: the record's own exception type is catchable.
try { Get-Content -Path ./no/such/file -ErrorAction Stop } catch [System.Management.Automation.ItemNotFoundException] { "item not found: " + $_.CategoryInfo.Category }
try { Write-Error "stopped" -ErrorAction Stop } catch [System.Management.Automation.ActionPreferenceStopException] { "stop: $_" }
# throw $null, throw with an ErrorRecord, throw of an arbitrary object.
try { throw } catch { "bare: " + $_.Exception.Message }
try { throw (New-Object System.Management.Automation.ErrorRecord ([Exception]::new("rec")), "RecId", "InvalidData", "target") } catch { Show $_; $_.TargetObject; $_.CategoryInfo.Category }
try { throw @{ a = 1 } } catch { "hashtable: " + $_.TargetObject.a }
# finally runs on normal exit, on errors, on break/continue/return.
function F1 { try { return "returned" } finally { "finally after return" } }
F1
foreach ($i in 1..3) { try { if ($i -eq 2) { continue }; if ($i -eq 3) { break }; "body $i" } finally { "finally $i" } }
try { try { throw "x" } finally { "inner finally" } } catch { "caught $_" }
# Nested try in a function called from a try.
function Inner { try { throw "deep" } catch { "inner caught $_"; throw "again" } }
try { Inner } catch { "outer caught $_" }
"done"
