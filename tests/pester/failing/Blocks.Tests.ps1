# exit: 11
# Deliberately failing: errors in tests and in setup/teardown blocks, skipped and inconclusive
# tests, and mock call counts. Expected output: Blocks.out.

Describe 'Errors in tests' {
    It 'throws' {
        throw 'The batch is not ready'
    }
    It 'calls an unknown command' {
        Get-MigrationBatchThatDoesNotExist
    }
    It 'writes a non-terminating error and passes' {
        Write-Error 'only a warning sign'
        $true | Should -BeTrue
    }
}

Describe 'A failing BeforeAll' {
    BeforeAll {
        throw 'Could not connect'
    }
    It 'is not run' { $true | Should -BeTrue }
    It 'is not run either' { $true | Should -BeTrue }
}

Describe 'A failing AfterAll' {
    It 'passes' { $true | Should -BeTrue }
    AfterAll {
        throw 'Could not clean up'
    }
}

Describe 'Failing setups per test' {
    Context 'BeforeEach' {
        BeforeEach { throw 'setup failed' }
        AfterEach { $script:afterRan = $true }
        It 'does not run its body' { throw 'never' }
    }
    Context 'AfterEach' {
        AfterEach { throw 'teardown failed' }
        It 'fails after its body' { 1 | Should -Be 2 }
    }
}

Describe 'Results' {
    It 'is skipped' -Skip { }
    It 'is skipped from inside' { Set-ItResult -Skipped -Because 'the tenant is not licensed' }
    It 'is inconclusive' { Set-ItResult -Inconclusive -Because 'the move is still running' }
}

Describe 'Mock counts' {
    BeforeAll {
        function Send-Report([string] $To) { }
        Mock Send-Report { }
    }
    It 'expects a call that never came' {
        Should -Invoke Send-Report -Times 1
    }
    It 'expects exactly one call' {
        Send-Report -To admin@contoso.com
        Send-Report -To admin@contoso.com
        Should -Invoke Send-Report -Times 1 -Exactly
    }
    It 'expects no call' {
        Send-Report -To admin@contoso.com
        Should -Not -Invoke Send-Report
    }
}
