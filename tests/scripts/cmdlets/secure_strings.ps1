# ConvertTo-SecureString / ConvertFrom-SecureString (on Unix: hex of the UTF-16 bytes, no
# DPAPI), PSCredential, Get-Credential without a console.
$s = ConvertTo-SecureString 'P@ss' -AsPlainText -Force
$s.GetType().FullName
$s.Length
"$s"
$enc = ConvertFrom-SecureString $s
$enc
ConvertTo-SecureString $enc | ConvertFrom-SecureString -AsPlainText
$cred = New-Object System.Management.Automation.PSCredential('admin@contoso.com', $s)
$cred.UserName
$cred.Password.GetType().Name
(Get-Credential -Credential $cred).UserName
Get-Credential -UserName 'admin@contoso.com'
'after'
