# GenericMeasureInfo has no registered view: 7 properties, so a list.
1, 2, 3 | Measure-Object -Sum -Maximum
