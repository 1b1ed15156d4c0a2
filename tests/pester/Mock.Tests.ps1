# Mock: functions and cmdlets are shadowed inside the block or test that mocks them, calls are
# counted for Should -Invoke, and mocks disappear with their block or test.

BeforeAll {
    function Get-Mailbox2([string] $Identity) { "real $Identity" }
}

Describe 'Mocking a function' {
    BeforeAll {
        Mock Get-Mailbox2 { "mocked $Identity" }
    }

    It 'uses the block mock' {
        Get-Mailbox2 -Identity alice | Should -Be 'mocked alice'
        Should -Invoke Get-Mailbox2 -Times 1 -Exactly
    }

    It 'prefers a matching parameter filter, newest first' {
        Mock Get-Mailbox2 { 'bob mock' } -ParameterFilter { $Identity -eq 'bob' }
        Get-Mailbox2 bob | Should -Be 'bob mock'
        Get-Mailbox2 carol | Should -Be 'mocked carol'
        Should -Invoke Get-Mailbox2 -Times 1 -Exactly -ParameterFilter { $Identity -eq 'bob' }
        Should -Invoke Get-Mailbox2 -Times 2 -Exactly
    }

    It 'counts calls per test' {
        Should -Invoke Get-Mailbox2 -Times 0 -Exactly
        Should -Not -Invoke Get-Mailbox2
    }

    It 'checks every call with -ExclusiveFilter' {
        Get-Mailbox2 dave
        Get-Mailbox2 dave
        Should -Invoke Get-Mailbox2 -ExclusiveFilter { $Identity -eq 'dave' }
    }

    AfterAll {
        # Scope Describe: all calls in the block and its tests.
        Should -Invoke Get-Mailbox2 -Times 5 -Exactly -Scope Describe
    }
}

Describe 'After the mocking block' {
    It 'calls the real function again' {
        Get-Mailbox2 -Identity alice | Should -Be 'real alice'
    }
}

Describe 'Mocking cmdlets' {
    It 'shadows a core cmdlet in one test' {
        Mock Get-Date { [datetime]'2020-01-01' }
        (Get-Date).Year | Should -Be 2020
        Should -Invoke Get-Date -Times 1 -Exactly
    }

    It 'restores it in the next test' {
        (Get-Date).Year | Should -Not -Be 2020
    }

    It 'binds calls with the real signature, positional parameters included' {
        Mock Start-Sleep { }
        Start-Sleep 30
        Should -Invoke Start-Sleep -ParameterFilter { $Seconds -eq 30 }
    }

    It 'mocks a migration cmdlet' {
        Mock Start-SPOCrossTenantUserContentMove { [pscustomobject]@{ State = 'Scheduled' } }
        $move = Start-SPOCrossTenantUserContentMove -SourceUserPrincipalName alice@contoso.com -TargetUserPrincipalName alice@fabrikam.com -TargetCrossTenantHostUrl 'https://fabrikam-my.sharepoint.com/'
        $move.State | Should -Be 'Scheduled'
        Should -Invoke Start-SPOCrossTenantUserContentMove -Times 1 -Exactly -ParameterFilter {
            $SourceUserPrincipalName -eq 'alice@contoso.com' -and $TargetCrossTenantHostUrl -like '*fabrikam*'
        }
    }

    It 'verifies -Verifiable mocks' {
        Mock Get-Random { 4 } -Verifiable
        Get-Random | Should -Be 4
        Should -InvokeVerifiable
    }

    It 'sees test variables inside the mock body' {
        $answer = 42
        Mock Get-Random { $answer }
        Get-Random | Should -Be 42
    }
}
