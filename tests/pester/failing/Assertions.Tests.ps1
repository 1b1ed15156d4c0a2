# exit: 20
# Deliberately failing: one failing assertion per Should operator, to pin Pester 5's
# failure messages and the Detailed output layout. Expected output: Assertions.out.

Describe 'Failing assertions' {
    It 'Be' { 1 + 1 | Should -Be 3 }
    It 'Be with strings' { 'migration' | Should -Be 'migrations' }
    It 'BeExactly' { 'Contoso' | Should -BeExactly 'contoso' -Because 'tenant names are case-sensitive here' }
    It 'Not Be' { 'x' | Should -Not -Be 'x' }
    It 'BeNullOrEmpty' { 'value' | Should -BeNullOrEmpty }
    It 'Not BeNullOrEmpty' { $null | Should -Not -BeNullOrEmpty }
    It 'BeTrue' { $false | Should -BeTrue }
    It 'BeFalse' { 1 | Should -BeFalse }
    It 'BeGreaterThan' { 1 | Should -BeGreaterThan 10 }
    It 'BeLessThan' { 10 | Should -BeLessThan 1 }
    It 'Contain' { 'a', 'b' | Should -Contain 'c' }
    It 'BeIn' { 'c' | Should -BeIn 'a', 'b' }
    It 'Match' { 'alice@contoso.com' | Should -Match '@fabrikam\.com$' }
    It 'Like' { 'alice@contoso.com' | Should -BeLike '*@fabrikam.com' }
    It 'HaveCount' { 1, 2, 3 | Should -HaveCount 2 }
    It 'BeOfType' { '42' | Should -BeOfType [int] }
    It 'Throw' { { 'no error' } | Should -Throw }
    It 'Throw with a message' { { throw 'Move failed' } | Should -Throw -ExpectedMessage 'Move succeeded' }
    It 'Throw with an error id' { { Get-Content -Path 'no-such-file.txt' -ErrorAction Stop } | Should -Throw -ErrorId 'FileNotFound*' }
    It 'Not Throw' { { throw 'unexpected' } | Should -Not -Throw }
}
