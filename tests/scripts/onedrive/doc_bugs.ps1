# Documented commands whose doc bugs surface at run time (reference/README.md, doc bugs 2, 3, 4, 5, 6, 7, 1).
Connect-SPOService -url https://m365x016651-admin.sharepoint.com
Get-SPOCrossTenantCompatibilityStatus –PartnerCrossTenantHostURL [Target tenant hostname]
Get-SPOCrossTenantCompatibilityStatus –PartnerCrossTenantHostURL https://m365x946316-my.sharepoint.com/
Start-SPOCrossTenantUserContentMove -SourceUserPrincipalName DiegoS@M365x016651.OnMicrosoft.com -TargetUserPrincipalName
        Test-Diego@M365x946316.OnMicrosoft.com -TargetCrossTenantHostUrl https://m365x946316-my.sharepoint.com/ 
Stop-SPOCrossTenantUserContentMove – SourceUserPrincipalName DiegoS@M365x016651.OnMicrosoft.com
Get-SPOUserAndContentMoveState -PartnerCrossTenantHostURL https://m365x946316-my.sharepoint.com -SourceUserPrincipalName DiegoS@M365x016651.OnMicrosoft.com
Connect-SPOService -url https://m365x946316-admin.sharepoint.com
Get-SPOCrossTenantUserContentMoveState -PartnerCrossTenantHostURL  https://m365x016551-my.sharepoint.com/
Remove-SPOCrossTenantRelationship -Scenario MnA -PartnerRole Target -PartnerCrossTenantHostUrl https://m365x946316-my.sharepoint.com/
