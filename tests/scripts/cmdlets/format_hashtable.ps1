# Hashtables: the DictionaryEntry view (Name column 30 wide, Value fills the line),
# written as it comes; a string after it appears before the closing blank line.
[ordered]@{ a = 1; bb = 'two' }
'x'
