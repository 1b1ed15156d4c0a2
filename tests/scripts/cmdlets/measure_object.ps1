# Measure-Object: Count/Sum/Average/Maximum/Minimum/StandardDeviation, -Property,
# text measures, and the error for a property no input object has.
$m = 1, 2, 3, 4 | Measure-Object -Sum -Average -Maximum -Minimum
"$($m.Count) $($m.Sum) $($m.Average) $($m.Maximum) $($m.Minimum)"
$items = [pscustomobject]@{ Size = 10 }, [pscustomobject]@{ Size = 12 }, [pscustomobject]@{ Other = 1 }
$s = $items | Measure-Object -Property Size -Sum
"$($s.Count) $($s.Sum) $($s.Property)"
(Measure-Object -InputObject 1, 2, 3).Count
(1, 2, 3 | Measure-Object).Count
(1..5 | Measure-Object -StandardDeviation).StandardDeviation
$null -eq (1, 2 | Measure-Object).Sum
$t = 'hello world', 'foo' | Measure-Object -Line -Word -Character
"$($t.Lines) $($t.Words) $($t.Characters)"
('b', 'a', 'c' | Measure-Object -Maximum).Maximum
$items | Measure-Object -Property Missing
'done'
