//! Parse errors: pwsh's error id and position for malformed input.
//!
//! The table comes from PowerShell's own parser tests (PowerShell/PowerShell,
//! test/powershell/Language/Parser/Parsing.Tests.ps1, `ShouldBeParseError src ids offsets`):
//! each row is the source, the id of the FIRST error pwsh reports (the one ConciseView shows)
//! and its 0-based offset (`Extent.StartScriptPosition.Offset`; rows marked `-CheckColumnNumber`
//! upstream were converted from 1-based columns). Rows for classes, DSC, `data` sections and
//! features tenantsim rejects on purpose are left out.

use tenantsim::lang::parse_script;

/// A parse error as (id, offset, message).
type Found = (String, usize, String);

/// Parse on a thread with the interpreter's stack size, as `main` does; the errors, if any.
fn parse(src: &str) -> Result<(), Vec<Found>> {
    let src = src.to_string();
    std::thread::Builder::new()
        .stack_size(tenantsim::lang::PARSER_STACK_BYTES)
        .spawn(move || {
            parse_script(src, None).map(|_| ()).map_err(|pe| pe.errors.iter().map(|e| (e.id.to_string(), e.span.start as usize, e.message.clone())).collect())
        })
        .expect("spawn parser thread")
        .join()
        .expect("the parser does not panic")
}

const PWSH_PARSER_TESTS: &[(&str, &str, usize)] = &[
    // 'for statement parsing'
    ("for", "MissingOpenParenthesisAfterKeyword", 3),
    ("for(", "MissingEndParenthesisAfterStatement", 4),
    ("for(;", "MissingEndParenthesisAfterStatement", 5),
    ("for(;;", "MissingEndParenthesisAfterStatement", 6),
    ("for($a", "MissingEndParenthesisAfterStatement", 6),
    ("for($a;", "MissingEndParenthesisAfterStatement", 7),
    ("for($a;$b", "MissingEndParenthesisAfterStatement", 9),
    ("for($a;$b;", "MissingEndParenthesisAfterStatement", 10),
    ("for($a;$b;$c", "MissingEndParenthesisAfterStatement", 12),
    ("for($a;$b;$c)", "MissingLoopStatement", 13),
    (":lab for", "MissingOpenParenthesisAfterKeyword", 8),
    (":lab for(;", "MissingEndParenthesisAfterStatement", 10),
    (":lab for($a;$b;$c)", "MissingLoopStatement", 18),
    // 'foreach statement parsing'
    ("foreach", "MissingOpenParenthesisAfterKeyword", 7),
    ("foreach (", "MissingVariableNameAfterForeach", 9),
    ("foreach ($a", "MissingInInForeach", 11),
    ("foreach ($a into", "MissingInInForeach", 11),
    ("foreach ($a in", "MissingForeachExpression", 14),
    ("foreach ($a in $x", "MissingEndParenthesisAfterForeach", 17),
    ("foreach ($a in $x)", "MissingForeachStatement", 18),
    (":lab foreach", "MissingOpenParenthesisAfterKeyword", 12),
    (":lab foreach ($a in $x)", "MissingForeachStatement", 23),
    // 'do/while statement parsing'
    ("do", "MissingLoopStatement", 2),
    ("do {}", "MissingWhileOrUntilInDoWhile", 5),
    ("do {} while", "MissingOpenParenthesisAfterKeyword", 11),
    ("do {} while (", "MissingExpressionAfterKeyword", 13),
    ("do {} while (1", "MissingEndParenthesisAfterStatement", 14),
    ("do {} until", "MissingOpenParenthesisAfterKeyword", 11),
    ("do {} until (", "MissingExpressionAfterKeyword", 13),
    ("do {} until (1", "MissingEndParenthesisAfterStatement", 14),
    (":lab do {}", "MissingWhileOrUntilInDoWhile", 10),
    // 'trap statement parsing'
    ("trap", "MissingTrapStatement", 4),
    ("trap [int]", "MissingTrapStatement", 10),
    // 'named blocks parsing'
    ("begin", "MissingNamedStatementBlock", 5),
    ("process", "MissingNamedStatementBlock", 7),
    ("end", "MissingNamedStatementBlock", 3),
    ("dynamicparam", "MissingNamedStatementBlock", 12),
    ("begin process {}", "MissingNamedStatementBlock", 5),
    ("end process {}", "MissingNamedStatementBlock", 3),
    // 'try/catch/finally statement parsing'
    ("try", "MissingTryStatementBlock", 3),
    ("try {}", "MissingCatchOrFinally", 6),
    ("try {} catch", "MissingCatchHandlerBlock", 12),
    ("try {} finally", "MissingFinallyStatementBlock", 14),
    ("try {} catch [int]", "MissingCatchHandlerBlock", 18),
    ("try {} catch {} finally", "MissingFinallyStatementBlock", 23),
    ("try {} catch {} catch", "MissingCatchHandlerBlock", 21),
    ("try {} catch [int],", "MissingTypeLiteralToken", 19),
    // 'switch statement parsing'
    ("switch", "PipelineValueRequired", 6),
    ("switch -abc", "InvalidSwitchFlag", 7),
    ("switch -file", "MissingFilenameOption", 12),
    ("switch -file a (1)", "PipelineValueRequired", 15),
    ("switch (", "PipelineValueRequired", 8),
    ("switch ()", "PipelineValueRequired", 8),
    ("switch (\"abc\")  ", "MissingCurlyBraceInSwitchStatement", 14),
    ("switch (\"abc\")  {", "MissingSwitchConditionExpression", 17),
    ("switch (\"abc\")  { 1", "MissingSwitchStatementClause", 19),
    ("switch (\"abc\")  { 1 }", "MissingSwitchStatementClause", 19),
    ("switch (1) {default {} default {}}", "MultipleSwitchDefaultClauses", 23),
    // 'function statement parsing'
    ("function", "MissingNameAfterKeyword", 8),
    ("function foo", "MissingFunctionBody", 12),
    ("function foo(", "MissingEndParenthesisInFunctionParameterList", 13),
    ("function foo {", "MissingEndCurlyBrace", 13),
    ("function foo { function bar { if (1) {} }", "MissingEndCurlyBrace", 13),
    ("function f { param($a,[int]$a) }", "DuplicateFormalParameter", 27),
    ("function f($a,[int]$a){}", "DuplicateFormalParameter", 19),
    ("function foo {param(}", "MissingEndParenthesisInFunctionParameterList", 20),
    // 'assignment statement parsing'
    ("$a,$b += 1,2", "InvalidLeftHandSide", 0),
    ("1 ??= 1", "InvalidLeftHandSide", 0),
    ("@() ??= 1", "InvalidLeftHandSide", 0),
    ("@{} ??= 1", "InvalidLeftHandSide", 0),
    ("1..2 ??= 1", "InvalidLeftHandSide", 0),
    ("[int] ??= 1", "InvalidLeftHandSide", 0),
    ("$x??=", "ExpectedValueExpression", 5),
    // 'null conditional member access statement parsing'
    ("${x}?.", "MissingPropertyName", 6),
    ("${x}?.name = \"value\"", "InvalidLeftHandSide", 0),
    ("${x}?[]", "MissingArrayIndexExpression", 6),
    ("${x}?[-]", "MissingExpressionAfterOperator", 7),
    ("${x}?[             ]", "MissingArrayIndexExpression", 6),
    ("${x}?[0] = 1", "InvalidLeftHandSide", 0),
    // 'splatting parsing'
    ("@a", "SplattingNotPermitted", 0),
    ("foreach (@a in $b) {}", "SplattingNotPermitted", 9),
    ("param(@a)", "SplattingNotPermitted", 6),
    ("function foo (@a) {}", "SplattingNotPermitted", 14),
    // 'Pipes parsing'
    ("|gps", "EmptyPipeElement", 0),
    ("gps|", "EmptyPipeElement", 4),
    ("gps| |foreach name", "EmptyPipeElement", 4),
    ("1|1", "ExpressionsMustBeFirstInPipeline", 2),
    ("$a=", "ExpectedValueExpression", 3),
    // 'commands parsing'
    ("gcm -a:", "ParameterRequiresArgument", 7),
    ("gcm -a: 1,", "MissingExpression", 10),
    ("gcm ,", "MissingArgument", 4),
    // 'tokens parsing'
    ("   )", "UnexpectedToken", 3),
    ("   }", "UnexpectedToken", 3),
    // 'expressions parsing'
    ("1+", "ExpectedValueExpression", 2),
    ("[a()][b]", "UnexpectedAttribute", 0),
    ("[a()][b]2", "UnexpectedAttribute", 0),
    // 'Hash Expression parsing'
    ("@{ a=1;b=2;c=3;", "MissingEndCurlyBrace", 2),
    // Ternary operator: incomplete expressions
    ("$true ?", "ExpectedValueExpression", 7),
    ("$true ? 3", "MissingColonInTernaryExpression", 9),
    ("$true ? 3 :", "ExpectedValueExpression", 11),
];

#[test]
fn first_error_matches_pwsh_parser_tests() {
    let mut failures = Vec::new();
    for (src, id, offset) in PWSH_PARSER_TESTS {
        match parse(src) {
            Ok(()) => failures.push(format!("{src:?}: parsed, pwsh reports {id} at {offset}")),
            Err(errors) => {
                let (fid, foff, fmsg) = &errors[0];
                if fid != id || foff != offset {
                    failures.push(format!("{src:?}: got {fid} at {foff} ({fmsg}), pwsh reports {id} at {offset}"));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{} of {} cases differ:\n{}", failures.len(), PWSH_PARSER_TESTS.len(), failures.join("\n"));
}
