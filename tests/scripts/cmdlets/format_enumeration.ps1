# Collections in cells: {a, b}, at most 4 items then …, hashtables show their keys.
[pscustomobject]@{ Nums = 1..5; Letters = 'a', 'b', 'c'; Empty = @(); H = @{ k = 1 } }
