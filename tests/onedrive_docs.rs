//! The documented commands of the cross-tenant OneDrive articles (steps 1-7), verbatim, with
//! the outcome real PowerShell and SharePoint Online give them — doc bugs included (see
//! `reference/README.md`, "Documentation bugs noticed").

mod onedrive_support;

use onedrive_support::{run, run_raw};
use tenantsim::cli::Common;

fn raw(text: &str) -> onedrive_support::Outcome {
    run_raw(&Common::default(), text)
}

const PARSE_LT: &str = "The '<' operator is reserved for future use.";

// ── Step 1 ──────────────────────────────────────────────────────────────────────────────

#[test]
fn step1_placeholder_url_is_one_bareword_that_fails_to_convert() {
    raw("Connect-SPOService -url https://<TenantName>-admin.sharepoint.com")
        .exit(1)
        .error("Cannot bind parameter 'Url'. Cannot convert the \"https://<TenantName>-admin.sharepoint.com\" value of type \"System.String\" to type \"Microsoft.Online.SharePoint.PowerShell.UrlCmdletPipeBind\".");
}

#[test]
fn step1_connect_with_lower_case_parameter() {
    raw("Connect-SPOService -url https://m365x016651-admin.sharepoint.com\nGet-SPOCrossTenantHostUrl")
        .exit(0)
        .no_errors()
        .line("https://m365x016651-my.sharepoint.com/");
}

#[test]
fn step1_unknown_tenant_and_non_admin_url() {
    raw("Connect-SPOService -Url https://contoso-admin.sharepoint.com").exit(1).error("Could not connect to SharePoint Online.");
    raw("Connect-SPOService -Url https://m365x016651-my.sharepoint.com").exit(1).error("Current site is not a tenant administration site.");
}

#[test]
fn without_connection_every_spo_cmdlet_refuses() {
    let o = raw(
        "Get-SPOCrossTenantHostURL\nGet-SPOSite\nStart-SPOCrossTenantUserContentMove -SourceUserPrincipalName a@b.c -TargetUserPrincipalName d@e.f -TargetCrossTenantHostUrl https://x-my.sharepoint.com\n$Error.Count\n$Error[0].FullyQualifiedErrorId",
    );
    o.error("Get-SPOCrossTenantHostURL: No connection available. Use Connect-SPOService before running this CmdLet.")
        .error("Get-SPOSite: ")
        .line("3")
        .line("System.InvalidOperationException,Microsoft.Online.SharePoint.PowerShell.StartCrossTenantUserContentMove");
}

// ── Step 2 ──────────────────────────────────────────────────────────────────────────────

#[test]
fn step2_host_url_as_the_docs_spell_it() {
    run("Src\nGet-SPOCrossTenantHostURL\nTgt\nGet-SPOCrossTenantHostURL")
        .line("https://m365x016651-my.sharepoint.com/")
        .line("https://m365x946316-my.sharepoint.com/")
        .no_errors();
}

#[test]
fn step2_placeholders_are_parse_errors() {
    for cmd in [
        "Set-SPOCrossTenantRelationship -Scenario MnA -PartnerRole Target -PartnerCrossTenantHostUrl <TARGETCrossTenantHostUrl>",
        "Set-SPOCrossTenantRelationship -Scenario MnA -PartnerRole Source -PartnerCrossTenantHostUrl <SOURCECrossTenantHostUrl>",
    ] {
        // A parse error stops the whole script: the first line never runs.
        let o = raw(&format!("'before'\n{cmd}"));
        o.exit(1).error(PARSE_LT).lacks("before");
    }
}

#[test]
fn step2_filled_in_commands_work() {
    run("Src\nSet-SPOCrossTenantRelationship -Scenario MnA -PartnerRole Target -PartnerCrossTenantHostUrl https://m365x946316-my.sharepoint.com/\nGet-SPOCrossTenantRelationship | ForEach-Object { \"$($_.Scenario) $($_.PartnerRole) $($_.PartnerCrossTenantHostUrl)\" }")
        .line("MnA Target https://m365x946316-my.sharepoint.com/")
        .no_errors();
}

// ── Step 3 ──────────────────────────────────────────────────────────────────────────────

#[test]
fn step3_placeholders_are_parse_errors() {
    raw("\nVerify-SPOCrossTenantRelationship -Scenario MnA -PartnerRole Target -PartnerCrossTenantHostUrl <TARGETCrossTenantHostUrl>\n\n")
        .exit(1)
        .error(PARSE_LT);
    raw("\nVerify-SPOCrossTenantRelationship -Scenario MnA -PartnerRole Source -PartnerCrossTenantHostUrl <SOURCECrossTenantHostUrl>").exit(1).error(PARSE_LT);
}

// ── Step 5 ──────────────────────────────────────────────────────────────────────────────

#[test]
fn step5_identity_map_placeholder_and_old_en_dash_variant() {
    raw("Add-SPOTenantIdentityMap -IdentityMapPath <identitymap.csv>").exit(1).error(PARSE_LT);
    raw("Add-SPOTenantIdentityMap –IdentityMapPath <identitymap.csv>  \nIdentityMapPath – ").exit(1).error(PARSE_LT);
}

#[test]
fn step5_mapping_user_lookup_as_written() {
    // Lower-case cmdlet name; usera@Contoso is not in the map: nothing is returned.
    let o = run("Tgt\nget-spoTenantIdentityMappingUser -Field SourceUserKey -Value usera@Contoso.onmicrosoft.com\n'done'");
    o.no_errors();
    assert_eq!(o.out.trim(), "done");
}

#[test]
fn step5_compatibility_examples() {
    run("Src\nGet-SPOCrossTenantCompatibilityStatus -PartnerCrossTenantHostURL [Target tenant hostname]")
        .error("A positional parameter cannot be found that accepts argument 'tenant'.");
    run("Src\nGet-SPOCrossTenantCompatibilityStatus -PartnerCrossTenantHostURL https://m365x12395529-my.sharepoint.com")
        .error("Could not contact the partner tenant 'https://m365x12395529-my.sharepoint.com'. Check the cross-tenant host URL (run Get-SPOCrossTenantHostUrl on the partner tenant).");
}

// ── Step 6 ──────────────────────────────────────────────────────────────────────────────

#[test]
fn step6_compatibility_with_en_dash() {
    // U+2013 directly before the name is a dash to PowerShell's tokenizer.
    run("Src\nGet-SPOCrossTenantCompatibilityStatus –PartnerCrossTenantHostURL https://m365x946316-my.sharepoint.com/").line("Compatible").no_errors();
    run("Src\nGet-SPOCrossTenantCompatibilityStatus –PartnerCrossTenantHostURL [Target tenant hostname]")
        .error("A positional parameter cannot be found that accepts argument 'tenant'.");
}

#[test]
fn step6_start_placeholders_are_parse_errors() {
    raw("Start-SPOCrossTenantUserContentMove  -SourceUserPrincipalName <...> -TargetUserPrincipalName <...> -TargetCrossTenantHostUrl <...>")
        .exit(1)
        .error(PARSE_LT);
    raw("Start-SPOCrossTenantUserContentMove  -SourceUserPrincipalName <…> -TargetUserPrincipalName <…> -TargetCrossTenantHostUrl <…>").exit(1).error(PARSE_LT);
}

#[test]
fn step6_example_split_over_two_lines() {
    let o = run(concat!(
        "Ready 'DiegoS@M365x016651.OnMicrosoft.com=>Test-Diego@M365x946316.OnMicrosoft.com'\n",
        "\n",
        "Start-SPOCrossTenantUserContentMove -SourceUserPrincipalName DiegoS@M365x016651.OnMicrosoft.com -TargetUserPrincipalName\n",
        "        Test-Diego@M365x946316.OnMicrosoft.com -TargetCrossTenantHostUrl https://m365x946316-my.sharepoint.com/ \n",
        "\n",
        "'moves: ' + @(Get-SPOCrossTenantUserContentMoveState -PartnerCrossTenantHostUrl $TH).Count\n",
    ));
    o.error("Missing an argument for parameter 'TargetUserPrincipalName'. Specify a parameter of type 'System.String' and try again.")
        .error("The term 'Test-Diego@M365x946316.OnMicrosoft.com' is not recognized as a name of a cmdlet, function, script file, or executable program.")
        .line("moves: 0");
}

#[test]
fn step6_example_succeeds_once_steps_1_to_5_are_done() {
    // The current article has the example on one line.
    run(concat!(
        "Ready 'DiegoS@M365x016651.OnMicrosoft.com=>Test-Diego@M365x946316.OnMicrosoft.com'\n",
        "Start-SPOCrossTenantUserContentMove -SourceUserPrincipalName DiegoS@M365x016651.OnMicrosoft.com -TargetUserPrincipalName Test-Diego@M365x946316.OnMicrosoft.com -TargetCrossTenantHostUrl https://m365x946316-my.sharepoint.com/ \n",
        "(Wait-Move DiegoS@M365x016651.OnMicrosoft.com).MoveState\n",
    ))
    .line("Success")
    .no_errors();
}

#[test]
fn step6_stop_with_en_dash_and_space() {
    run("Src\nStop-SPOCrossTenantUserContentMove – SourceUserPrincipalName DiegoS@M365x016651.OnMicrosoft.com")
        .error("A positional parameter cannot be found that accepts argument 'SourceUserPrincipalName'.");
    run("Src\nStop-SPOCrossTenantUserContentMove – SourceUserPrincipalName [UPN name of user who you wish to stop]")
        .error("A positional parameter cannot be found that accepts argument 'SourceUserPrincipalName'.");
}

#[test]
fn step6_status_examples() {
    let setup = "Ready 'DiegoS@M365x016651.OnMicrosoft.com=>Test-Diego@M365x946316.OnMicrosoft.com'\nInvoke-Move DiegoS@M365x016651.OnMicrosoft.com Test-Diego@M365x946316.OnMicrosoft.com | Out-Null\n";
    // Source format, filled in: works.
    run(&format!("{setup}Get-SPOCrossTenantUserContentMoveState -PartnerCrossTenantHostURL  https://m365x946316-my.sharepoint.com/ | ForEach-Object {{ $_.SourceUserPrincipalName + ' ' + $_.MoveState }}"))
        .line("DiegoS@M365x016651.OnMicrosoft.com Success")
        .no_errors();
    // Bracket placeholders split into several arguments.
    run(&format!("{setup}Get-SPOCrossTenantUserContentMoveState -PartnerCrossTenantHostURL [Target URL]"))
        .error("A positional parameter cannot be found that accepts argument 'URL]'.");
    // Target format: the docs' URL has a typo (016551 for 016651).
    run(&format!("{setup}Tgt\nGet-SPOCrossTenantUserContentMoveState -PartnerCrossTenantHostURL  https://m365x016551-my.sharepoint.com/"))
        .error("Could not contact the partner tenant 'https://m365x016551-my.sharepoint.com/'.");
    // ... and with the right URL the target sees the move coming in.
    run(&format!("{setup}Tgt\nGet-SPOCrossTenantUserContentMoveState -PartnerCrossTenantHostURL  https://m365x016651-my.sharepoint.com/ | ForEach-Object {{ $_.MoveDirection }}"))
        .line("MoveIn");
    raw("Get-SPOCrossTenantUserContentMoveState -PartnerCrossTenantHostURL <PartnerCrossTenantHostURL> -SourceUserPrincipalName <UPN>").exit(1).error(PARSE_LT);
    // The "example" uses the Multi-Geo cmdlet, which has neither parameter.
    run(&format!(
        "{setup}Get-SPOUserAndContentMoveState -PartnerCrossTenantHostURL https://m365x946316-my.sharepoint.com -SourceUserPrincipalName DiegoS@M365x016651.OnMicrosoft.com"
    ))
    .error("A parameter cannot be found that matches parameter name 'PartnerCrossTenantHostURL'.");
    // The -Verbose example names tenants that do not exist here.
    run(&format!(
        "{setup}Get-SPOCrossTenantUserContentMoveState -PartnerCrossTenantHostURL https://ttesttenant-my.sharepoint.com -SourceUserPrincipalName User3@stesttenant.onmicrosoft.com -Verbose "
    ))
    .error("Could not contact the partner tenant 'https://ttesttenant-my.sharepoint.com'.");
}

// ── Step 7 ──────────────────────────────────────────────────────────────────────────────

#[test]
fn step7_placeholders_are_parse_errors() {
    raw("Remove-SPOCrossTenantRelationship -Scenario MnA -PartnerRole Target -PartnerCrossTenantHostUrl <TARGETCrossTenantHostUrl>").exit(1).error(PARSE_LT);
}

#[test]
fn step7_target_command_as_documented_finds_no_relationship() {
    // Filled in as written, the target-side command repeats the source's: -PartnerRole Target
    // with the target's own host URL. The target holds a relationship with the source, in
    // role Source, so nothing matches.
    run(concat!(
        "Trust\n",
        "Remove-SPOCrossTenantRelationship -Scenario MnA -PartnerRole Target -PartnerCrossTenantHostUrl https://m365x946316-my.sharepoint.com/\n",
        "Tgt\n",
        "Remove-SPOCrossTenantRelationship -Scenario MnA -PartnerRole Target -PartnerCrossTenantHostUrl https://m365x946316-my.sharepoint.com/\n",
        "'target still trusts: ' + (Get-SPOCrossTenantRelationship).PartnerCrossTenantHostUrl\n",
    ))
    .error("No cross-tenant relationship with partner 'https://m365x946316-my.sharepoint.com/' in role 'Target' for scenario 'MnA' was found on this tenant.")
    .line("target still trusts: https://m365x016651-my.sharepoint.com/");
}

#[test]
fn step7_redirect_sites_inline_command() {
    run(concat!(
        "Ready 'DiegoS@M365x016651.OnMicrosoft.com=>Test-Diego@M365x946316.OnMicrosoft.com'\n",
        "Invoke-Move DiegoS@M365x016651.OnMicrosoft.com Test-Diego@M365x946316.OnMicrosoft.com | Out-Null\n",
        "Get-Sposite -Template RedirectSite#0 | ForEach-Object { $_.Url }\n",
    ))
    .line("https://m365x016651-my.sharepoint.com/personal/diegos_m365x016651_onmicrosoft_com/")
    .no_errors();
}
