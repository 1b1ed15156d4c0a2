# The .NET surface admin scripts use (README "Supported .NET members"): static members of
# [math], [convert], [string], [datetime], [timespan], [guid], [regex], [IO.Path], [uri],
# [Text.Encoding], [Environment], and instance members of strings, dates, collections.
[math]::Round(2.5), [math]::Round(3.5), [math]::Round(2.675, 2), [math]::Round(1.5, [MidpointRounding]::AwayFromZero) -join ','
[math]::Floor(-2.5), [math]::Ceiling(1.2), [math]::Truncate(-1.7), [math]::Abs(-4), [math]::Pow(2, 10), [math]::Sqrt(16) -join ','
[math]::Max(3, 7), [math]::Min(1, 2.5), [math]::PI.ToString('F4') -join ','
[convert]::ToInt32('ff', 16), [convert]::ToString(255, 2), [convert]::ToInt32(2.5), [convert]::ToBoolean('True') -join ','
[convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes('hello'))
[Text.Encoding]::UTF8.GetString([convert]::FromBase64String('aGVsbG8='))
[Text.Encoding]::Unicode.GetBytes('A') -join ','
[int]::Parse('12') + [double]::Parse('1.5')
$n = 0; [int]::TryParse('42', [ref]$n), $n -join ','
$n = 7; [int]::TryParse('x', [ref]$n), $n -join ','
$d = [datetime]::MinValue; [datetime]::TryParse('2024-02-29', [ref]$d), $d.ToString('yyyy-MM-dd') -join ','
function Set-Ref([ref]$Target) { $Target.Value = 'set through [ref]' }
$v = 'original'; Set-Ref ([ref]$v); $v
[string]::IsNullOrEmpty(''), [string]::IsNullOrWhiteSpace(' '), [string]::Join('/', 'a', 'b'), [string]::Format('{0}-{1}', 1, 2) -join ','
[datetime]::ParseExact('05/03/2024', 'dd/MM/yyyy', $null).ToString('yyyy-MM-dd')
([datetime]'2024-01-31').AddMonths(1).ToString('yyyy-MM-dd'), ([datetime]'2024-01-01').AddDays(-1).DayOfWeek -join ','
(([datetime]'2024-03-01') - ([datetime]'2024-02-01')).TotalDays
([datetime]'2024-03-08 14:30').ToString('dddd dd MMM yyyy HH:mm:ss')
[timespan]::FromMinutes(90).ToString(), ([timespan]'01:30:00').TotalHours, (New-TimeSpan -Hours 2).TotalMinutes -join ','
[guid]::Empty.ToString(), [guid]::Parse('6F9619FF-8B86-D011-B42D-00C04FC964FF').ToString('N') -join ','
[regex]::Escape('a.b*c'), [regex]::IsMatch('ABC', 'abc'), [regex]::IsMatch('ABC', 'abc', 'IgnoreCase') -join ','
[regex]::Replace('a1b22', '\d+', '#'), ([regex]::Matches('a1b22', '\d+') | ForEach-Object Value) -join ','
$m = [regex]::Match('key=value', '(?<k>\w+)=(?<v>\w+)'); $m.Success, $m.Groups['k'].Value, $m.Groups['v'].Value -join ','
[IO.Path]::GetFileName('/a/b/c.txt'), [IO.Path]::GetExtension('x.CSV'), [IO.Path]::GetFileNameWithoutExtension('r.final.csv'), [IO.Path]::ChangeExtension('a.txt', 'log') -join ','
[IO.Path]::Combine('a', 'b', 'c.txt'), [IO.Path]::GetDirectoryName('/a/b/c.txt') -join ','
[uri]::EscapeDataString('a b&c/d'), [uri]::UnescapeDataString('a%20b') -join ','
[System.Net.WebUtility]::UrlEncode('a b&c'), [System.Net.WebUtility]::HtmlEncode('<b>') -join ','
([uri]'https://contoso.sharepoint.com/sites/x?y=1').Host
[environment]::NewLine -eq "`n"
$sb = [System.Text.StringBuilder]::new(); [void]$sb.Append('a').Append('b'); [void]$sb.AppendFormat('{0}', 'c'); $sb.ToString(), $sb.Length -join ','
$q = [System.Collections.Queue]::new(); $q.Enqueue(1); $q.Enqueue(2); $q.Dequeue(), $q.Count -join ','
$st = [System.Collections.Stack]::new(); $st.Push('a'); $st.Push('b'); $st.Pop(), $st.Peek() -join ','
$set = [System.Collections.Generic.HashSet[string]]::new([StringComparer]::OrdinalIgnoreCase); $set.Add('a'), $set.Add('A'), $set.Count -join ','
$dict = [System.Collections.Generic.Dictionary[string, int]]::new(); $dict['x'] = 1; $dict.Add('y', 2); ($dict.Keys -join '+'), $dict.ContainsKey('y') -join ','
$list = [System.Collections.Generic.List[int]]::new(); $list.AddRange([int[]](3, 1, 2)); $list.Sort(); ($list -join ''), $list.IndexOf(3) -join ','
(Get-Date '2024-03-08').DayOfWeek.GetType().FullName
[Enum]::GetNames([System.DayOfWeek]).Count
[convert]::ToInt32('zz', 16)
'abc'.Substring(5)
[datetime]::ParseExact('2024', 'dd/MM/yyyy', $null)
$null.ToString()
'x'.NoSuchMethod()
[math]::NoSuchMethod(1)
