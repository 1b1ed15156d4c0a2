# Should operators: every operator passes and fails as Pester 5's do. Failure messages are
# checked the way Pester's own tests check them: by catching the assertion.

Describe 'Should -Be' {
    It 'compares values, arrays and strings (case-insensitively)' {
        1 | Should -Be 1
        'A' | Should -Be 'a'
        1, 2, 3 | Should -Be @(1, 2, 3)
        $null | Should -Be $null
        2 | Should -Not -Be 3
        2 | Should -EQ 2
    }
    It 'reports values with Format-Nicely' {
        { 2 | Should -Be 1 } | Should -Throw -ExpectedMessage 'Expected 1, but got 2.'
        { $null | Should -Be 'x' } | Should -Throw -ExpectedMessage "Expected 'x', but got `$null."
        { 1, 2 | Should -Be 3 } | Should -Throw -ExpectedMessage 'Expected 3, but got @(1, 2).'
        { 2 | Should -Be 1 -Because 'reason' } | Should -Throw -ExpectedMessage 'Expected 1, because reason, but got 2.'
        { 1 | Should -Not -Be 1 } | Should -Throw -ExpectedMessage 'Expected 1 to be different from the actual value, but got the same value.'
    }
    It 'reports differing strings with their lengths and the first difference' {
        $err = { 'actual' | Should -Be 'expected' } | Should -Throw -PassThru
        $err.Exception.Message | Should -BeExactly "Expected strings to be the same, but they were different.`nExpected length: 8`nActual length:   6`nStrings differ at index 0.`nExpected: 'expected'`nBut was:  'actual'`n           ^"
    }
}

Describe 'Should -BeExactly' {
    It 'is case-sensitive' {
        'a' | Should -BeExactly 'a'
        'A' | Should -Not -BeExactly 'a'
        $err = { 'a' | Should -BeExactly 'A' -Because 'reason' } | Should -Throw -PassThru
        $err.Exception.Message | Should -BeExactly "Expected strings to be the same, because reason, but they were different.`nString lengths are both 1.`nStrings differ at index 0.`nExpected: 'A'`nBut was:  'a'`n           ^"
    }
}

Describe 'Should -BeNullOrEmpty' {
    It 'accepts $null, empty strings, arrays and hashtables' {
        $null | Should -BeNullOrEmpty
        '' | Should -BeNullOrEmpty
        @() | Should -BeNullOrEmpty
        @{} | Should -BeNullOrEmpty
        'x' | Should -Not -BeNullOrEmpty
    }
    It 'reports' {
        { 1 | Should -BeNullOrEmpty -Because 'reason' } | Should -Throw -ExpectedMessage 'Expected $null or empty, because reason, but got 1.'
        { $null | Should -Not -BeNullOrEmpty -Because 'reason' } | Should -Throw -ExpectedMessage 'Expected a value, because reason, but got $null or empty.'
    }
}

Describe 'Should -BeTrue and -BeFalse' {
    It 'tests truthiness' {
        $true | Should -BeTrue
        1 | Should -BeTrue
        $false | Should -BeFalse
        $null | Should -BeFalse
        $true | Should -Not -BeFalse
    }
    It 'reports' {
        { $false | Should -BeTrue } | Should -Throw -ExpectedMessage 'Expected $true, but got $false.'
        { 'x' | Should -BeFalse -Because 'reason' } | Should -Throw -ExpectedMessage "Expected `$false, because reason, but got 'x'."
    }
}

Describe 'Comparison operators' {
    It 'compare with -gt, -lt, -ge, -le' {
        2 | Should -BeGreaterThan 1
        1 | Should -BeLessThan 2
        2 | Should -BeGreaterOrEqual 2
        2 | Should -BeLessOrEqual 2
        1 | Should -Not -BeGreaterThan 1
    }
    It 'report' {
        { 1 | Should -BeGreaterThan 2 } | Should -Throw -ExpectedMessage 'Expected the actual value to be greater than 2, but got 1.'
        { 3 | Should -BeLessThan 2 } | Should -Throw -ExpectedMessage 'Expected the actual value to be less than 2, but got 3.'
        { 2 | Should -Not -BeGreaterThan 1 } | Should -Throw -ExpectedMessage 'Expected the actual value to be less than or equal to 1, but got 2.'
    }
}

Describe 'Collections' {
    It 'Contain, BeIn, HaveCount' {
        1, 2, 3 | Should -Contain 2
        2 | Should -BeIn 1, 2, 3
        1, 2, 3 | Should -HaveCount 3
        @() | Should -HaveCount 0
        1, 2 | Should -Not -Contain 3
    }
    It 'report' {
        { 1, 2 | Should -Contain 3 } | Should -Throw -ExpectedMessage 'Expected 3 to be found in collection @(1, 2), but it was not found.'
        { 4 | Should -BeIn 1, 2 } | Should -Throw -ExpectedMessage 'Expected collection @(1, 2) to contain 4, but it was not found.'
        { 1, 2 | Should -HaveCount 3 } | Should -Throw -ExpectedMessage 'Expected a collection with size 3, but got collection with size 2 @(1, 2).'
        { @() | Should -HaveCount 1 } | Should -Throw -ExpectedMessage 'Expected a collection with size 1, but got an empty collection.'
    }
}

Describe 'Strings' {
    It 'Match, MatchExactly, BeLike, BeLikeExactly' {
        'alice@contoso.com' | Should -Match '@CONTOSO\.com$'
        'alice@contoso.com' | Should -MatchExactly '@contoso\.com$'
        'alice@contoso.com' | Should -BeLike '*@CONTOSO.com'
        'alice@contoso.com' | Should -BeLikeExactly '*@contoso.com'
        'alice' | Should -Not -Match 'bob'
    }
    It 'report' {
        { 'alice' | Should -Match '^bob' } | Should -Throw -ExpectedMessage "Expected regular expression '^bob' to match 'alice', but it did not match."
        { 'alice' | Should -BeLike 'b*' } | Should -Throw -ExpectedMessage 'Expected like wildcard ''b`*'' to match ''alice'', but it did not match.'
        { 'Alice' | Should -MatchExactly 'alice' } | Should -Throw -ExpectedMessage "Expected regular expression 'alice' to case sensitively match 'Alice', but it did not match."
    }
}

Describe 'Should -BeOfType' {
    It 'checks types, by type or by name' {
        1 | Should -BeOfType [int]
        'x' | Should -BeOfType 'System.String'
        [pscustomobject]@{ a = 1 } | Should -BeOfType [pscustomobject]
        1 | Should -Not -BeOfType [string]
    }
    It 'reports' {
        { 'a' | Should -BeOfType [int] } | Should -Throw -ExpectedMessage 'Expected the value to have type `[System.Int32`] or any of its subtypes, but got ''a'' with type `[System.String`].'
    }
}

Describe 'Should -Throw' {
    It 'catches terminating errors' {
        { throw 'boom' } | Should -Throw
        { throw 'boom' } | Should -Throw -ExpectedMessage 'boom'
        { throw 'boom' } | Should -Throw -ExpectedMessage 'BO*'
        { throw [System.ArgumentException]::new('bad') } | Should -Throw -ExceptionType ([System.ArgumentException])
        { Write-Error 'oops' -ErrorAction Stop } | Should -Throw -ErrorId '*WriteErrorException*'
        { 1 + 1 } | Should -Not -Throw
    }
    It 'returns the error with -PassThru' {
        $e = { throw 'boom' } | Should -Throw -PassThru
        $e.Exception.Message | Should -Be 'boom'
    }
    It 'reports' {
        { { } | Should -Throw } | Should -Throw -ExpectedMessage 'Expected an exception to be thrown, but no exception was thrown.'
        { { } | Should -Throw -ErrorId 'id' } | Should -Throw -ExpectedMessage "Expected an exception with FullyQualifiedErrorId 'id' to be thrown, but no exception was thrown."
        { 'not a script block' | Should -Throw } | Should -Throw -ExpectedMessage "Input is missing or not a ScriptBlock. Input to '-Throw' and '-Not -Throw' must be enclosed in curly braces."
    }
}
