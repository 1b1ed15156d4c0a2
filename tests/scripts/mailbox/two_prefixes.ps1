# Two tenants in one session: the source with -Prefix Source, the target with -Prefix Target.
Connect-ExchangeOnline -UserPrincipalName admin@M365x016651.onmicrosoft.com -Prefix Source -ShowBanner:$false
Connect-ExchangeOnline -UserPrincipalName admin@M365x946316.onmicrosoft.com -Prefix Target -ShowBanner:$false
$m = Get-SourceMailbox LaraN
$m | Format-List Name, Alias, RecipientTypeDetails, PrimarySmtpAddress, ArchiveStatus
$pw = ConvertTo-SecureString 'P@ssw0rd!' -AsPlainText -Force
New-TargetMailUser -Name LaraN -MicrosoftOnlineServicesID LaraN@M365x946316.onmicrosoft.com -ExternalEmailAddress $m.PrimarySmtpAddress -Password $pw
Get-TargetMailUser LaraN | Format-List Name, ExternalEmailAddress, EmailAddresses, ExchangeGuid
# The unprefixed names don't exist: both connections have a prefix.
Get-MailUser LaraN
# Errors name the command as typed.
Get-SourceMailbox LaraN@M365x946316.onmicrosoft.com
