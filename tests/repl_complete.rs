//! The REPL's Tab completion, prompt, input classification and history script, without a
//! terminal: `repl::complete::complete` against an interpreter in a known state.

use tenantsim::cli::{Common, new_interp};
use tenantsim::engine::host::Host;
use tenantsim::engine::interp::Interp;
use tenantsim::repl::complete::complete;
use tenantsim::repl::{Input, classify, default_prompt};

fn interp(setup: &str) -> Interp {
    let (host, _buf) = Host::capture();
    let mut it = new_interp(&Common::default(), host);
    if !setup.is_empty() {
        let sb = tenantsim::lang::parse_script(setup.to_string(), None).expect("setup parses");
        let _ = it.run_interactive(&sb, &mut Vec::new());
    }
    it
}

/// The completed line for each candidate (what Tab would leave in the buffer).
fn completions(it: &Interp, line: &str) -> Vec<String> {
    let (start, cands) = complete(it, line, line.len());
    cands.iter().map(|c| format!("{}{}", &line[..start], c.replacement)).collect()
}

fn first(it: &Interp, line: &str) -> String {
    completions(it, line).into_iter().next().unwrap_or_else(|| panic!("no completion for {line:?}"))
}

#[test]
fn command_names_complete_with_pwsh_casing() {
    let it = interp("");
    assert_eq!(completions(&it, "Get-Dat"), vec!["Get-Date"]);
    assert_eq!(first(&it, "get-dat"), "Get-Date");
    // After a pipe, in a script block, after an assignment.
    assert_eq!(first(&it, "1..3 | Sort-Obj"), "1..3 | Sort-Object");
    assert_eq!(first(&it, "$x = Get-Dat"), "$x = Get-Date");
    assert_eq!(first(&it, "1 | % { Write-Outp"), "1 | % { Write-Output");
    // Wildcards, as pwsh allows.
    let all = completions(&it, "*-SPOCrossTenantRel*");
    assert!(all.contains(&"Set-SPOCrossTenantRelationship".to_string()), "{all:?}");
    assert!(all.iter().all(|c| c.contains("CrossTenantRel")), "{all:?}");
}

#[test]
fn functions_of_the_session_and_aliases_complete() {
    let it = interp("function Invoke-Rehearsal { param($Tenant, [switch]$Force) }");
    assert_eq!(completions(&it, "Invoke-Reh"), vec!["Invoke-Rehearsal"]);
    assert_eq!(completions(&it, "sel"), vec!["select", "Select-Object"]);
    assert_eq!(completions(&it, "Invoke-Rehearsal -"), vec!["Invoke-Rehearsal -Tenant", "Invoke-Rehearsal -Force"]);
}

#[test]
fn exchange_cmdlets_exist_only_once_connected() {
    let it = interp("");
    assert!(completions(&it, "Get-SPOSit").contains(&"Get-SPOSite".to_string()));
    // Exchange Online cmdlets are created by Connect-ExchangeOnline.
    let exo: Vec<String> = tenantsim::cmdlets::all_declared_names()
        .into_iter()
        .filter(|n| tenantsim::cmdlets::declared(n).is_some_and(|d| tenantsim::cmdlets::is_exchange_module(&d.1.module)))
        .filter(|n| !n.contains("ExchangeOnline"))
        .collect();
    for n in &exo {
        assert!(completions(&it, n).is_empty(), "{n} completes before Connect-ExchangeOnline");
    }
}

#[test]
fn parameters_complete_in_declaration_order_then_common_ones() {
    let it = interp("");
    let c = completions(&it, "Write-Host -");
    let names: Vec<&str> = c.iter().map(|l| l.trim_start_matches("Write-Host ")).collect();
    assert_eq!(
        names,
        vec![
            "-Object",
            "-NoNewline",
            "-Separator",
            "-ForegroundColor",
            "-BackgroundColor",
            "-Verbose",
            "-Debug",
            "-ErrorAction",
            "-WarningAction",
            "-InformationAction",
            "-ProgressAction",
            "-ErrorVariable",
            "-WarningVariable",
            "-InformationVariable",
            "-OutVariable",
            "-OutBuffer",
            "-PipelineVariable",
        ]
    );
    assert_eq!(completions(&it, "Write-Host -Fore"), vec!["Write-Host -ForegroundColor"]);
    assert_eq!(completions(&it, "write-host -fore"), vec!["write-host -ForegroundColor"]);
    // Parameters already given are not offered again.
    assert!(!completions(&it, "Write-Host -NoNewline -").iter().any(|c| c.ends_with("-NoNewline")));
    // Inside a script block and a sub-expression, the innermost command counts.
    assert_eq!(completions(&it, "1 | ForEach-Object { Write-Host -NoNew"), vec!["1 | ForEach-Object { Write-Host -NoNewline"]);
    assert_eq!(completions(&it, "Write-Output (Get-Date -Disp"), vec!["Write-Output (Get-Date -DisplayHint"]);
}

#[test]
fn should_process_cmdlets_offer_whatif_and_confirm() {
    let it = interp("");
    let c = completions(&it, "Remove-SPOSite -");
    assert!(c.iter().any(|l| l.ends_with("-WhatIf")) && c.iter().any(|l| l.ends_with("-Confirm")), "{c:?}");
    assert!(!completions(&it, "Get-SPOSite -").iter().any(|l| l.ends_with("-WhatIf")));
}

#[test]
fn enum_values_complete_for_named_and_positional_arguments() {
    let it = interp("");
    assert_eq!(first(&it, "Set-SPOCrossTenantRelationship -Scenario MnA -PartnerRole So"), "Set-SPOCrossTenantRelationship -Scenario MnA -PartnerRole Source");
    assert_eq!(
        completions(&it, "Set-SPOCrossTenantRelationship -PartnerRole "),
        vec![
            "Set-SPOCrossTenantRelationship -PartnerRole None",
            "Set-SPOCrossTenantRelationship -PartnerRole Source",
            "Set-SPOCrossTenantRelationship -PartnerRole Target"
        ]
    );
    // Positional: -Scenario is position 0, -PartnerRole position 1.
    assert_eq!(first(&it, "Set-SPOCrossTenantRelationship MnA Ta"), "Set-SPOCrossTenantRelationship MnA Target");
    assert_eq!(completions(&it, "Write-Host -ForegroundColor DarkR"), vec!["Write-Host -ForegroundColor DarkRed"]);
    // `-Param:value` and common parameters' ActionPreference values.
    assert_eq!(completions(&it, "Get-Date -ErrorAction:Silent"), vec!["Get-Date -ErrorAction:SilentlyContinue"]);
    assert_eq!(completions(&it, "Get-Date -ea Sto"), vec!["Get-Date -ea Stop"]);
    // A list: the element after the comma.
    assert_eq!(completions(&it, "Write-Host -ForegroundColor Red,Yel"), vec!["Write-Host -ForegroundColor Red,Yellow"]);
}

#[test]
fn validate_set_values_of_functions_complete() {
    let it = interp("function Set-Mode { param([ValidateSet('Fast','Safe')][string]$Mode) }");
    assert_eq!(completions(&it, "Set-Mode -Mode S"), vec!["Set-Mode -Mode Safe"]);
    assert_eq!(completions(&it, "Set-Mode F"), vec!["Set-Mode Fast"]);
}

#[test]
fn world_data_completes_without_creating_the_world() {
    let it = interp("");
    assert!(it.world.is_none());
    assert_eq!(first(&it, "Connect-SPOService -Url https://m365x016"), "Connect-SPOService -Url https://m365x016651-admin.sharepoint.com",);
    let c = completions(&it, "Get-SPOCrossTenantCompatibilityStatus -PartnerCrossTenantHostUrl ");
    assert!(c.iter().any(|l| l.ends_with("https://m365x946316-my.sharepoint.com/")), "{c:?}");
    assert_eq!(
        completions(&it, "Get-SPOUserAndContentMoveState -UserPrincipalName Dieg"),
        vec!["Get-SPOUserAndContentMoveState -UserPrincipalName DiegoS@M365x016651.OnMicrosoft.com"]
    );
    // A UPN with a quote is quoted as PowerShell needs it.
    assert_eq!(
        first(&it, "Get-SPOUserAndContentMoveState -UserPrincipalName Ciaran."),
        "Get-SPOUserAndContentMoveState -UserPrincipalName 'Ciaran.O''Brien@M365x016651.OnMicrosoft.com'"
    );
    // Typing inside quotes keeps the quotes.
    assert_eq!(
        completions(&it, "Get-SPOUserAndContentMoveState -UserPrincipalName 'Dieg"),
        vec!["Get-SPOUserAndContentMoveState -UserPrincipalName 'DiegoS@M365x016651.OnMicrosoft.com'"]
    );
    // Site URLs, also found by a part of the URL.
    let c = completions(&it, "Get-SPOSite -Identity ContosoBr");
    assert!(c.iter().any(|l| l.ends_with("/sites/ContosoBrand")), "{c:?}");
    assert!(it.world.is_none(), "completion created the world");
}

#[test]
fn world_data_comes_from_the_session_world_once_it_exists() {
    let it = interp("New-TenantSimTenant -Name Northwind | Out-Null");
    assert!(it.world.is_some());
    assert_eq!(first(&it, "Connect-SPOService -Url https://north"), "Connect-SPOService -Url https://northwind-admin.sharepoint.com");
}

#[test]
fn variables_members_and_operators_complete() {
    let it =
        interp("$Tenants = @{ Source = 'M365x016651'; Target = 'M365x946316' }\n$user = [pscustomobject]@{ UserPrincipalName = 'a@b'; DisplayName = 'A' }");
    assert_eq!(completions(&it, "$Tena"), vec!["$Tenants"]);
    assert_eq!(completions(&it, "Write-Output $us"), vec!["Write-Output $user"]);
    assert_eq!(completions(&it, "@Tena"), vec!["@Tenants"]);
    assert_eq!(completions(&it, "$tr"), vec!["$true"]);
    assert_eq!(completions(&it, "$newVar = 1; $newV"), vec!["$newVar = 1; $newVar"]);
    assert_eq!(completions(&it, "$user.Disp"), vec!["$user.DisplayName"]);
    assert_eq!(completions(&it, "$user."), vec!["$user.DisplayName", "$user.UserPrincipalName"]);
    assert_eq!(completions(&it, "$Tenants.Sou"), vec!["$Tenants.Source"]);
    assert!(completions(&it, "$env:PAT").contains(&"$env:PATH".to_string()));
    assert_eq!(completions(&it, "if ($x -notl"), vec!["if ($x -notlike"]);
}

#[test]
fn help_and_command_names_complete_as_arguments_and_paths_as_fallback() {
    let it = interp("");
    assert_eq!(completions(&it, "Get-Help Set-SPOCrossTenantRel"), vec!["Get-Help Set-SPOCrossTenantRelationship"]);
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("users list.csv"), "a\n").expect("write");
    let p = dir.path().display().to_string();
    assert_eq!(completions(&it, &format!("Import-Csv {p}/user")), vec![format!("Import-Csv '{p}/users list.csv'")]);
}

#[test]
fn completion_never_panics_on_odd_input() {
    let it = interp("");
    for line in [
        "",
        " ",
        "-",
        "$",
        "@",
        "'",
        "\"",
        "|",
        "{",
        "}",
        "Get-Date -",
        "Get-Date -ErrorAction:",
        "&",
        ". ",
        "é",
        "$x.",
        "[str",
        "1..",
        "# c",
        "<#",
        "-eq",
        "Write-Host -Fore Red,",
    ] {
        for pos in 0..=line.len() {
            let _ = complete(&it, line, pos);
        }
    }
}

#[test]
fn the_prompt_shows_the_connected_tenants() {
    let mut it = interp("");
    assert_eq!(default_prompt(&it), "PS [SPO:\u{2014} EXO:\u{2014}] > ");
    let sb = tenantsim::lang::parse_script("Connect-SPOService -Url https://m365x016651-admin.sharepoint.com".into(), None).expect("parses");
    it.run_interactive(&sb, &mut Vec::new()).expect("connects");
    assert_eq!(default_prompt(&it), "PS [SPO:M365x016651 EXO:\u{2014}] > ");
    it.session.exo.push(tenantsim::cmdlets::ExoConnection { prefix: Some("Target".into()), tenant: "M365x946316".into(), account: "admin".into() });
    assert_eq!(default_prompt(&it), "PS [SPO:M365x016651 EXO:Target=M365x946316] > ");
}

#[test]
fn unfinished_input_asks_for_more_lines() {
    for text in [
        "foreach ($i in 1..2) {",
        "Get-Date |",
        "$x = @{",
        "'abc",
        "\"abc",
        "Write-Output (1 +",
        "Get-Date `",
        "@\"\nabc",
        "try { 1 }",
        "function f {\n  param(",
    ] {
        assert!(matches!(classify(text), Input::Incomplete), "{text:?} should be incomplete");
    }
    // Allman style: the block comes on the next line.
    for text in [
        "if ($x)",
        "if ($x) { 1 } else",
        "if ($x) { 1 }\nelseif ($y)",
        "foreach ($u in $users)",
        "while ($true)",
        "switch -Regex ($x)",
        "function Get-Thing",
        "function Get-Thing ($a)",
        "try { 1 } catch [System.Exception]",
        "do { 1 }",
        "$r = foreach ($i in 1..3)",
    ] {
        assert!(matches!(classify(text), Input::Incomplete), "{text:?} should wait for its block");
    }
    for text in [
        "foreach ($i in 1..2) { $i }",
        "Get-Date",
        "'abc'",
        "do { 1 } while ($false)",
        "do { 1 }\nuntil ($true)",
        "1..2 | foreach { $_ }",
        "if ($true) { 1 }",
        "Write-Output try",
    ] {
        assert!(matches!(classify(text), Input::Parsed(_)), "{text:?} should parse");
    }
    for text in ["Get-Date }", "1 +* 2", "Get-Date )"] {
        assert!(matches!(classify(text), Input::Invalid(_)), "{text:?} should be a parse error");
    }
    assert!(matches!(classify("   "), Input::Empty));
}
