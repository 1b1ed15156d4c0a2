# DateTime's custom view fixes the document; a later object of another type is written
# out-of-band as a list.
Get-Date -Date '2026-11-23 16:32:00'
[pscustomobject]@{ a = 1 }
