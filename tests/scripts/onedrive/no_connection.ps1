# Every SharePoint Online cmdlet needs Connect-SPOService first.
Get-SPOCrossTenantHostUrl
$Error[0].FullyQualifiedErrorId
Disconnect-SPOService
