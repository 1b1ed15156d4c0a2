# Each test starts from the world as it stood when its block's BeforeAll finished: changes a
# test makes to the simulation (here, the virtual clock) never leak into the next test.

Describe 'Virtual clock isolation' {
    BeforeAll {
        $start = Get-Date
        Start-Sleep -Seconds 60
    }

    It 'can move the clock' {
        Start-Sleep -Seconds 3600
        ((Get-Date) - $start).TotalSeconds | Should -Be 3660
    }

    It 'starts from the world after BeforeAll' {
        ((Get-Date) - $start).TotalSeconds | Should -Be 60
    }

    Context 'a child block' {
        BeforeAll {
            Start-Sleep -Seconds 60
        }
        It 'starts from its own BeforeAll' {
            ((Get-Date) - $start).TotalSeconds | Should -Be 120
        }
    }

    It 'is not affected by a sibling block' {
        ((Get-Date) - $start).TotalSeconds | Should -Be 60
    }
}
