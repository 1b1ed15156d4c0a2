# exit: 1
# Deliberately failing: an error during Discovery fails the whole file. Expected output:
# Discovery.out.

Describe 'Broken during discovery' {
    $cases = Import-TenantTestCases -Path 'cases.csv'
    It 'never runs' -ForEach $cases { }
}
