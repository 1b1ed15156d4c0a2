# The simulated tenants and the SharePoint connection follow the same rule as every other
# part of the world: each test starts from the state its block's BeforeAll left.

Describe 'Tenant changes stay in their test' {
    BeforeAll {
        $TargetAdminUrl = 'https://m365x946316-admin.sharepoint.com'
        $SourceHostUrl = 'https://m365x016651-my.sharepoint.com/'
        Connect-SPOService -Url $TargetAdminUrl
    }

    It 'requests trust with the source tenant' {
        Set-SPOCrossTenantRelationship -Scenario MnA -PartnerRole Source -PartnerCrossTenantHostUrl $SourceHostUrl
        Get-SPOCrossTenantRelationship | Should -HaveCount 1
    }

    It 'starts from a world without that trust' {
        Get-SPOCrossTenantRelationship | Should -BeNullOrEmpty
    }

    It 'can disconnect' {
        Disconnect-SPOService
        { Get-SPOCrossTenantHostUrl -ErrorAction Stop } | Should -Throw -ExpectedMessage 'No connection available*'
    }

    It 'is connected again in the next test' {
        Get-SPOCrossTenantHostUrl | Should -Be 'https://m365x946316-my.sharepoint.com/'
    }

    Context 'with trust requested in BeforeAll' {
        BeforeAll {
            Set-SPOCrossTenantRelationship -Scenario MnA -PartnerRole Source -PartnerCrossTenantHostUrl $SourceHostUrl
        }
        It 'sees the trust of its block' {
            Get-SPOCrossTenantRelationship | Should -HaveCount 1
        }
        It 'still sees it in the next test' {
            Get-SPOCrossTenantRelationship | Should -HaveCount 1
        }
    }

    It 'does not see the trust of the finished Context' {
        Get-SPOCrossTenantRelationship | Should -BeNullOrEmpty
    }
}
