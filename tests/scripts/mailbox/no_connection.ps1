# Exchange Online cmdlets exist only after Connect-ExchangeOnline (and again not after
# Disconnect-ExchangeOnline); Graph cmdlets exist but need Connect-MgGraph.
Get-Mailbox
$Error[0].FullyQualifiedErrorId
Get-MgUser
Connect-ExchangeOnline -UserPrincipalName admin@M365x016651.onmicrosoft.com -ShowBanner:$false
Get-Mailbox -ResultSize 3
Disconnect-ExchangeOnline
Get-OrganizationConfig
