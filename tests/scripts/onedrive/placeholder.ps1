# exit: 1
# Step 2 as written: <...> placeholders are not PowerShell; the script does not run at all.
Connect-SPOService -url https://m365x016651-admin.sharepoint.com
Set-SPOCrossTenantRelationship -Scenario MnA -PartnerRole Target -PartnerCrossTenantHostUrl <TARGETCrossTenantHostUrl>
