# Add-Member (note, script, alias properties, script methods, -Force, -PassThru, -TypeName),
# Get-Member (definitions, -Name, -MemberType) and New-Object.
$o = [pscustomobject]@{ Name = 'ann' }
$o | Add-Member -NotePropertyName Dept -NotePropertyValue 'IT'
$o | Add-Member -MemberType NoteProperty -Name Age -Value 31
$o | Add-Member -NotePropertyMembers @{ Site = 'Oslo' }
$o | Add-Member -MemberType ScriptProperty -Name Upper -Value { $this.Name.ToUpper() }
$o | Add-Member -MemberType AliasProperty -Name Handle -Value Name
$o | Add-Member -MemberType ScriptMethod -Name Greet -Value { param($g) "$g, $($this.Name)" }
"$($o.Dept) $($o.Age) $($o.Site) $($o.Upper) $($o.Handle)"
$o.Greet('Hi')
$o | Add-Member -NotePropertyName Dept -NotePropertyValue 'HR' -Force
$o.Dept
$p = [pscustomobject]@{} | Add-Member -NotePropertyName x -NotePropertyValue 1 -PassThru
$p.x
$t = [pscustomobject]@{ a = 1 } | Add-Member -TypeName 'My.Type' -PassThru
$t.PSObject.TypeNames[0]
$m = [pscustomobject]@{ Name = 'ann'; Age = 31 } | Get-Member
$m | ForEach-Object { "$($_.Name) | $($_.MemberType) | $($_.Definition)" }
('text' | Get-Member -Name Length).Definition
([pscustomobject]@{ a = 1; b = 2 } | Get-Member -MemberType NoteProperty).Name -join ','
$list = New-Object System.Collections.Generic.List[string]
$list.Add('a')
$list.Add('b')
$list.Count
$al = New-Object System.Collections.ArrayList
[void]$al.Add(1)
$al.Count
$h = New-Object hashtable
$h['k'] = 5
$h.k
(New-Object PSObject -Property @{ Name = 'x' }).Name
"$(New-Object -TypeName PSCustomObject -Property ([ordered]@{ A = 1; B = 2 }))"
$o | Add-Member -NotePropertyName Age -NotePropertyValue 1
New-Object Foo.Bar
