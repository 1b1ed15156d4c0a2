# Conversions (about_Type_Conversion, LanguagePrimitives): numbers from strings (hex, exponent,
# whitespace, empty, thousands separators), banker's rounding on [int], overflow errors,
# [bool] of strings and collections, -as never throws, arrays of a type, chars, enums, dates.
function Show($label, $v) { "{0}: {1} [{2}]" -f $label, ($v -join ','), $(if ($null -eq $v) { 'null' } else { $v.GetType().Name }) }
Show 'hex' ([int]'0x1F')
Show 'exponent' ([int]'1e3')
Show 'whitespace' ([int]'  42  ')
Show 'empty string' ([int]'')
Show 'thousands' (([int]'1,000'), ([double]'1,234.5'))
Show 'through double' ([int]'2.5', [int]'3.5', [int]'-2.5')
Show 'bankers rounding' ([int]2.5, [int]3.5, [int]-3.5, [long]0.5)
Show 'long' ([long]'9223372036854775807')
Show 'multiplier suffixes' (1kb, 1.5mb, 0x10)
Show 'bool of strings' ([bool]'false', [bool]'0', [bool]'', [bool]' ')
Show 'bool of numbers' ([bool]0, [bool]0.0, [bool]-1)
Show 'bool of collections' ([bool]@(), [bool]@(0), [bool]@(0, 0), [bool]@($false), [bool]@{})
Show 'bool of null' ([bool]$null)
Show 'string array' (([string[]](1, 2))[0].GetType().Name)
Show 'int array' ([int[]]('1', '2') | ForEach-Object { $_.GetType().Name })
Show 'char' ([char]65, [int][char]'A', [char]'x')
Show 'string of array' ([string](1, 2, 3))
Show 'typed variable' $(([int]$t = '5'); $t = '7'; $t.GetType().Name)
Show 'as never throws' (('abc' -as [int]), ('2024-13-45' -as [datetime]), ($null -as [int]))
Show 'enum by name' ([System.DayOfWeek]'friday')
Show 'enum to int' ([int][System.DayOfWeek]::Friday)
Show 'enum from int' ([System.DayOfWeek]2)
Show 'enum compares by name' (([ConsoleColor]::Red -eq 'red'), ('Red' -eq [ConsoleColor]::Red), ([ConsoleColor]::Red -eq 12))
Show 'datetime' (([datetime]'2024-03-05').ToString('yyyy-MM-dd HH:mm'), ([datetime]'03/05/2024 13:45').Day)
Show 'timespan' ([timespan]'1.02:03:04').TotalHours
Show 'guid' ([guid]'6F9619FF-8B86-D011-B42D-00C04FC964FF').ToString()
Show 'version' ([version]'1.2.3').Minor
Show 'ordered' (([ordered]@{ z = 1; a = 2 }).Keys)
Show 'pscustomobject keeps order' (([pscustomobject]@{ z = 1; a = 2; m = 3 }).psobject.Properties.Name)
Show 'hashtable string form' ([string]@{ a = 1 })
Show 'object string form' ([string][pscustomobject]@{ a = 1; b = 'x' })
[int]'abc'
[int]2147483648
[int]'9999999999'
[byte]300
[datetime]'not a date'
[char]'ab'
[ConsoleColor]'Purple'
[int][ConsoleColor]::Red + 1
[int]$typed = 5
$typed = 'five'
"typed still: $typed"
