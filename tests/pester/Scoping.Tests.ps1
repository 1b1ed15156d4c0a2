# Pester 5's two phases and its scoping rules: code in a Describe body runs during Discovery,
# BeforeAll variables reach every test of the block, each test has its own scope.

BeforeDiscovery {
    $users = @('alice', 'bob')
}

BeforeAll {
    function Get-Greeting([string] $Name) { "Hello, $Name" }
    $script:log = [System.Collections.ArrayList]::new()
    $fileLevel = 'set in the top-level BeforeAll'
}

Describe 'Phases' {
    $discoveryOnly = 'set during Discovery'

    It 'does not see variables set in the Describe body' {
        $discoveryOnly | Should -BeNullOrEmpty
    }

    It 'sees functions and variables of the top-level BeforeAll' {
        Get-Greeting 'you' | Should -Be 'Hello, you'
        $fileLevel | Should -Be 'set in the top-level BeforeAll'
    }

    It 'knows its file' {
        $PSScriptRoot | Should -Match 'pester$'
    }
}

Describe 'Setup and teardown order' {
    BeforeAll { $null = $script:log.Add('BeforeAll') }
    BeforeEach { $null = $script:log.Add('BeforeEach'); $each = 'from BeforeEach' }
    AfterEach { $null = $script:log.Add('AfterEach') }
    AfterAll { $null = $script:log.Add('AfterAll') }

    It 'runs BeforeEach in the test scope' {
        $null = $script:log.Add('It 1')
        $each | Should -Be 'from BeforeEach'
        $fromTest = 'set in test 1'
    }

    It 'starts every test from a fresh scope' {
        $null = $script:log.Add('It 2')
        $fromTest | Should -BeNullOrEmpty
    }

    Context 'nested' {
        BeforeEach { $null = $script:log.Add('inner BeforeEach') }
        AfterEach { $null = $script:log.Add('inner AfterEach') }
        It 'runs outer setups first and outer teardowns last' {
            $null = $script:log.Add('It 3')
        }
    }
}

Describe 'Order log' {
    It 'shows the order of the previous Describe' {
        $script:log -join ', ' | Should -Be 'BeforeAll, BeforeEach, It 1, AfterEach, BeforeEach, It 2, AfterEach, BeforeEach, inner BeforeEach, It 3, inner AfterEach, AfterEach, AfterAll'
    }
}

Describe 'Data-driven tests' {
    It 'greets <Name> (<Expected>)' -TestCases @(
        @{ Name = 'alice'; Expected = 'Hello, alice' }
        @{ Name = 'bob'; Expected = 'Hello, bob' }
    ) {
        Get-Greeting $Name | Should -Be $Expected
    }

    It 'has user <_>' -ForEach $users {
        $_ | Should -BeIn 'alice', 'bob'
    }

    It 'generates nothing for an empty list' -ForEach @() {
        throw 'never runs'
    }
}

Describe 'Block for <_>' -ForEach @('contoso', 'fabrikam') {
    BeforeAll {
        $tenant = $_
    }
    It 'has the data of its block' {
        $tenant | Should -BeIn 'contoso', 'fabrikam'
        $_ | Should -Be $tenant
    }
}

Describe 'Skipping' {
    It 'skips with -Skip' -Skip {
        throw 'never runs'
    }
    It 'skips from inside the test' {
        Set-ItResult -Skipped -Because 'the feature is not simulated'
        throw 'never reached'
    }
    Context 'skipped block' -Skip {
        BeforeAll { throw 'never runs either' }
        It 'is skipped with its block' { throw 'never runs' }
    }
}

Describe 'TestDrive' {
    BeforeAll {
        Set-Content -Path (Join-Path $TestDrive 'users.csv') -Value 'Upn'
    }
    It 'has the files of its block' {
        Join-Path $TestDrive 'users.csv' | Should -Exist
        Set-Content -Path (Join-Path $TestDrive 'report.txt') -Value 'done'
    }
    Context 'a child block' {
        BeforeAll {
            Set-Content -Path (Join-Path $TestDrive 'child.txt') -Value 'child'
        }
        It 'sees its own and its parent''s files' {
            Join-Path $TestDrive 'child.txt' | Should -Exist
            Join-Path $TestDrive 'users.csv' | Should -Exist
        }
    }
    It 'no longer has the files of a finished child block' {
        Join-Path $TestDrive 'child.txt' | Should -Not -Exist
    }
}
