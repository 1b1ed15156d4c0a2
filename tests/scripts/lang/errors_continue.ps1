# exit: 0
# A command that does not exist is a statement-terminating error: the script goes on.
"before"
Get-Foo
"after"
