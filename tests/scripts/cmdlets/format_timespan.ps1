[timespan]'01:02:03'
