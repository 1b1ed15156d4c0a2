# $FormatEnumerationLimit: -1 shows every item of a collection in a cell.
$FormatEnumerationLimit = -1
[pscustomobject]@{ Nums = 1..6; Two = 1, 2 }
