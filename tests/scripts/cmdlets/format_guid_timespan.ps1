# Guid's table view and TimeSpan's list view (doubles in lists are G15).
[guid]'04030201-0605-0807-090a-0b0c0d0e0f10'
