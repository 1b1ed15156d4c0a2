//! pwsh 7.4 / 7.5 engine error-message catalogue for tenantsim.
//!
//! Every text below was copied verbatim from the PowerShell/PowerShell `.resx` resources
//! (src/System.Management.Automation/resources/*.resx and
//! src/Microsoft.PowerShell.ConsoleHost/resources/*.resx) or from dotnet/runtime, via the
//! stored source index. XML entities were decoded (`&amp;` -> `&`, `&lt;` -> `<`,
//! `&gt;` -> `>`, `&#x2026;` -> U+2026). .NET composite-format placeholders (`{0}`, `{1}`, ...)
//! and `{{`/`}}` escapes are kept exactly as they appear in the resource.
//!
//! Each constant's doc comment gives: source resx + key, the FullyQualifiedErrorId pwsh uses,
//! the ErrorCategory, and where/how it is raised. See messages-notes.md for caveats.
//!
//! FullyQualifiedErrorId rule (ErrorRecord): `<errorId>` alone for errors raised by the
//! engine/script (parser, binders, `throw`), and `<errorId>,<command>` for errors written or
//! thrown by a command: `<command>` = the cmdlet's implementing type full name
//! (e.g. `Microsoft.PowerShell.Commands.GetItemCommand`) or the function/script name.
//!
//! Formatting rule: the engine only runs `string.Format` when arguments are supplied
//! (Parser.SaveError and InterpreterError both skip formatting for zero args), so use
//! [`render`] for parser/runtime messages; ParameterBindingException always formats
//! (it always passes at least the 6 fixed arguments) so use [`fmt`] / [`pb_message`] there.

#![allow(dead_code)]

// ====================================================================================================
// Parser: missing closing delimiters
// ====================================================================================================

/// Source: `ParserStrings.resx`, key `MissingEndCurlyBrace`.
/// FullyQualifiedErrorId: `MissingEndCurlyBrace`.
/// ErrorCategory: `ParserError`.
/// Parser.cs: StatementBlockRule, CompleteScriptBlockBody (script blocks / param-less blocks),
/// SwitchStatementRule (switch body at EOF), ClassDefinitionRule/EnumDefinitionRule, and HashExpressionRule (`@{`
/// without `}`; pwsh 7 no longer uses 'IncompleteHashLiteral'). No args, not passed through string.Format.
pub const PARSE_MISSING_END_CURLY_BRACE: &str = "Missing closing '}' in statement block or type definition.";

/// Source: `ParserStrings.resx`, key `MissingEndParenthesisInExpression`.
/// FullyQualifiedErrorId: `MissingEndParenthesisInExpression`.
/// ErrorCategory: `ParserError`.
/// Parser.cs: ParenthesizedExpressionRule `(1+2` and AttributeRule (attribute argument list `[Parameter(`).
pub const PARSE_MISSING_END_PAREN_IN_EXPRESSION: &str = "Missing closing ')' in expression.";

/// Source: `ParserStrings.resx`, key `MissingEndParenthesisInSubexpression`.
/// FullyQualifiedErrorId: `MissingEndParenthesisInSubexpression`.
/// ErrorCategory: `ParserError`.
/// Parser.cs: SubExpressionRule, used for BOTH `$(` subexpressions and `@(` array subexpressions.
pub const PARSE_MISSING_END_PAREN_IN_SUBEXPRESSION: &str = "Missing closing ')' in subexpression.";

/// Source: `ParserStrings.resx`, key `MissingEndParenthesisInMethodCall`.
/// FullyQualifiedErrorId: `MissingEndParenthesisInMethodCall`.
/// ErrorCategory: `ParserError`.
/// Parser.cs: InvokeParamParenListRule `$x.Foo(1`.
pub const PARSE_MISSING_END_PAREN_IN_METHOD_CALL: &str = "Missing ')' in method call.";

/// Source: `ParserStrings.resx`, key `MissingEndParenthesisInFunctionParameterList`.
/// FullyQualifiedErrorId: `MissingEndParenthesisInFunctionParameterList`.
/// ErrorCategory: `ParserError`.
/// Parser.cs: ParamBlockRule (`param(`) and FunctionParameterDeclarationRule (`function f(`).
pub const PARSE_MISSING_END_PAREN_IN_FUNCTION_PARAMETER_LIST: &str = "Missing ')' in function parameter list.";

/// Source: `ParserStrings.resx`, key `MissingEndParenthesisAfterStatement`.
/// FullyQualifiedErrorId: `MissingEndParenthesisAfterStatement`.
/// ErrorCategory: `ParserError`.
/// Parser.cs: if/elseif condition ({0} = keyword text as typed, e.g. 'if'), while/for ({0} = 'while'/'for'),
/// do-while/do-until ({0} = 'while'/'until').
pub const PARSE_MISSING_END_PAREN_AFTER_STATEMENT: &str = "Missing closing ')' after expression in '{0}' statement.";

/// Source: `ParserStrings.resx`, key `MissingEndParenthesisAfterForeach`.
/// FullyQualifiedErrorId: `MissingEndParenthesisAfterForeach`.
/// ErrorCategory: `ParserError`.
/// Parser.cs: ForeachStatementRule. Contains a literal newline.
pub const PARSE_MISSING_END_PAREN_AFTER_FOREACH: &str =
    "Missing closing ')' after expression part of foreach loop.\nThe correct form is: foreach ($a in $b) {...}";

/// Source: `ParserStrings.resx`, key `MissingEndParenthesisInSwitchStatement`.
/// FullyQualifiedErrorId: `MissingEndParenthesisInSwitchStatement`.
/// ErrorCategory: `ParserError`.
/// Parser.cs: SwitchStatementRule `switch ($x {`.
pub const PARSE_MISSING_END_PAREN_IN_SWITCH: &str = "Missing ')' after expression in switch statement.";

/// Source: `ParserStrings.resx`, key `MissingEndSquareBracket`.
/// FullyQualifiedErrorId: `MissingEndSquareBracket`.
/// ErrorCategory: `ParserError`.
/// Parser.cs: ElementAccessRule `$a[0`.
pub const PARSE_MISSING_END_SQUARE_BRACKET: &str = "Missing ']' after array index expression.";

/// Source: `ParserStrings.resx`, key `EndSquareBracketExpectedAtEndOfAttribute`.
/// FullyQualifiedErrorId: `EndSquareBracketExpectedAtEndOfAttribute`.
/// ErrorCategory: `ParserError`.
/// Parser.cs: AttributeRule / GenericTypeNameRule / CompleteArrayTypeName, e.g. `[int` or `[Parameter()`.
pub const PARSE_END_SQUARE_BRACKET_EXPECTED_AT_END_OF_ATTRIBUTE: &str = "Missing ] at end of attribute or type literal.";

/// Source: `ParserStrings.resx`, key `EndSquareBracketExpectedAtEndOfType`.
/// FullyQualifiedErrorId: `EndSquareBracketExpectedAtEndOfType`.
/// ErrorCategory: `ParserError`.
/// Parser.cs: GetSingleGenericArgument / GenericMethodArgumentsRule, e.g. `[List[[int]`.
pub const PARSE_END_SQUARE_BRACKET_EXPECTED_AT_END_OF_TYPE: &str = "Missing ] at end of type token.";

/// Source: `ParserStrings.resx`, key `MissingCurlyBraceInSwitchStatement`.
/// FullyQualifiedErrorId: `MissingCurlyBraceInSwitchStatement`.
/// ErrorCategory: `ParserError`.
/// Parser.cs: SwitchStatementRule, `switch ($x)` not followed by `{`.
pub const PARSE_MISSING_CURLY_BRACE_IN_SWITCH: &str = "Missing '{' in switch statement.";

/// Source: `ParserStrings.resx`, key `IncompleteDollarSubexpressionReference`.
/// FullyQualifiedErrorId: `IncompleteDollarSubexpressionReference`.
/// ErrorCategory: `ParserError`.
/// Tokenizer resource (tokenizer.cs); exact trigger not verified from source in this session.
pub const PARSE_INCOMPLETE_DOLLAR_SUBEXPRESSION_REFERENCE: &str = "$(subexpression) is missing the closing ')'.";

/// Source: `ParserStrings.resx`, key `IncompleteDollarVariableReference`.
/// FullyQualifiedErrorId: `IncompleteDollarVariableReference`.
/// ErrorCategory: `ParserError`.
/// Tokenizer: unterminated `${name`. NOTE the resx value contains doubled braces; it only renders as `${variable}
/// ... '}'.` if it goes through string.Format. Parser.SaveError formats only when args are supplied — whether the
/// tokenizer passes args was not verified.
pub const PARSE_INCOMPLETE_DOLLAR_VARIABLE_REFERENCE: &str = "${{variable}} reference starting is missing the closing '}}'.";

// ====================================================================================================
// Parser: missing statement blocks / bodies
// ====================================================================================================

/// Source: `ParserStrings.resx`, key `MissingStatementBlock`.
/// FullyQualifiedErrorId: `MissingStatementBlock`.
/// ErrorCategory: `ParserError`.
/// Parser.cs IfStatementRule: `if ($x)` / `elseif ($x)` with no `{`. {0} = keyword.Text as typed ('if', 'elseif',
/// 'If'...).
pub const PARSE_MISSING_STATEMENT_BLOCK: &str = "Missing statement block after {0} ( condition ).";

/// Source: `ParserStrings.resx`, key `MissingStatementBlockAfterElse`.
/// FullyQualifiedErrorId: `MissingStatementBlockAfterElse`.
/// ErrorCategory: `ParserError`.
/// Parser.cs IfStatementRule.
pub const PARSE_MISSING_STATEMENT_BLOCK_AFTER_ELSE: &str = "Missing statement block after 'else' keyword.";

/// Source: `ParserStrings.resx`, key `MissingForeachStatement`.
/// FullyQualifiedErrorId: `MissingForeachStatement`.
/// ErrorCategory: `ParserError`.
/// Parser.cs ForeachStatementRule. Contains a literal newline.
pub const PARSE_MISSING_FOREACH_STATEMENT: &str = "Missing statement body in foreach loop.\nThe correct form is: foreach ($a in $b) {...}";

/// Source: `ParserStrings.resx`, key `MissingLoopStatement`.
/// FullyQualifiedErrorId: `MissingLoopStatement`.
/// ErrorCategory: `ParserError`.
/// Parser.cs: for/while ({0} = 'for'/'while'), `do` with no block ({0} = 'do').
pub const PARSE_MISSING_LOOP_STATEMENT: &str = "Missing statement body in {0} loop.";

/// Source: `ParserStrings.resx`, key `MissingSwitchStatementClause`.
/// FullyQualifiedErrorId: `MissingSwitchStatementClause`.
/// ErrorCategory: `ParserError`.
/// Parser.cs SwitchStatementRule: clause condition without a `{...}` body.
pub const PARSE_MISSING_SWITCH_STATEMENT_CLAUSE: &str = "Missing statement block in switch statement clause.";

/// Source: `ParserStrings.resx`, key `MissingTryStatementBlock`.
/// FullyQualifiedErrorId: `MissingTryStatementBlock`.
/// ErrorCategory: `ParserError`.
/// Parser.cs TryStatementRule: `try` not followed by `{`.
pub const PARSE_MISSING_TRY_STATEMENT_BLOCK: &str = "The Try statement is missing its statement block.";

/// Source: `ParserStrings.resx`, key `MissingCatchOrFinally`.
/// FullyQualifiedErrorId: `MissingCatchOrFinally`.
/// ErrorCategory: `ParserError`.
/// Parser.cs TryStatementRule: `try {}` with neither catch nor finally.
pub const PARSE_MISSING_CATCH_OR_FINALLY: &str = "The Try statement is missing its Catch or Finally block.";

/// Source: `ParserStrings.resx`, key `MissingCatchHandlerBlock`.
/// FullyQualifiedErrorId: `MissingCatchHandlerBlock`.
/// ErrorCategory: `ParserError`.
/// Parser.cs CatchBlockRule.
pub const PARSE_MISSING_CATCH_HANDLER_BLOCK: &str = "The Catch block is missing its statement block.";

/// Source: `ParserStrings.resx`, key `MissingFinallyStatementBlock`.
/// FullyQualifiedErrorId: `MissingFinallyStatementBlock`.
/// ErrorCategory: `ParserError`.
/// Parser.cs TryStatementRule (passes 'finally' as an arg but the text has no placeholder).
pub const PARSE_MISSING_FINALLY_STATEMENT_BLOCK: &str = "The Finally block is missing its statement block.";

/// Source: `ParserStrings.resx`, key `MissingTryStatement`.
/// FullyQualifiedErrorId: `MissingTryStatement`.
/// ErrorCategory: `ParserError`.
/// LEGACY / not emitted by the pwsh 7.4-7.5 engine as far as the source shows; kept for reference.
/// Still in the resx but NOT used by the pwsh 7 Parser.cs (which uses MissingTryStatementBlock).
pub const PARSE_MISSING_TRY_STATEMENT_LEGACY: &str = "Incomplete 'try' statement. A try statement requires a body.";

/// Source: `ParserStrings.resx`, key `MissingTrapStatement`.
/// FullyQualifiedErrorId: `MissingTrapStatement`.
/// ErrorCategory: `ParserError`.
/// Parser.cs TrapStatementRule.
pub const PARSE_MISSING_TRAP_STATEMENT: &str = "The 'trap' statement was incomplete. A trap statement requires a body.";

/// Source: `ParserStrings.resx`, key `MissingFunctionBody`.
/// FullyQualifiedErrorId: `MissingFunctionBody`.
/// ErrorCategory: `ParserError`.
/// Parser.cs FunctionDeclarationRule / MethodDeclarationRule: `function f` with no `{`.
pub const PARSE_MISSING_FUNCTION_BODY: &str = "Missing function body in function declaration.";

/// Source: `ParserStrings.resx`, key `MissingNamedStatementBlock`.
/// FullyQualifiedErrorId: `MissingNamedStatementBlock`.
/// ErrorCategory: `ParserError`.
/// Parser.cs NamedBlockListRule: {0} = 'begin'/'process'/'end'/'clean'/'dynamicparam'.
pub const PARSE_MISSING_NAMED_STATEMENT_BLOCK: &str = "Missing statement block after '{0}'.";

/// Source: `ParserStrings.resx`, key `MissingStatementBlockForDataSection`.
/// FullyQualifiedErrorId: `MissingStatementBlockForDataSection`.
/// ErrorCategory: `ParserError`.
/// Parser.cs DataStatementRule.
pub const PARSE_MISSING_STATEMENT_BLOCK_FOR_DATA_SECTION: &str = "The Data section is missing its statement block.";

/// Source: `ParserStrings.resx`, key `MissingStatementAfterKeyword`.
/// FullyQualifiedErrorId: `MissingStatementAfterKeyword`.
/// ErrorCategory: `ParserError`.
/// Parser.cs BlockStatementRule (parallel/sequence), InlineScriptRule, DynamicKeywordStatementRule.
pub const PARSE_MISSING_STATEMENT_AFTER_KEYWORD: &str = "Missing statement body after keyword '{0}'.";

/// Source: `ParserStrings.resx`, key `MissingTypeBody`.
/// FullyQualifiedErrorId: `MissingTypeBody`.
/// ErrorCategory: `ParserError`.
/// Parser.cs ClassDefinitionRule/EnumDefinitionRule: {0} = 'class' / 'enum'.
pub const PARSE_MISSING_TYPE_BODY: &str = "Missing '{0}' body in '{0}' declaration.";

/// Source: `ParserStrings.resx`, key `MissingNamedBlocks`.
/// FullyQualifiedErrorId: `MissingNamedBlocks`.
/// ErrorCategory: `ParserError`.
/// Parser.cs NamedBlockListRule: a statement after a named block. 'clean' was added in 7.3 (older text lacks it).
/// Lower-case 'unexpected' is verbatim.
pub const PARSE_MISSING_NAMED_BLOCKS: &str = "unexpected token '{0}', expected 'begin', 'process', 'end', 'clean', or 'dynamicparam'.";

/// Source: `ParserStrings.resx`, key `DuplicateScriptCommandClause`.
/// FullyQualifiedErrorId: `DuplicateScriptCommandClause`.
/// ErrorCategory: `ParserError`.
/// Parser.cs NamedBlockListRule: e.g. two `begin` blocks.
pub const PARSE_DUPLICATE_SCRIPT_COMMAND_CLAUSE: &str = "Script command clause '{0}' has already been defined.";

// ====================================================================================================
// Parser: if / loops / switch conditions
// ====================================================================================================

/// Source: `ParserStrings.resx`, key `MissingOpenParenthesisInIfStatement`.
/// FullyQualifiedErrorId: `MissingOpenParenthesisInIfStatement`.
/// ErrorCategory: `ParserError`.
/// Parser.cs IfStatementRule: {0} = 'if' or 'elseif' as typed.
pub const PARSE_MISSING_OPEN_PAREN_IN_IF: &str = "Missing '(' after '{0}' in if statement.";

/// Source: `ParserStrings.resx`, key `IfStatementMissingCondition`.
/// FullyQualifiedErrorId: `IfStatementMissingCondition`.
/// ErrorCategory: `ParserError`.
/// Parser.cs IfStatementRule: `if ()`.
pub const PARSE_IF_STATEMENT_MISSING_CONDITION: &str = "Missing condition in if statement after '{0} ('.";

/// Source: `ParserStrings.resx`, key `MissingOpenParenthesisAfterKeyword`.
/// FullyQualifiedErrorId: `MissingOpenParenthesisAfterKeyword`.
/// ErrorCategory: `ParserError`.
/// Parser.cs: foreach/for/while/until/(do-)while, {0} = keyword.
pub const PARSE_MISSING_OPEN_PAREN_AFTER_KEYWORD: &str = "Missing opening '(' after keyword '{0}'.";

/// Source: `ParserStrings.resx`, key `MissingExpressionAfterKeyword`.
/// FullyQualifiedErrorId: `MissingExpressionAfterKeyword`.
/// ErrorCategory: `ParserError`.
/// Parser.cs: `while ()` / `do {} while ()`, {0} = 'while'/'until'.
pub const PARSE_MISSING_EXPRESSION_AFTER_KEYWORD: &str = "Missing expression after '{0}' in loop.";

/// Source: `ParserStrings.resx`, key `MissingWhileOrUntilInDoWhile`.
/// FullyQualifiedErrorId: `MissingWhileOrUntilInDoWhile`.
/// ErrorCategory: `ParserError`.
/// Parser.cs DoWhileStatementRule.
pub const PARSE_MISSING_WHILE_OR_UNTIL_IN_DO: &str = "Missing while or until keyword in do loop.";

/// Source: `ParserStrings.resx`, key `MissingVariableNameAfterForeach`.
/// FullyQualifiedErrorId: `MissingVariableNameAfterForeach`.
/// ErrorCategory: `ParserError`.
/// Parser.cs ForeachStatementRule.
pub const PARSE_MISSING_VARIABLE_NAME_AFTER_FOREACH: &str = "Missing variable name after foreach.\nThe correct form is: foreach ($a in $b) {...}";

/// Source: `ParserStrings.resx`, key `MissingInInForeach`.
/// FullyQualifiedErrorId: `MissingInInForeach`.
/// ErrorCategory: `ParserError`.
/// Parser.cs ForeachStatementRule.
pub const PARSE_MISSING_IN_IN_FOREACH: &str = "Missing 'in' after variable in foreach loop.\nThe correct form is: foreach ($a in $b) {...}";

/// Source: `ParserStrings.resx`, key `MissingForeachExpression`.
/// FullyQualifiedErrorId: `MissingForeachExpression`.
/// ErrorCategory: `ParserError`.
/// Parser.cs ForeachStatementRule `foreach ($a in )`.
pub const PARSE_MISSING_FOREACH_EXPRESSION: &str = "Missing expression in foreach loop.\nThe correct form is: foreach ($a in $b) {...}";

/// Source: `ParserStrings.resx`, key `InvalidForeachFlag`.
/// FullyQualifiedErrorId: `InvalidForeachFlag`.
/// ErrorCategory: `ParserError`.
/// Parser.cs ForeachStatementRule: unknown `-flag` ({0} = parameter name without '-').
pub const PARSE_INVALID_FOREACH_FLAG: &str = "The parameter {0} is not valid for the foreach statement.";

/// Source: `ParserStrings.resx`, key `MissingThrottleLimit`.
/// FullyQualifiedErrorId: `MissingThrottleLimit`.
/// ErrorCategory: `ParserError`.
/// Parser.cs ForeachStatementRule.
pub const PARSE_MISSING_THROTTLE_LIMIT: &str =
    "The ThrottleLimit parameter of the foreach statement is missing a value. Supply a throttle limit to the parameter.";

/// Source: `ParserStrings.resx`, key `PipelineValueRequired`.
/// FullyQualifiedErrorId: `PipelineValueRequired`.
/// ErrorCategory: `ParserError`.
/// Parser.cs SwitchStatementRule (`switch` with no condition, or `switch ()`). NOTE two spaces after the colon
/// (verbatim).
pub const PARSE_PIPELINE_VALUE_REQUIRED: &str = "A switch statement must have one of the following:  '-file file_name' or '( expression )'.";

/// Source: `ParserStrings.resx`, key `MissingSwitchConditionExpression`.
/// FullyQualifiedErrorId: `MissingSwitchConditionExpression`.
/// ErrorCategory: `ParserError`.
/// Parser.cs SwitchStatementRule.
pub const PARSE_MISSING_SWITCH_CONDITION_EXPRESSION: &str = "Missing condition in switch statement clause.";

/// Source: `ParserStrings.resx`, key `MultipleSwitchDefaultClauses`.
/// FullyQualifiedErrorId: `MultipleSwitchDefaultClauses`.
/// ErrorCategory: `ParserError`.
/// Parser.cs SwitchStatementRule.
pub const PARSE_MULTIPLE_SWITCH_DEFAULT_CLAUSES: &str = "A switch statement can have only one default clause.";

/// Source: `ParserStrings.resx`, key `InvalidSwitchFlag`.
/// FullyQualifiedErrorId: `InvalidSwitchFlag`.
/// ErrorCategory: `ParserError`.
/// Parser.cs SwitchStatementRule ({0} = parameter name without '-').
pub const PARSE_INVALID_SWITCH_FLAG: &str = "The parameter {0} is not valid for the switch statement.";

/// Source: `ParserStrings.resx`, key `MissingFilenameOption`.
/// FullyQualifiedErrorId: `MissingFilenameOption`.
/// ErrorCategory: `ParserError`.
/// Parser.cs SwitchStatementRule.
pub const PARSE_MISSING_FILENAME_OPTION: &str = "Cannot process the 'switch' statement because of a missing file name argument to the -file option.";

/// Source: `ParserStrings.resx`, key `MissingTypeLiteralToken`.
/// FullyQualifiedErrorId: `MissingTypeLiteralToken`.
/// ErrorCategory: `ParserError`.
/// Parser.cs CatchBlockRule: `catch [A],` trailing comma.
pub const PARSE_MISSING_TYPE_LITERAL_TOKEN: &str = "Missing type literal.";

/// Source: `ParserStrings.resx`, key `ExceptionTypeAlreadyCaught`.
/// FullyQualifiedErrorId: `ExceptionTypeAlreadyCaught`.
/// ErrorCategory: `ParserError`.
/// Semantic check (SemanticChecks.cs).
pub const PARSE_EXCEPTION_TYPE_ALREADY_CAUGHT: &str = "Exception type {0} is already handled by a previous handler.";

/// Source: `ParserStrings.resx`, key `EmptyCatchNotLast`.
/// FullyQualifiedErrorId: `EmptyCatchNotLast`.
/// ErrorCategory: `ParserError`.
/// Semantic check (SemanticChecks.cs).
pub const PARSE_EMPTY_CATCH_NOT_LAST: &str = "Catch block must be the last catch block.";

// ====================================================================================================
// Parser: tokens, pipelines, operators, expressions
// ====================================================================================================

/// Source: `ParserStrings.resx`, key `UnexpectedToken`.
/// FullyQualifiedErrorId: `UnexpectedToken`.
/// ErrorCategory: `ParserError`.
/// Parser.cs: PipelineRule default case, CompleteScriptBlockBody (stray `}`/`)` at top level),
/// ErrorRecoveryParameterInExpression (`1 -foo`), type-name errors. {0} = token text.
pub const PARSE_UNEXPECTED_TOKEN: &str = "Unexpected token '{0}' in expression or statement.";

/// Source: `ParserStrings.resx`, key `UnexpectedAttribute`.
/// FullyQualifiedErrorId: `UnexpectedAttribute`.
/// ErrorCategory: `ParserError`.
/// Parser.cs StatementRule/UnaryExpressionRule: attribute not followed by param/expression. {0} = attribute
/// TypeName.FullName.
pub const PARSE_UNEXPECTED_ATTRIBUTE: &str = "Unexpected attribute '{0}'.";

/// Source: `ParserStrings.resx`, key `UnexpectedKeyword`.
/// FullyQualifiedErrorId: `UnexpectedKeyword`.
/// ErrorCategory: `ParserError`.
/// Present in resx; emitter not located in Parser.cs (not verified).
pub const PARSE_UNEXPECTED_KEYWORD: &str = "Unexpected keyword '{0}'.";

/// Source: `ParserStrings.resx`, key `RedirectionNotSupported`.
/// FullyQualifiedErrorId: `RedirectionNotSupported`.
/// ErrorCategory: `ParserError`.
/// Parser.cs RedirectionRule: input redirection `<` ({0}='<'), merges to a non-output stream `1>&2` ({0}='1>&2'),
/// or `2>&2`. This is the classic `if (36 < 42)` error. NOTE: pwsh 7 has no 'AmpersandNotAllowed' string any
/// more: `&` is the background operator.
pub const PARSE_REDIRECTION_NOT_SUPPORTED: &str = "The '{0}' operator is reserved for future use.";

/// Source: `ParserStrings.resx`, key `MissingFileSpecification`.
/// FullyQualifiedErrorId: `MissingFileSpecification`.
/// ErrorCategory: `ParserError`.
/// Parser.cs RedirectionRule: `dir >`.
pub const PARSE_MISSING_FILE_SPECIFICATION: &str = "Missing file specification after redirection operator.";

/// Source: `ParserStrings.resx`, key `StreamAlreadyRedirected`.
/// FullyQualifiedErrorId: `StreamAlreadyRedirected`.
/// ErrorCategory: `ParserError`.
/// Parser.cs RedirectionRule; {0} is one of the *_STREAM names below.
pub const PARSE_STREAM_ALREADY_REDIRECTED: &str = "The {0} for this command is already redirected.";

/// Source: `ParserStrings.resx`, key `AllStream`.
/// FullyQualifiedErrorId: `(n/a - fragment)`.
/// ErrorCategory: `ParserError`.
/// Argument for StreamAlreadyRedirected.
pub const PARSE_STREAM_NAME_ALL: &str = "* stream";

/// Source: `ParserStrings.resx`, key `OutputStream`.
/// FullyQualifiedErrorId: `(n/a - fragment)`.
/// ErrorCategory: `ParserError`.
/// Argument for StreamAlreadyRedirected.
pub const PARSE_STREAM_NAME_OUTPUT: &str = "output stream";

/// Source: `ParserStrings.resx`, key `ErrorStream`.
/// FullyQualifiedErrorId: `(n/a - fragment)`.
/// ErrorCategory: `ParserError`.
/// Argument for StreamAlreadyRedirected.
pub const PARSE_STREAM_NAME_ERROR: &str = "error stream";

/// Source: `ParserStrings.resx`, key `WarningStream`.
/// FullyQualifiedErrorId: `(n/a - fragment)`.
/// ErrorCategory: `ParserError`.
/// Argument for StreamAlreadyRedirected.
pub const PARSE_STREAM_NAME_WARNING: &str = "warning stream";

/// Source: `ParserStrings.resx`, key `VerboseStream`.
/// FullyQualifiedErrorId: `(n/a - fragment)`.
/// ErrorCategory: `ParserError`.
/// Argument for StreamAlreadyRedirected.
pub const PARSE_STREAM_NAME_VERBOSE: &str = "verbose stream";

/// Source: `ParserStrings.resx`, key `DebugStream`.
/// FullyQualifiedErrorId: `(n/a - fragment)`.
/// ErrorCategory: `ParserError`.
/// Argument for StreamAlreadyRedirected.
pub const PARSE_STREAM_NAME_DEBUG: &str = "debug stream";

/// Source: `ParserStrings.resx`, key `InformationStream`.
/// FullyQualifiedErrorId: `(n/a - fragment)`.
/// ErrorCategory: `ParserError`.
/// Argument for StreamAlreadyRedirected.
pub const PARSE_STREAM_NAME_INFORMATION: &str = "information stream";

/// Source: `ParserStrings.resx`, key `EmptyPipeElement`.
/// FullyQualifiedErrorId: `EmptyPipeElement`.
/// ErrorCategory: `ParserError`.
/// Parser.cs PipelineRule: `| foo`, `a | | b`, trailing `|` at EOF.
pub const PARSE_EMPTY_PIPE_ELEMENT: &str = "An empty pipe element is not allowed.";

/// Source: `ParserStrings.resx`, key `ExpressionsMustBeFirstInPipeline`.
/// FullyQualifiedErrorId: `ExpressionsMustBeFirstInPipeline`.
/// ErrorCategory: `ParserError`.
/// Parser.cs PipelineRule: `dir | 1`.
pub const PARSE_EXPRESSIONS_MUST_BE_FIRST_IN_PIPELINE: &str = "Expressions are only allowed as the first element of a pipeline.";

/// Source: `ParserStrings.resx`, key `MissingExpression`.
/// FullyQualifiedErrorId: `MissingExpression`.
/// ErrorCategory: `ParserError`.
/// Parser.cs CommandRule: `&` or `.` with nothing after ({0}='&'/'.'); GetCommandArgument trailing comma in
/// command args ({0}=',').
pub const PARSE_MISSING_EXPRESSION: &str = "Missing expression after '{0}' in pipeline element.";

/// Source: `ParserStrings.resx`, key `MissingArgument`.
/// FullyQualifiedErrorId: `MissingArgument`.
/// ErrorCategory: `ParserError`.
/// Parser.cs CommandRule: a command element that starts with `,` (e.g. `Write-Output ,,1` / `cmd -a ,`).
pub const PARSE_MISSING_ARGUMENT: &str = "Missing argument in parameter list.";

/// Source: `ParserStrings.resx`, key `ParameterRequiresArgument`.
/// FullyQualifiedErrorId: `ParameterRequiresArgument`.
/// ErrorCategory: `ParserError`.
/// Parser.cs CommandRule: `-Name:` followed by nothing. {0} = parameter token text, e.g. '-Name:'.
pub const PARSE_PARAMETER_REQUIRES_ARGUMENT: &str = "Parameter {0} requires an argument.";

/// Source: `ParserStrings.resx`, key `EmptyPipelineChainElement`.
/// FullyQualifiedErrorId: `EmptyPipelineChainElement`.
/// ErrorCategory: `ParserError`.
/// Parser.cs PipelineChainRule: `a &&` / `a ||`.
pub const PARSE_EMPTY_PIPELINE_CHAIN_ELEMENT: &str = "A pipeline chain operator must be followed by a pipeline.";

/// Source: `ParserStrings.resx`, key `BackgroundOperatorInPipelineChain`.
/// FullyQualifiedErrorId: `BackgroundOperatorInPipelineChain`.
/// ErrorCategory: `ParserError`.
/// Parser.cs PipelineChainRule: `a & && b`.
pub const PARSE_BACKGROUND_OPERATOR_IN_PIPELINE_CHAIN: &str = "Background operators can only be used at the end of a pipeline chain.";

/// Source: `ParserStrings.resx`, key `MissingColonInTernaryExpression`.
/// FullyQualifiedErrorId: `MissingColonInTernaryExpression`.
/// ErrorCategory: `ParserError`.
/// Parser.cs ExpressionRule.
pub const PARSE_MISSING_COLON_IN_TERNARY: &str = "Missing ':' in the ternary expression.";

/// Source: `ParserStrings.resx`, key `ExpectedValueExpression`.
/// FullyQualifiedErrorId: `ExpectedValueExpression`.
/// ErrorCategory: `ParserError`.
/// Parser.cs: binary operator with no RHS (`1 +`, {0} = operator text as typed e.g. '-eq'), assignment with no
/// RHS (`$x =`, {0}='='), ternary `?`/`:` with no operand, enum member `A =`.
pub const PARSE_EXPECTED_VALUE_EXPRESSION: &str = "You must provide a value expression following the '{0}' operator.";

/// Source: `ParserStrings.resx`, key `MissingExpressionAfterOperator`.
/// FullyQualifiedErrorId: `MissingExpressionAfterOperator`.
/// ErrorCategory: `ParserError`.
/// Parser.cs UnaryExpressionRule: `-not`, `!`, `-`, `++`, `,` etc. with nothing after. {0} = token text.
pub const PARSE_MISSING_EXPRESSION_AFTER_OPERATOR: &str = "Missing expression after unary operator '{0}'.";

/// Source: `ParserStrings.resx`, key `MissingExpressionAfterToken`.
/// FullyQualifiedErrorId: `MissingExpressionAfterToken`.
/// ErrorCategory: `ParserError`.
/// Parser.cs: array literal trailing comma `1,` ({0}=','), method-call argument trailing comma `$x.F(1,)`,
/// param-list trailing comma, param default `$a =`, attribute positional args.
pub const PARSE_MISSING_EXPRESSION_AFTER_TOKEN: &str = "Missing expression after '{0}'.";

/// Source: `ParserStrings.resx`, key `ExpectedExpression`.
/// FullyQualifiedErrorId: `ExpectedExpression`.
/// ErrorCategory: `ParserError`.
/// Parser.cs ParenthesizedExpressionRule: `()`.
pub const PARSE_EXPECTED_EXPRESSION: &str = "An expression was expected after '('.";

/// Source: `ParserStrings.resx`, key `MissingArrayIndexExpression`.
/// FullyQualifiedErrorId: `MissingArrayIndexExpression`.
/// ErrorCategory: `ParserError`.
/// Parser.cs ElementAccessRule: `$a[]`.
pub const PARSE_MISSING_ARRAY_INDEX_EXPRESSION: &str = "Array index expression is missing or not valid.";

/// Source: `ParserStrings.resx`, key `MissingPropertyName`.
/// FullyQualifiedErrorId: `MissingPropertyName`.
/// ErrorCategory: `ParserError`.
/// Parser.cs MemberAccessRule: `$a.` / `[int]::`.
pub const PARSE_MISSING_PROPERTY_NAME: &str = "Missing property name after reference operator.";

/// Source: `ParserStrings.resx`, key `MissingTypename`.
/// FullyQualifiedErrorId: `MissingTypename`.
/// ErrorCategory: `ParserError`.
/// Parser.cs AttributeRule/FinishTypeNameRule: `[` or `[]`, or `[int[` at EOF.
pub const PARSE_MISSING_TYPENAME: &str = "Missing type name after '['.";

/// Source: `ParserStrings.resx`, key `MissingAssemblyNameSpecification`.
/// FullyQualifiedErrorId: `MissingAssemblyNameSpecification`.
/// ErrorCategory: `ParserError`.
/// Parser.cs FinishTypeNameRule: `[int,]`.
pub const PARSE_MISSING_ASSEMBLY_NAME_SPECIFICATION: &str = "The type name is missing the assembly name specification.";

/// Source: `ParserStrings.resx`, key `ArrayHasTooManyDimensions`.
/// FullyQualifiedErrorId: `ArrayHasTooManyDimensions`.
/// ErrorCategory: `ParserError`.
/// Parser.cs CompleteArrayTypeName (newer resx only).
pub const PARSE_ARRAY_HAS_TOO_MANY_DIMENSIONS: &str =
    "The array has too many dimensions: {0}. The number of dimensions for an array must be less than or equal to 32.";

/// Source: `ParserStrings.resx`, key `InvalidLeftHandSide`.
/// FullyQualifiedErrorId: `InvalidLeftHandSide`.
/// ErrorCategory: `ParserError`.
/// Semantic check (SemanticChecks.cs), e.g. `1 = 2`.
pub const PARSE_INVALID_LEFT_HAND_SIDE: &str = "The assignment expression is not valid. The input to an assignment operator must be an object that is able to accept assignments, such as a variable or a property.";

/// Source: `ParserStrings.resx`, key `VoidTypeConstraintNotAllowed`.
/// FullyQualifiedErrorId: `VoidTypeConstraintNotAllowed`.
/// ErrorCategory: `ParserError`.
/// Semantic check.
pub const PARSE_VOID_TYPE_CONSTRAINT_NOT_ALLOWED: &str = "[void] cannot be used as a parameter type, or on the left side of an assignment.";

/// Source: `ParserStrings.resx`, key `TypeNotAllowedBeforeParam`.
/// FullyQualifiedErrorId: `TypeNotAllowedBeforeParam`.
/// ErrorCategory: `ParserError`.
/// Parser.cs ParamBlockRule.
pub const PARSE_TYPE_NOT_ALLOWED_BEFORE_PARAM: &str = "Unexpected type [{0}] was found in the parameter statement.";

/// Source: `ParserStrings.resx`, key `TypeNotAllowedBeforeStatement`.
/// FullyQualifiedErrorId: `TypeNotAllowedBeforeStatement`.
/// ErrorCategory: `ParserError`.
/// Parser.cs StatementRule: `[int] if (1) {}`.
pub const PARSE_TYPE_NOT_ALLOWED_BEFORE_STATEMENT: &str = "Unexpected type [{0}] was found before statement.";

/// Source: `ParserStrings.resx`, key `ReservedKeywordNotAllowed`.
/// FullyQualifiedErrorId: `ReservedKeywordNotAllowed`.
/// ErrorCategory: `ParserError`.
/// Parser.cs StatementRule: 'from', 'define', 'var'.
pub const PARSE_RESERVED_KEYWORD_NOT_ALLOWED: &str = "The '{0}' keyword is not supported in this version of the language.";

/// Source: `ParserStrings.resx`, key `InvalidEndOfLine`.
/// FullyQualifiedErrorId: `InvalidEndOfLine`.
/// ErrorCategory: `ParserError`.
/// LEGACY / not emitted by the pwsh 7.4-7.5 engine as far as the source shows; kept for reference.
/// In resx; in Windows PowerShell 5.1 this was the `&&`/`||` error. pwsh 7 supports pipeline chains, so it is not
/// emitted for them.
pub const PARSE_INVALID_END_OF_LINE: &str = "The token '{0}' is not a valid statement separator in this version.";

/// Source: `ParserStrings.resx`, key `MissingStatementTerminator`.
/// FullyQualifiedErrorId: `MissingStatementTerminator`.
/// ErrorCategory: `ParserError`.
/// Parser.cs RequireStatementTerminator (using statements).
pub const PARSE_MISSING_STATEMENT_TERMINATOR: &str = "Missing a newline or semicolon.";

/// Source: `ParserStrings.resx`, key `UsingMustBeAtStartOfScript`.
/// FullyQualifiedErrorId: `UsingMustBeAtStartOfScript`.
/// ErrorCategory: `ParserError`.
/// Parser.cs StatementRule.
pub const PARSE_USING_MUST_BE_AT_START_OF_SCRIPT: &str = "A 'using' statement must appear before any other statements in a script.";

/// Source: `ParserStrings.resx`, key `DuplicateNamedArgument`.
/// FullyQualifiedErrorId: `DuplicateNamedArgument`.
/// ErrorCategory: `ParserError`.
/// Parser.cs AttributeArgumentsRule: `[Parameter(Mandatory, Mandatory)]`.
pub const PARSE_DUPLICATE_NAMED_ARGUMENT: &str = "Duplicate named arguments '{0}' are not allowed.";

/// Source: `ParserStrings.resx`, key `MissingExpressionInNamedArgument`.
/// FullyQualifiedErrorId: `MissingExpressionInNamedArgument`.
/// ErrorCategory: `ParserError`.
/// Parser.cs AttributeArgumentsRule: `[Parameter(Position=)]`.
pub const PARSE_MISSING_EXPRESSION_IN_NAMED_ARGUMENT: &str = "Missing statement after '=' in named argument.";

/// Source: `ParserStrings.resx`, key `SplattingNotPermitted`.
/// FullyQualifiedErrorId: `SplattingNotPermitted`.
/// ErrorCategory: `ParserError`.
/// Semantic check: `@x` used in an expression. {0} = variable name.
pub const PARSE_SPLATTING_NOT_PERMITTED: &str = "The splatting operator '@' cannot be used to reference variables in an expression. '@{0}' can be used only as an argument to a command. To reference variables in an expression use '${0}'.";

/// Source: `ParserStrings.resx`, key `SplattingNotPermittedInArgumentList`.
/// FullyQualifiedErrorId: `SplattingNotPermittedInArgumentList`.
/// ErrorCategory: `ParserError`.
/// Semantic check.
pub const PARSE_SPLATTING_NOT_PERMITTED_IN_ARGUMENT_LIST: &str = "Splatted variables like '@{0}' cannot be part of a comma-separated list of arguments.";

/// Source: `ParserStrings.resx`, key `OperatorRequiresVariableOrProperty`.
/// FullyQualifiedErrorId: `OperatorRequiresVariableOrProperty`.
/// ErrorCategory: `ParserError`.
/// Semantic check: `1++`. {0} = '++' / '--'.
pub const PARSE_OPERATOR_REQUIRES_VARIABLE_OR_PROPERTY: &str = "The '{0}' operator works only on variables or on properties.";

// ====================================================================================================
// Parser: hash literals
// ====================================================================================================

/// Source: `ParserStrings.resx`, key `MissingEqualsInHashLiteral`.
/// FullyQualifiedErrorId: `MissingEqualsInHashLiteral`.
/// ErrorCategory: `ParserError`.
/// Parser.cs GetKeyValuePair: `@{ a }` / `@{ a 1 }`.
pub const PARSE_MISSING_EQUALS_IN_HASH_LITERAL: &str = "Missing '=' operator after key in hash literal.";

/// Source: `ParserStrings.resx`, key `MissingStatementInHashLiteral`.
/// FullyQualifiedErrorId: `MissingStatementInHashLiteral`.
/// ErrorCategory: `ParserError`.
/// Parser.cs GetKeyValuePair: `@{ a = }`.
pub const PARSE_MISSING_STATEMENT_IN_HASH_LITERAL: &str = "Missing statement after '=' in hash literal.";

/// Source: `ParserStrings.resx`, key `DuplicateKeyInHashLiteral`.
/// FullyQualifiedErrorId: `DuplicateKeyInHashLiteral`.
/// ErrorCategory: `ParserError`.
/// Semantic check (case-insensitive for string keys).
pub const PARSE_DUPLICATE_KEY_IN_HASH_LITERAL: &str = "Duplicate keys '{0}' are not allowed in hash literals.";

/// Source: `ParserStrings.resx`, key `InvalidNullKey`.
/// FullyQualifiedErrorId: `InvalidNullKey`.
/// ErrorCategory: `ParserError`.
/// Semantic check / runtime.
pub const PARSE_INVALID_NULL_KEY: &str = "A null key is not allowed in a hash literal.";

/// Source: `ParserStrings.resx`, key `MissingKeyInHashLiteral`.
/// FullyQualifiedErrorId: `MissingKeyInHashLiteral`.
/// ErrorCategory: `ParserError`.
/// LEGACY / not emitted by the pwsh 7.4-7.5 engine as far as the source shows; kept for reference.
/// Only in the OLDER ParserStrings.resx (commit 00201558); removed from the 7.3+ resx and not referenced by pwsh
/// 7 Parser.cs. `@{ = 1}` in pwsh 7 yields MissingEndCurlyBrace + UnexpectedToken instead.
pub const PARSE_MISSING_KEY_IN_HASH_LITERAL_LEGACY: &str = "Missing key before '=' in hash literal.";

// ====================================================================================================
// Parser: functions, params, classes
// ====================================================================================================

/// Source: `ParserStrings.resx`, key `MissingNameAfterKeyword`.
/// FullyQualifiedErrorId: `MissingNameAfterKeyword`.
/// ErrorCategory: `ParserError`.
/// Parser.cs FunctionDeclarationRule / ClassDefinitionRule / EnumDefinitionRule: {0} = 'function', 'filter',
/// 'class', 'enum' (token text).
pub const PARSE_MISSING_NAME_AFTER_KEYWORD: &str = "Missing name after {0} keyword.";

/// Source: `ParserStrings.resx`, key `InvalidFunctionParameter`.
/// FullyQualifiedErrorId: `InvalidFunctionParameter`.
/// ErrorCategory: `ParserError`.
/// Parser.cs ParameterRule: attribute(s) not followed by a variable.
pub const PARSE_INVALID_FUNCTION_PARAMETER: &str = "Parameter declarations are a comma-separated list of variable names with optional initializer expressions.";

/// Source: `ParserStrings.resx`, key `DuplicateFormalParameter`.
/// FullyQualifiedErrorId: `DuplicateFormalParameter`.
/// ErrorCategory: `ParserError`.
/// Semantic check: `param($a, $a)`. {0} = name without '$'.
pub const PARSE_DUPLICATE_FORMAL_PARAMETER: &str = "Duplicate parameter ${0} in parameter list.";

/// Source: `ParserStrings.resx`, key `OnlyOneParameterListAllowed`.
/// FullyQualifiedErrorId: `OnlyOneParameterListAllowed`.
/// ErrorCategory: `ParserError`.
/// Semantic check: `function f($a) { param($b) }`.
pub const PARSE_ONLY_ONE_PARAMETER_LIST_ALLOWED: &str = "The param statement cannot be used if arguments were specified in the function declaration.";

/// Source: `ParserStrings.resx`, key `ParameterAttributeArgumentNeedsToBeConstantOrScriptBlock`.
/// FullyQualifiedErrorId: `ParameterAttributeArgumentNeedsToBeConstantOrScriptBlock`.
/// ErrorCategory: `ParserError`.
/// Semantic check.
pub const PARSE_PARAMETER_ATTRIBUTE_ARGUMENT_CONSTANT_OR_SCRIPTBLOCK: &str = "Attribute argument must be a constant or a script block.";

/// Source: `ParserStrings.resx`, key `ParameterAttributeArgumentNeedsToBeConstant`.
/// FullyQualifiedErrorId: `ParameterAttributeArgumentNeedsToBeConstant`.
/// ErrorCategory: `ParserError`.
/// Semantic check.
pub const PARSE_PARAMETER_ATTRIBUTE_ARGUMENT_CONSTANT: &str = "Attribute argument must be a constant.";

/// Source: `ParserStrings.resx`, key `MissingPropertyTerminator`.
/// FullyQualifiedErrorId: `MissingPropertyTerminator`.
/// ErrorCategory: `ParserError`.
/// Parser.cs ClassMemberRule / EnumMemberRule.
pub const PARSE_MISSING_PROPERTY_TERMINATOR: &str = "Missing ';' or end-of-line in property definition.";

/// Source: `ParserStrings.resx`, key `IncompleteMemberDefinition`.
/// FullyQualifiedErrorId: `IncompleteMemberDefinition`.
/// ErrorCategory: `ParserError`.
/// Parser.cs ClassMemberRule.
pub const PARSE_INCOMPLETE_MEMBER_DEFINITION: &str = "Missing a property name or method definition.";

/// Source: `ParserStrings.resx`, key `MissingMethodParameterList`.
/// FullyQualifiedErrorId: `MissingMethodParameterList`.
/// ErrorCategory: `ParserError`.
/// Parser.cs MethodDeclarationRule.
pub const PARSE_MISSING_METHOD_PARAMETER_LIST: &str = "Missing '(' in class method parameter list.";

/// Source: `ParserStrings.resx`, key `TypeNameExpected`.
/// FullyQualifiedErrorId: `TypeNameExpected`.
/// ErrorCategory: `ParserError`.
/// Parser.cs ClassDefinitionRule/EnumDefinitionRule after ':'.
pub const PARSE_TYPE_NAME_EXPECTED: &str = "Type name expected.";

/// Source: `ParserStrings.resx`, key `MemberAlreadyDefined`.
/// FullyQualifiedErrorId: `MemberAlreadyDefined`.
/// ErrorCategory: `ParserError`.
/// Semantic check (classes).
pub const PARSE_MEMBER_ALREADY_DEFINED: &str = "The member '{0}' is already defined.";

// ====================================================================================================
// Tokenizer: strings, variables, numbers, comments
// ====================================================================================================

/// Source: `ParserStrings.resx`, key `TerminatorExpectedAtEndOfString`.
/// FullyQualifiedErrorId: `TerminatorExpectedAtEndOfString`.
/// ErrorCategory: `ParserError`.
/// tokenizer.cs: {0} = `'` (single-quoted), `"` (double-quoted), `'@` / `"@` (here-strings; built as header[1] +
/// '@'). E.g. "The string is missing the terminator: "."
pub const PARSE_TERMINATOR_EXPECTED_AT_END_OF_STRING: &str = "The string is missing the terminator: {0}.";

/// Source: `ParserStrings.resx`, key `WhitespaceBeforeHereStringFooter`.
/// FullyQualifiedErrorId: `WhitespaceBeforeHereStringFooter`.
/// ErrorCategory: `ParserError`.
/// tokenizer.cs: indented `'@` / `"@`.
pub const PARSE_WHITESPACE_BEFORE_HERE_STRING_FOOTER: &str = "White space is not allowed before the string terminator.";

/// Source: `ParserStrings.resx`, key `UnexpectedCharactersAfterHereStringHeader`.
/// FullyQualifiedErrorId: `UnexpectedCharactersAfterHereStringHeader`.
/// ErrorCategory: `ParserError`.
/// tokenizer.cs ScanAfterHereStringHeader: `@"abc`.
pub const PARSE_UNEXPECTED_CHARACTERS_AFTER_HERE_STRING_HEADER: &str = "No characters are allowed after a here-string header but before the end of the line.";

/// Source: `ParserStrings.resx`, key `MissingTerminatorMultiLineComment`.
/// FullyQualifiedErrorId: `MissingTerminatorMultiLineComment`.
/// ErrorCategory: `ParserError`.
/// tokenizer.cs: unterminated `<#` (resx stores '#&gt;').
pub const PARSE_MISSING_TERMINATOR_MULTILINE_COMMENT: &str = "The terminator '#>' is missing from the multiline comment.";

/// Source: `ParserStrings.resx`, key `IncompleteString`.
/// FullyQualifiedErrorId: `IncompleteString`.
/// ErrorCategory: `ParserError`.
/// In resx; trigger not verified.
pub const PARSE_INCOMPLETE_STRING: &str = "Incomplete string token.";

/// Source: `ParserStrings.resx`, key `InvalidVariableReference`.
/// FullyQualifiedErrorId: `InvalidVariableReference`.
/// ErrorCategory: `ParserError`.
/// tokenizer.cs ScanVariable. Literal `${}` — reported without args, so NOT passed through string.Format.
pub const PARSE_INVALID_VARIABLE_REFERENCE: &str =
    "Variable reference is not valid. '$' was not followed by a valid variable name character. Consider using ${} to delimit the name.";

/// Source: `ParserStrings.resx`, key `InvalidVariableReferenceWithDrive`.
/// FullyQualifiedErrorId: `InvalidVariableReferenceWithDrive`.
/// ErrorCategory: `ParserError`.
/// tokenizer.cs ScanVariable: `$env:` / `"$x:"` (drive-qualified name with nothing after ':').
pub const PARSE_INVALID_VARIABLE_REFERENCE_WITH_DRIVE: &str =
    "Variable reference is not valid. ':' was not followed by a valid variable name character. Consider using ${} to delimit the name.";

/// Source: `ParserStrings.resx`, key `InvalidBracedVariableReference`.
/// FullyQualifiedErrorId: `InvalidBracedVariableReference`.
/// ErrorCategory: `ParserError`.
/// tokenizer.cs: `${}`-style empty braced reference variants.
pub const PARSE_INVALID_BRACED_VARIABLE_REFERENCE: &str = "Variable reference is not valid. The variable name is missing.";

/// Source: `ParserStrings.resx`, key `EmptyVariableReference`.
/// FullyQualifiedErrorId: `EmptyVariableReference`.
/// ErrorCategory: `ParserError`.
/// tokenizer.cs.
pub const PARSE_EMPTY_VARIABLE_REFERENCE: &str = "An empty ${} variable reference was found. A name is required inside the braces.";

/// Source: `ParserStrings.resx`, key `OpenBraceNeedsToBeBackTickedInVariableName`.
/// FullyQualifiedErrorId: `OpenBraceNeedsToBeBackTickedInVariableName`.
/// ErrorCategory: `ParserError`.
/// tokenizer.cs: `${a{b}`.
pub const PARSE_OPEN_BRACE_NEEDS_TO_BE_BACKTICKED_IN_VARIABLE_NAME: &str = "Use `{ instead of { in variable names.";

/// Source: `ParserStrings.resx`, key `BadNumericConstant`.
/// FullyQualifiedErrorId: `BadNumericConstant`.
/// ErrorCategory: `ParserError`.
/// tokenizer.cs ScanNumber, expression mode only (in command mode the text becomes a generic token). {0} = the
/// raw token text (e.g. `0x` / `1kb2`/`9999999999999999999999l`).
pub const PARSE_BAD_NUMERIC_CONSTANT: &str = "The numeric constant {0} is not valid.";

/// Source: `ParserStrings.resx`, key `InvalidUnicodeEscapeSequence`.
/// FullyQualifiedErrorId: `InvalidUnicodeEscapeSequence`.
/// ErrorCategory: `ParserError`.
/// tokenizer.cs (`"`u{zz}"`).
pub const PARSE_INVALID_UNICODE_ESCAPE_SEQUENCE: &str =
    "The Unicode escape sequence is not valid. A valid sequence is `u{ followed by one to six hex digits and a closing '}'.";

/// Source: `ParserStrings.resx`, key `InvalidUnicodeEscapeSequenceValue`.
/// FullyQualifiedErrorId: `InvalidUnicodeEscapeSequenceValue`.
/// ErrorCategory: `ParserError`.
/// tokenizer.cs.
pub const PARSE_INVALID_UNICODE_ESCAPE_SEQUENCE_VALUE: &str = "The Unicode escape sequence value is out of range. The maximum value is 0x10FFFF.";

/// Source: `ParserStrings.resx`, key `MissingUnicodeEscapeSequenceTerminator`.
/// FullyQualifiedErrorId: `MissingUnicodeEscapeSequenceTerminator`.
/// ErrorCategory: `ParserError`.
/// tokenizer.cs.
pub const PARSE_MISSING_UNICODE_ESCAPE_SEQUENCE_TERMINATOR: &str = "The Unicode escape sequence is missing the closing '}'.";

/// Source: `ParserStrings.resx`, key `TooManyDigitsInUnicodeEscapeSequence`.
/// FullyQualifiedErrorId: `TooManyDigitsInUnicodeEscapeSequence`.
/// ErrorCategory: `ParserError`.
/// tokenizer.cs.
pub const PARSE_TOO_MANY_DIGITS_IN_UNICODE_ESCAPE_SEQUENCE: &str =
    "The Unicode escape sequence contains more than the maximum of six hex digits between braces.";

/// Source: `ParserStrings.resx`, key `UnrecognizedToken`.
/// FullyQualifiedErrorId: `UnrecognizedToken`.
/// ErrorCategory: `ParserError`.
/// In resx; emitter not verified.
pub const PARSE_UNRECOGNIZED_TOKEN: &str = "Unrecognized token in source text.";

/// Source: `ParserStrings.resx`, key `TokenAfterEndOfValidScriptText`.
/// FullyQualifiedErrorId: `TokenAfterEndOfValidScriptText`.
/// ErrorCategory: `ParserError`.
/// tokenizer.cs CheckAstIsBeforeSignature.
pub const PARSE_TOKEN_AFTER_END_OF_VALID_SCRIPT_TEXT: &str = "Executable script code found in signature block.";

/// Source: `ParserStrings.resx`, key `ScriptTooComplicated`.
/// FullyQualifiedErrorId: `ScriptTooComplicated`.
/// ErrorCategory: `ParserError`.
/// Parser.cs ParseTask: InsufficientExecutionStackException twice.
pub const PARSE_SCRIPT_TOO_COMPLICATED: &str = "Processing was stopped because the script is too complex.";

/// Source: `ParserStrings.resx`, key `TooManyErrors`.
/// FullyQualifiedErrorId: `TooManyErrors`.
/// ErrorCategory: `ParserError`.
/// Two spaces after 'reported.' are verbatim.
pub const PARSE_TOO_MANY_ERRORS: &str = "Not all parse errors were reported.  Correct the reported errors and try again.";

// ====================================================================================================
// Command discovery (DiscoveryExceptions.resx)
// ====================================================================================================

/// Source: `DiscoveryExceptions.resx`, key `CommandNotFoundException`.
/// FullyQualifiedErrorId: `CommandNotFoundException`.
/// ErrorCategory: `ObjectNotFound`.
/// CommandDiscovery.cs (LookupCommandInfo / LookupCommandProcessor) throws `new CommandNotFoundException(name,
/// null, "CommandNotFoundException", DiscoveryExceptions.CommandNotFoundException)`; the class hard-codes
/// `_errorCategory = ErrorCategory.ObjectNotFound` and TargetObject = command name. CategoryInfo:
/// `ObjectNotFound: (Get-Foo:String) [], CommandNotFoundException`. Text is 'a name of' + 'executable program' +
/// a real newline (current resx, commit f915ade5).
pub const DISC_COMMAND_NOT_FOUND: &str = "The term '{0}' is not recognized as a name of a cmdlet, function, script file, or executable program.\nCheck the spelling of the name, or if a path was included, verify that the path is correct and try again.";

/// Source: `DiscoveryExceptions.resx`, key `CommandNotFoundException`.
/// FullyQualifiedErrorId: `CommandNotFoundException`.
/// ErrorCategory: `ObjectNotFound`.
/// LEGACY / not emitted by the pwsh 7.4-7.5 engine as far as the source shows; kept for reference.
/// OLDER wording of the same key (resx commit 126ac291, early pwsh 6/7). Do NOT use for 7.4/7.5.
pub const DISC_COMMAND_NOT_FOUND_LEGACY: &str = "The term '{0}' is not recognized as the name of a cmdlet, function, script file, or operable program.\nCheck the spelling of the name, or if a path was included, verify that the path is correct and try again.";

/// Source: `DiscoveryExceptions.resx`, key `AliasNotResolvedException`.
/// FullyQualifiedErrorId: `AliasNotResolvedException`.
/// ErrorCategory: `ObjectNotFound`.
/// CommandDiscovery.LookupCommandProcessor: `new CommandNotFoundException(alias.Name, null,
/// "AliasNotResolvedException", DiscoveryExceptions.AliasNotResolvedException, alias.UnresolvedCommandName)`;
/// {0}=alias, {1}=unresolved target.
pub const DISC_ALIAS_NOT_RESOLVED: &str = "Cannot resolve alias '{0}' because it refers to term '{1}', which is not recognized as a cmdlet, function, executable program, or script file. Verify the term and try again.";

/// Source: `DiscoveryExceptions.resx`, key `CouldNotAutoImportMatchingModule`.
/// FullyQualifiedErrorId: `CouldNotAutoloadMatchingModule`.
/// ErrorCategory: `ObjectNotFound`.
/// CommandDiscovery.LookupCommandInfo auto-loading failure: `new CommandNotFoundException(originalCommandName,
/// lastError, "CouldNotAutoloadMatchingModule", resourceStr)` (error id differs from the resx key: 'Autoload' not
/// 'AutoImport'). Category from the CommandNotFoundException class (ObjectNotFound).
pub const DISC_COULD_NOT_AUTO_IMPORT_MATCHING_MODULE: &str =
    "The '{0}' command was found in the module '{1}', but the module could not be loaded. For more information, run 'Import-Module {1}'.";

/// Source: `DiscoveryExceptions.resx`, key `CouldNotAutoImportMatchingModuleWithErrorMessage`.
/// FullyQualifiedErrorId: `CouldNotAutoloadMatchingModule`.
/// ErrorCategory: `ObjectNotFound`.
/// Newer resx only; id assumed to be the same CouldNotAutoloadMatchingModule as above (pwsh test expects that
/// FQID for a failed autoload of Start-Transcript).
pub const DISC_COULD_NOT_AUTO_IMPORT_MATCHING_MODULE_WITH_ERROR: &str = "The '{0}' command was found in the module '{1}', but the module could not be loaded due to the following error: [{2}]\nFor more information, run 'Import-Module {1}'.";

/// Source: `DiscoveryExceptions.resx`, key `RequiresPSVersionNotCompatible`.
/// FullyQualifiedErrorId: `ScriptRequiresUnmatchedPSVersion`.
/// ErrorCategory: `ResourceUnavailable`.
/// CommandDiscovery.VerifyPSVersion: new ScriptRequiresException(name, requiredVersion, currentVersion,
/// "ScriptRequiresUnmatchedPSVersion") (id verified); category NOT re-verified.
pub const DISC_REQUIRES_PS_VERSION_NOT_COMPATIBLE: &str = "The script '{0}' cannot be run because it contained a \"#requires\" statement for PowerShell {1}. The version of PowerShell that is required by the script does not match the currently running version of PowerShell {2}.";

/// Source: `DiscoveryExceptions.resx`, key `RequiresMissingModules`.
/// FullyQualifiedErrorId: `ScriptRequiresMissingModules`.
/// ErrorCategory: `ResourceUnavailable`.
/// ScriptRequiresException (id seen in real scripts handling FullyQualifiedErrorId); category NOT re-verified.
pub const DISC_REQUIRES_MISSING_MODULES: &str =
    "The script '{0}' cannot be run because the following modules that are specified by the \"#requires\" statements of the script are missing: {1}.";

/// Source: `DiscoveryExceptions.resx`, key `RequiresElevation`.
/// FullyQualifiedErrorId: `ScriptRequiresElevation`.
/// ErrorCategory: `ResourceUnavailable`.
/// CommandDiscovery.VerifyElevatedPriveleges: new ScriptRequiresException(name, "ScriptRequiresElevation") (id
/// verified); category NOT re-verified.
pub const DISC_REQUIRES_ELEVATION: &str = "The script '{0}' cannot be run because it contains a \"#requires\" statement for running as Administrator. The current PowerShell session is not running as Administrator. Start PowerShell by using the Run as Administrator option, and then try running the script again.";

// ====================================================================================================
// Parameter binding (ParameterBinderStrings.resx)
// ====================================================================================================

/// Source: `ParameterBinderStrings.resx`, key `NamedParameterNotFound`.
/// FullyQualifiedErrorId: `NamedParameterNotFound`.
/// ErrorCategory: `InvalidArgument`.
/// Formatted by ParameterBindingException.BuildMessage with args {0}=command name, {1}=parameter name,
/// {2}=parameter Type (.NET FullName via ToString, e.g. 'System.String[]'), {3}=type specified, {4}=line,
/// {5}=column, {6}..=extra args. ParameterBindingException (CategoryInfo `InvalidArgument: (:) [Get-Item],
/// ParameterBindingException`). FullyQualifiedErrorId is `<id>,<command>`: for cmdlets the implementing type full
/// name (e.g. `NamedParameterNotFound,Microsoft.PowerShell.Commands.GetChildItemCommand`), for functions/scripts
/// the command name (`NamedParameterNotFound,f`).
pub const PB_NAMED_PARAMETER_NOT_FOUND: &str = "A parameter cannot be found that matches parameter name '{1}'.";

/// Source: `ParameterBinderStrings.resx`, key `PositionalParameterNotFound`.
/// FullyQualifiedErrorId: `PositionalParameterNotFound`.
/// ErrorCategory: `InvalidArgument`.
/// Formatted by ParameterBindingException.BuildMessage with args {0}=command name, {1}=parameter name,
/// {2}=parameter Type (.NET FullName via ToString, e.g. 'System.String[]'), {3}=type specified, {4}=line,
/// {5}=column, {6}..=extra args. {1} here is the ARGUMENT text (the exception's parameterName slot carries the
/// argument). FullyQualifiedErrorId is `<id>,<command>`: for cmdlets the implementing type full name (e.g.
/// `NamedParameterNotFound,Microsoft.PowerShell.Commands.GetChildItemCommand`), for functions/scripts the command
/// name (`NamedParameterNotFound,f`).
pub const PB_POSITIONAL_PARAMETER_NOT_FOUND: &str = "A positional parameter cannot be found that accepts argument '{1}'.";

/// Source: `ParameterBinderStrings.resx`, key `MissingArgument`.
/// FullyQualifiedErrorId: `MissingArgument`.
/// ErrorCategory: `InvalidArgument`.
/// Formatted by ParameterBindingException.BuildMessage with args {0}=command name, {1}=parameter name,
/// {2}=parameter Type (.NET FullName via ToString, e.g. 'System.String[]'), {3}=type specified, {4}=line,
/// {5}=column, {6}..=extra args. `Get-Item -Path` with no value. FullyQualifiedErrorId is `<id>,<command>`: for
/// cmdlets the implementing type full name (e.g.
/// `NamedParameterNotFound,Microsoft.PowerShell.Commands.GetChildItemCommand`), for functions/scripts the command
/// name (`NamedParameterNotFound,f`).
pub const PB_MISSING_ARGUMENT: &str = "Missing an argument for parameter '{1}'. Specify a parameter of type '{2}' and try again.";

/// Source: `ParameterBinderStrings.resx`, key `AmbiguousParameter`.
/// FullyQualifiedErrorId: `AmbiguousParameter`.
/// ErrorCategory: `InvalidArgument`.
/// Formatted by ParameterBindingException.BuildMessage with args {0}=command name, {1}=parameter name,
/// {2}=parameter Type (.NET FullName via ToString, e.g. 'System.String[]'), {3}=type specified, {4}=line,
/// {5}=column, {6}..=extra args. {6} is built as ' -Name1 -Name2' (each match prefixed by ' -'), hence no space
/// after the colon in the template. FullyQualifiedErrorId is `<id>,<command>`: for cmdlets the implementing type
/// full name (e.g. `NamedParameterNotFound,Microsoft.PowerShell.Commands.GetChildItemCommand`), for
/// functions/scripts the command name (`NamedParameterNotFound,f`).
pub const PB_AMBIGUOUS_PARAMETER: &str = "Parameter cannot be processed because the parameter name '{1}' is ambiguous. Possible matches include:{6}.";

/// Source: `ParameterBinderStrings.resx`, key `AmbiguousParameterSet`.
/// FullyQualifiedErrorId: `AmbiguousParameterSet`.
/// ErrorCategory: `InvalidArgument`.
/// Formatted by ParameterBindingException.BuildMessage with args {0}=command name, {1}=parameter name,
/// {2}=parameter Type (.NET FullName via ToString, e.g. 'System.String[]'), {3}=type specified, {4}=line,
/// {5}=column, {6}..=extra args. Same text/id whether the failure happens at command-line binding or while
/// binding pipeline input. (resx commit b6f1123e, 7.4+ resource set; an older resx commit 0ab7b28 had a different
/// 'One or few ...' wording). FullyQualifiedErrorId is `<id>,<command>`: for cmdlets the implementing type full
/// name (e.g. `NamedParameterNotFound,Microsoft.PowerShell.Commands.GetChildItemCommand`), for functions/scripts
/// the command name (`NamedParameterNotFound,f`).
pub const PB_AMBIGUOUS_PARAMETER_SET: &str = "Parameter set cannot be resolved using the specified named parameters. One or more parameters issued cannot be used together or an insufficient number of parameters were provided.";

/// Source: `ParameterBinderStrings.resx`, key `AmbiguousPositionalParameter`.
/// FullyQualifiedErrorId: `AmbiguousPositionalParameter`.
/// ErrorCategory: `InvalidArgument`.
/// Formatted by ParameterBindingException.BuildMessage with args {0}=command name, {1}=parameter name,
/// {2}=parameter Type (.NET FullName via ToString, e.g. 'System.String[]'), {3}=type specified, {4}=line,
/// {5}=column, {6}..=extra args.  FullyQualifiedErrorId is `<id>,<command>`: for cmdlets the implementing type
/// full name (e.g. `NamedParameterNotFound,Microsoft.PowerShell.Commands.GetChildItemCommand`), for
/// functions/scripts the command name (`NamedParameterNotFound,f`).
pub const PB_AMBIGUOUS_POSITIONAL_PARAMETER: &str = "Cannot bind positional parameters '{1}'.";

/// Source: `ParameterBinderStrings.resx`, key `AmbiguousPositionalParameterNoName`.
/// FullyQualifiedErrorId: `AmbiguousPositionalParameterNoName`.
/// ErrorCategory: `InvalidArgument`.
/// Formatted by ParameterBindingException.BuildMessage with args {0}=command name, {1}=parameter name,
/// {2}=parameter Type (.NET FullName via ToString, e.g. 'System.String[]'), {3}=type specified, {4}=line,
/// {5}=column, {6}..=extra args.  FullyQualifiedErrorId is `<id>,<command>`: for cmdlets the implementing type
/// full name (e.g. `NamedParameterNotFound,Microsoft.PowerShell.Commands.GetChildItemCommand`), for
/// functions/scripts the command name (`NamedParameterNotFound,f`).
pub const PB_AMBIGUOUS_POSITIONAL_PARAMETER_NO_NAME: &str = "Cannot bind positional parameters because no names were given.";

/// Source: `ParameterBinderStrings.resx`, key `MissingMandatoryParameter`.
/// FullyQualifiedErrorId: `MissingMandatoryParameter`.
/// ErrorCategory: `InvalidArgument`.
/// Formatted by ParameterBindingException.BuildMessage with args {0}=command name, {1}=parameter name,
/// {2}=parameter Type (.NET FullName via ToString, e.g. 'System.String[]'), {3}=type specified, {4}=line,
/// {5}=column, {6}..=extra args. {1} = BuildMissingParamsString: each name prefixed with a space (' Path' / '
/// Path Name'), so the rendered text is '...mandatory parameters: Path.'. This is what pwsh -NonInteractive
/// produces: the console host's Prompt throws PSInvalidOperationException (ReadFailsOnNonInteractiveFlag),
/// PromptForMissingMandatoryParameters catches it and throws this instead. FullyQualifiedErrorId is
/// `<id>,<command>`: for cmdlets the implementing type full name (e.g.
/// `NamedParameterNotFound,Microsoft.PowerShell.Commands.GetChildItemCommand`), for functions/scripts the command
/// name (`NamedParameterNotFound,f`).
pub const PB_MISSING_MANDATORY_PARAMETER: &str = "Cannot process command because of one or more missing mandatory parameters:{1}.";

/// Source: `ParameterBinderStrings.resx`, key `ParameterNotInParameterSet`.
/// FullyQualifiedErrorId: `ParameterNotInParameterSet`.
/// ErrorCategory: `InvalidArgument`.
/// Formatted by ParameterBindingException.BuildMessage with args {0}=command name, {1}=parameter name,
/// {2}=parameter Type (.NET FullName via ToString, e.g. 'System.String[]'), {3}=type specified, {4}=line,
/// {5}=column, {6}..=extra args.  FullyQualifiedErrorId is `<id>,<command>`: for cmdlets the implementing type
/// full name (e.g. `NamedParameterNotFound,Microsoft.PowerShell.Commands.GetChildItemCommand`), for
/// functions/scripts the command name (`NamedParameterNotFound,f`).
pub const PB_PARAMETER_NOT_IN_PARAMETER_SET: &str = "Parameter '{1}' cannot be specified in parameter set '{6}'.";

/// Source: `ParameterBinderStrings.resx`, key `ParameterAlreadyBound`.
/// FullyQualifiedErrorId: `ParameterAlreadyBound`.
/// ErrorCategory: `InvalidArgument`.
/// Formatted by ParameterBindingException.BuildMessage with args {0}=command name, {1}=parameter name,
/// {2}=parameter Type (.NET FullName via ToString, e.g. 'System.String[]'), {3}=type specified, {4}=line,
/// {5}=column, {6}..=extra args.  FullyQualifiedErrorId is `<id>,<command>`: for cmdlets the implementing type
/// full name (e.g. `NamedParameterNotFound,Microsoft.PowerShell.Commands.GetChildItemCommand`), for
/// functions/scripts the command name (`NamedParameterNotFound,f`).
pub const PB_PARAMETER_ALREADY_BOUND: &str = "Cannot bind parameter because parameter '{1}' is specified more than once. To provide multiple values to parameters that can accept multiple values, use the array syntax. For example, \"-parameter value1,value2,value3\".";

/// Source: `ParameterBinderStrings.resx`, key `CannotConvertArgument`.
/// FullyQualifiedErrorId: `CannotConvertArgument`.
/// ErrorCategory: `InvalidArgument`.
/// Formatted by ParameterBindingException.BuildMessage with args {0}=command name, {1}=parameter name,
/// {2}=parameter Type (.NET FullName via ToString, e.g. 'System.String[]'), {3}=type specified, {4}=line,
/// {5}=column, {6}..=extra args. {6} = argument value (or 'null'), {7} = inner conversion message.
/// FullyQualifiedErrorId is `<id>,<command>`: for cmdlets the implementing type full name (e.g.
/// `NamedParameterNotFound,Microsoft.PowerShell.Commands.GetChildItemCommand`), for functions/scripts the command
/// name (`NamedParameterNotFound,f`).
pub const PB_CANNOT_CONVERT_ARGUMENT: &str = "Cannot convert '{6}' to the type '{2}' required by parameter '{1}'. {7}";

/// Source: `ParameterBinderStrings.resx`, key `CannotConvertArgumentNoMessage`.
/// FullyQualifiedErrorId: `CannotConvertArgumentNoMessage`.
/// ErrorCategory: `InvalidArgument`.
/// Formatted by ParameterBindingException.BuildMessage with args {0}=command name, {1}=parameter name,
/// {2}=parameter Type (.NET FullName via ToString, e.g. 'System.String[]'), {3}=type specified, {4}=line,
/// {5}=column, {6}..=extra args. Cmdlet parameter type-conversion failure, e.g. `Get-Process -Id abc` -> "Cannot
/// bind parameter 'Id'. Cannot convert value "abc" to type "System.Int32". Error: "The input string 'abc' was not
/// in a correct format."". FullyQualifiedErrorId is `<id>,<command>`: for cmdlets the implementing type full name
/// (e.g. `NamedParameterNotFound,Microsoft.PowerShell.Commands.GetChildItemCommand`), for functions/scripts the
/// command name (`NamedParameterNotFound,f`).
pub const PB_CANNOT_CONVERT_ARGUMENT_NO_MESSAGE: &str = "Cannot bind parameter '{1}'. {6}";

/// Source: `ParameterBinderStrings.resx`, key `ParameterArgumentTransformationError`.
/// FullyQualifiedErrorId: `ParameterArgumentTransformationError`.
/// ErrorCategory: `InvalidData`.
/// Formatted by ParameterBindingException.BuildMessage with args {0}=command name, {1}=parameter name,
/// {2}=parameter Type (.NET FullName via ToString, e.g. 'System.String[]'), {3}=type specified, {4}=line,
/// {5}=column, {6}..=extra args. ParameterBindingArgumentTransformationException. Used for SCRIPT functions'
/// typed params (`function f([int]$x){}; f abc`) because the type constraint is an
/// ArgumentTypeConverterAttribute; {6} = the conversion message. FullyQualifiedErrorId is `<id>,<command>`: for
/// cmdlets the implementing type full name (e.g.
/// `NamedParameterNotFound,Microsoft.PowerShell.Commands.GetChildItemCommand`), for functions/scripts the command
/// name (`NamedParameterNotFound,f`).
pub const PB_PARAMETER_ARGUMENT_TRANSFORMATION_ERROR: &str = "Cannot process argument transformation on parameter '{1}'. {6}";

/// Source: `ParameterBinderStrings.resx`, key `ParameterArgumentTransformationErrorMessageOnly`.
/// FullyQualifiedErrorId: `ParameterArgumentTransformationError`.
/// ErrorCategory: `InvalidData`.
/// Formatted by ParameterBindingException.BuildMessage with args {0}=command name, {1}=parameter name,
/// {2}=parameter Type (.NET FullName via ToString, e.g. 'System.String[]'), {3}=type specified, {4}=line,
/// {5}=column, {6}..=extra args. Error id not re-verified. FullyQualifiedErrorId is `<id>,<command>`: for cmdlets
/// the implementing type full name (e.g.
/// `NamedParameterNotFound,Microsoft.PowerShell.Commands.GetChildItemCommand`), for functions/scripts the command
/// name (`NamedParameterNotFound,f`).
pub const PB_PARAMETER_ARGUMENT_TRANSFORMATION_ERROR_MESSAGE_ONLY: &str = "{6}";

/// Source: `ParameterBinderStrings.resx`, key `ParameterArgumentValidationError`.
/// FullyQualifiedErrorId: `ParameterArgumentValidationError`.
/// ErrorCategory: `InvalidData`.
/// Formatted by ParameterBindingException.BuildMessage with args {0}=command name, {1}=parameter name,
/// {2}=parameter Type (.NET FullName via ToString, e.g. 'System.String[]'), {3}=type specified, {4}=line,
/// {5}=column, {6}..=extra args. ParameterBindingValidationException; {6} = ValidationMetadataException message
/// (META_* constants, or the attribute's ErrorMessage). FullyQualifiedErrorId is `<id>,<command>`: for cmdlets
/// the implementing type full name (e.g.
/// `NamedParameterNotFound,Microsoft.PowerShell.Commands.GetChildItemCommand`), for functions/scripts the command
/// name (`NamedParameterNotFound,f`).
pub const PB_PARAMETER_ARGUMENT_VALIDATION_ERROR: &str = "Cannot validate argument on parameter '{1}'. {6}";

/// Source: `ParameterBinderStrings.resx`, key `ParameterBindingFailed`.
/// FullyQualifiedErrorId: `ParameterBindingFailed`.
/// ErrorCategory: `WriteError`.
/// Formatted by ParameterBindingException.BuildMessage with args {0}=command name, {1}=parameter name,
/// {2}=parameter Type (.NET FullName via ToString, e.g. 'System.String[]'), {3}=type specified, {4}=line,
/// {5}=column, {6}..=extra args.  FullyQualifiedErrorId is `<id>,<command>`: for cmdlets the implementing type
/// full name (e.g. `NamedParameterNotFound,Microsoft.PowerShell.Commands.GetChildItemCommand`), for
/// functions/scripts the command name (`NamedParameterNotFound,f`).
pub const PB_PARAMETER_BINDING_FAILED: &str = "Cannot bind parameter '{1}' to the target. {6}";

/// Source: `ParameterBinderStrings.resx`, key `ParameterArgumentValidationErrorNullNotAllowed`.
/// FullyQualifiedErrorId: `ParameterArgumentValidationErrorNullNotAllowed`.
/// ErrorCategory: `InvalidData`.
/// Formatted by ParameterBindingException.BuildMessage with args {0}=command name, {1}=parameter name,
/// {2}=parameter Type (.NET FullName via ToString, e.g. 'System.String[]'), {3}=type specified, {4}=line,
/// {5}=column, {6}..=extra args. Mandatory parameter without [AllowNull()] given $null
/// (ParameterBindingValidationException). FullyQualifiedErrorId is `<id>,<command>`: for cmdlets the implementing
/// type full name (e.g. `NamedParameterNotFound,Microsoft.PowerShell.Commands.GetChildItemCommand`), for
/// functions/scripts the command name (`NamedParameterNotFound,f`).
pub const PB_ARGUMENT_NULL_NOT_ALLOWED: &str = "Cannot bind argument to parameter '{1}' because it is null.";

/// Source: `ParameterBinderStrings.resx`, key `ParameterArgumentValidationErrorEmptyStringNotAllowed`.
/// FullyQualifiedErrorId: `ParameterArgumentValidationErrorEmptyStringNotAllowed`.
/// ErrorCategory: `InvalidData`.
/// Formatted by ParameterBindingException.BuildMessage with args {0}=command name, {1}=parameter name,
/// {2}=parameter Type (.NET FullName via ToString, e.g. 'System.String[]'), {3}=type specified, {4}=line,
/// {5}=column, {6}..=extra args. Mandatory [string] parameter without [AllowEmptyString()] given ''.
/// FullyQualifiedErrorId is `<id>,<command>`: for cmdlets the implementing type full name (e.g.
/// `NamedParameterNotFound,Microsoft.PowerShell.Commands.GetChildItemCommand`), for functions/scripts the command
/// name (`NamedParameterNotFound,f`).
pub const PB_ARGUMENT_EMPTY_STRING_NOT_ALLOWED: &str = "Cannot bind argument to parameter '{1}' because it is an empty string.";

/// Source: `ParameterBinderStrings.resx`, key `ParameterArgumentValidationErrorEmptyCollectionNotAllowed`.
/// FullyQualifiedErrorId: `ParameterArgumentValidationErrorEmptyCollectionNotAllowed`.
/// ErrorCategory: `InvalidData`.
/// Formatted by ParameterBindingException.BuildMessage with args {0}=command name, {1}=parameter name,
/// {2}=parameter Type (.NET FullName via ToString, e.g. 'System.String[]'), {3}=type specified, {4}=line,
/// {5}=column, {6}..=extra args.  FullyQualifiedErrorId is `<id>,<command>`: for cmdlets the implementing type
/// full name (e.g. `NamedParameterNotFound,Microsoft.PowerShell.Commands.GetChildItemCommand`), for
/// functions/scripts the command name (`NamedParameterNotFound,f`).
pub const PB_ARGUMENT_EMPTY_COLLECTION_NOT_ALLOWED: &str = "Cannot bind argument to parameter '{1}' because it is an empty collection.";

/// Source: `ParameterBinderStrings.resx`, key `ParameterArgumentValidationErrorEmptyArrayNotAllowed`.
/// FullyQualifiedErrorId: `ParameterArgumentValidationErrorEmptyArrayNotAllowed`.
/// ErrorCategory: `InvalidData`.
/// Formatted by ParameterBindingException.BuildMessage with args {0}=command name, {1}=parameter name,
/// {2}=parameter Type (.NET FullName via ToString, e.g. 'System.String[]'), {3}=type specified, {4}=line,
/// {5}=column, {6}..=extra args.  FullyQualifiedErrorId is `<id>,<command>`: for cmdlets the implementing type
/// full name (e.g. `NamedParameterNotFound,Microsoft.PowerShell.Commands.GetChildItemCommand`), for
/// functions/scripts the command name (`NamedParameterNotFound,f`).
pub const PB_ARGUMENT_EMPTY_ARRAY_NOT_ALLOWED: &str = "Cannot bind argument to parameter '{1}' because it is an empty array.";

/// Source: `ParameterBinderStrings.resx`, key `InputObjectNotBound`.
/// FullyQualifiedErrorId: `InputObjectNotBound`.
/// ErrorCategory: `InvalidArgument`.
/// Formatted by ParameterBindingException.BuildMessage with args {0}=command name, {1}=parameter name,
/// {2}=parameter Type (.NET FullName via ToString, e.g. 'System.String[]'), {3}=type specified, {4}=line,
/// {5}=column, {6}..=extra args. Pipeline binding failure; TargetObject is the input object, so CategoryInfo
/// shows it, e.g. `InvalidArgument: (1:Int32) [f], ParameterBindingException`. FullyQualifiedErrorId is
/// `<id>,<command>`: for cmdlets the implementing type full name (e.g.
/// `NamedParameterNotFound,Microsoft.PowerShell.Commands.GetChildItemCommand`), for functions/scripts the command
/// name (`NamedParameterNotFound,f`).
pub const PB_INPUT_OBJECT_NOT_BOUND: &str = "The input object cannot be bound to any parameters for the command either because the command does not take pipeline input or the input and its properties do not match any of the parameters that take pipeline input.";

/// Source: `ParameterBinderStrings.resx`, key `InputObjectMissingMandatory`.
/// FullyQualifiedErrorId: `InputObjectMissingMandatory`.
/// ErrorCategory: `InvalidArgument`.
/// Formatted by ParameterBindingException.BuildMessage with args {0}=command name, {1}=parameter name,
/// {2}=parameter Type (.NET FullName via ToString, e.g. 'System.String[]'), {3}=type specified, {4}=line,
/// {5}=column, {6}..=extra args.  FullyQualifiedErrorId is `<id>,<command>`: for cmdlets the implementing type
/// full name (e.g. `NamedParameterNotFound,Microsoft.PowerShell.Commands.GetChildItemCommand`), for
/// functions/scripts the command name (`NamedParameterNotFound,f`).
pub const PB_INPUT_OBJECT_MISSING_MANDATORY: &str =
    "The input object cannot be bound because it did not contain the information required to bind all mandatory parameters: {6}";

/// Source: `ParameterBinderStrings.resx`, key `ScriptBlockArgumentNoInput`.
/// FullyQualifiedErrorId: `ScriptBlockArgumentNoInput`.
/// ErrorCategory: `MetadataError`.
/// Formatted by ParameterBindingException.BuildMessage with args {0}=command name, {1}=parameter name,
/// {2}=parameter Type (.NET FullName via ToString, e.g. 'System.String[]'), {3}=type specified, {4}=line,
/// {5}=column, {6}..=extra args.  FullyQualifiedErrorId is `<id>,<command>`: for cmdlets the implementing type
/// full name (e.g. `NamedParameterNotFound,Microsoft.PowerShell.Commands.GetChildItemCommand`), for
/// functions/scripts the command name (`NamedParameterNotFound,f`).
pub const PB_SCRIPT_BLOCK_ARGUMENT_NO_INPUT: &str = "Cannot evaluate parameter '{1}' because its argument is specified as a script block and there is no input. A script block cannot be evaluated without input.";

/// Source: `ParameterBinderStrings.resx`, key `ScriptBlockArgumentInvocationFailed`.
/// FullyQualifiedErrorId: `ScriptBlockArgumentInvocationFailed`.
/// ErrorCategory: `InvalidArgument`.
/// Formatted by ParameterBindingException.BuildMessage with args {0}=command name, {1}=parameter name,
/// {2}=parameter Type (.NET FullName via ToString, e.g. 'System.String[]'), {3}=type specified, {4}=line,
/// {5}=column, {6}..=extra args.  FullyQualifiedErrorId is `<id>,<command>`: for cmdlets the implementing type
/// full name (e.g. `NamedParameterNotFound,Microsoft.PowerShell.Commands.GetChildItemCommand`), for
/// functions/scripts the command name (`NamedParameterNotFound,f`).
pub const PB_SCRIPT_BLOCK_ARGUMENT_INVOCATION_FAILED: &str = "The input to the script block for parameter '{1}' failed. {6}";

/// Source: `ParameterBinderStrings.resx`, key `ScriptBlockArgumentNoOutput`.
/// FullyQualifiedErrorId: `ScriptBlockArgumentNoOutput`.
/// ErrorCategory: `InvalidArgument`.
/// Formatted by ParameterBindingException.BuildMessage with args {0}=command name, {1}=parameter name,
/// {2}=parameter Type (.NET FullName via ToString, e.g. 'System.String[]'), {3}=type specified, {4}=line,
/// {5}=column, {6}..=extra args.  FullyQualifiedErrorId is `<id>,<command>`: for cmdlets the implementing type
/// full name (e.g. `NamedParameterNotFound,Microsoft.PowerShell.Commands.GetChildItemCommand`), for
/// functions/scripts the command name (`NamedParameterNotFound,f`).
pub const PB_SCRIPT_BLOCK_ARGUMENT_NO_OUTPUT: &str = "Cannot evaluate parameter '{1}' because its argument input did not produce any output.";

/// Source: `ParameterBinderStrings.resx`, key `GetDynamicParametersException`.
/// FullyQualifiedErrorId: `GetDynamicParametersException`.
/// ErrorCategory: `InvalidArgument`.
/// Formatted by ParameterBindingException.BuildMessage with args {0}=command name, {1}=parameter name,
/// {2}=parameter Type (.NET FullName via ToString, e.g. 'System.String[]'), {3}=type specified, {4}=line,
/// {5}=column, {6}..=extra args.  FullyQualifiedErrorId is `<id>,<command>`: for cmdlets the implementing type
/// full name (e.g. `NamedParameterNotFound,Microsoft.PowerShell.Commands.GetChildItemCommand`), for
/// functions/scripts the command name (`NamedParameterNotFound,f`).
pub const PB_GET_DYNAMIC_PARAMETERS_EXCEPTION: &str = "Cannot retrieve the dynamic parameters for the cmdlet. {6}";

/// Source: `ParameterBinderStrings.resx`, key `MismatchedPSTypeName`.
/// FullyQualifiedErrorId: `MismatchedPSTypeName`.
/// ErrorCategory: `InvalidArgument`.
/// Formatted by ParameterBindingException.BuildMessage with args {0}=command name, {1}=parameter name,
/// {2}=parameter Type (.NET FullName via ToString, e.g. 'System.String[]'), {3}=type specified, {4}=line,
/// {5}=column, {6}..=extra args.  FullyQualifiedErrorId is `<id>,<command>`: for cmdlets the implementing type
/// full name (e.g. `NamedParameterNotFound,Microsoft.PowerShell.Commands.GetChildItemCommand`), for
/// functions/scripts the command name (`NamedParameterNotFound,f`).
pub const PB_MISMATCHED_PSTYPENAME: &str =
    "Cannot bind argument to parameter '{1}', because PSTypeNames of the argument do not match the PSTypeName required by the parameter: {6}.";

/// Source: `ParameterBinderStrings.resx`, key `DuplicateParameterDefinition`.
/// FullyQualifiedErrorId: `DuplicateParameterDefinition`.
/// ErrorCategory: `MetadataError`.
/// Metadata error; plain string.Format with {0}=parameter name. Id/category not re-verified.
pub const PB_DUPLICATE_PARAMETER_DEFINITION: &str = "Cannot process command. The parameter '{0}' is defined multiple times.";

/// Source: `ParameterBinderStrings.resx`, key `PromptMessage`.
/// FullyQualifiedErrorId: `(n/a - prompt text)`.
/// ErrorCategory: `(n/a)`.
/// Interactive mandatory-parameter prompt (not an error).
pub const PB_PROMPT_MESSAGE: &str = "Supply values for the following parameters:";

/// Source: `ParameterBinderStrings.resx`, key `PromptCaption`.
/// FullyQualifiedErrorId: `(n/a - prompt text)`.
/// ErrorCategory: `(n/a)`.
/// Interactive mandatory-parameter prompt caption: {0}=command name, {1}=pipeline position.
pub const PB_PROMPT_CAPTION: &str = "cmdlet {0} at command pipeline position {1}";

/// Source: `ParameterBinderStrings.resx`, key `UseOfDeprecatedParameterWarning`.
/// FullyQualifiedErrorId: `(warning)`.
/// ErrorCategory: `(n/a)`.
/// Warning text for [Obsolete] parameters.
pub const PB_USE_OF_DEPRECATED_PARAMETER_WARNING: &str = "Parameter '{0}' is obsolete. {1}";

// ====================================================================================================
// Switch / bool parameter conversion (ExtendedTypeSystem.resx)
// ====================================================================================================

/// Source: `ExtendedTypeSystem.resx`, key `InvalidCastExceptionForBooleanArgumentValue`.
/// FullyQualifiedErrorId: `(wrapped; outer id CannotConvertArgumentNoMessage / ParameterArgumentTransformationError)`.
/// ErrorCategory: `InvalidArgument`.
/// Inner message when a [switch]/[bool] parameter gets e.g. a string (`-Force:'yes'`): {0}=value type or value
/// text, {1}='System.Management.Automation.SwitchParameter' or 'System.Boolean'. Surfaces inside
/// PB_CANNOT_CONVERT_ARGUMENT_NO_MESSAGE (cmdlets) / PB_PARAMETER_ARGUMENT_TRANSFORMATION_ERROR (functions).
pub const ETS_INVALID_CAST_FOR_BOOLEAN_ARGUMENT: &str =
    "Cannot convert value \"{0}\" to type \"{1}\". Boolean parameters accept only Boolean values and numbers, such as $True, $False, 1 or 0.";

// ====================================================================================================
// Validation attributes (Metadata.resx)
// ====================================================================================================

/// Source: `Metadata.resx`, key `ValidateSetFailure`.
/// FullyQualifiedErrorId: `ValidateSetFailure (inner) / ParameterArgumentValidationError (outer)`.
/// ErrorCategory: `InvalidData`.
/// ValidationMetadataException message; at binding time it is wrapped in PB_PARAMETER_ARGUMENT_VALIDATION_ERROR
/// ("Cannot validate argument on parameter 'X'. <this text>"), id `ParameterArgumentValidationError,<cmd>`,
/// category InvalidData. {0}=argument, {1}=valid values joined with
/// CultureInfo.CurrentUICulture.TextInfo.ListSeparator (',' for en-US/invariant), e.g. "a,b,c". Replaced by
/// ValidateSet(ErrorMessage=...) if given.
pub const META_VALIDATE_SET_FAILURE: &str = "The argument \"{0}\" does not belong to the set \"{1}\" specified by the ValidateSet attribute. Supply an argument that is in the set and then try the command again.";

/// Source: `Metadata.resx`, key `ValidateNotNullFailure`.
/// FullyQualifiedErrorId: `ArgumentIsNull (inner, not re-verified) / ParameterArgumentValidationError (outer)`.
/// ErrorCategory: `InvalidData`.
/// ValidationMetadataException message; at binding time it is wrapped in PB_PARAMETER_ARGUMENT_VALIDATION_ERROR
/// ("Cannot validate argument on parameter 'X'. <this text>"), id `ParameterArgumentValidationError,<cmd>`,
/// category InvalidData.
pub const META_VALIDATE_NOT_NULL_FAILURE: &str = "The argument is null. Provide a valid value for the argument, and then try running the command again.";

/// Source: `Metadata.resx`, key `ValidateNotNullCollectionFailure`.
/// FullyQualifiedErrorId: `ParameterArgumentValidationError (outer)`.
/// ErrorCategory: `InvalidData`.
/// ValidationMetadataException message; at binding time it is wrapped in PB_PARAMETER_ARGUMENT_VALIDATION_ERROR
/// ("Cannot validate argument on parameter 'X'. <this text>"), id `ParameterArgumentValidationError,<cmd>`,
/// category InvalidData.
pub const META_VALIDATE_NOT_NULL_COLLECTION_FAILURE: &str = "The argument has a null value, or an element of the argument collection contains a null value. Provide a collection that does not contain any null values, and then try the command again.";

/// Source: `Metadata.resx`, key `ValidateNotNullOrEmptyFailure`.
/// FullyQualifiedErrorId: `ArgumentIsNull / ArgumentIsEmpty (inner, not re-verified) / ParameterArgumentValidationError (outer)`.
/// ErrorCategory: `InvalidData`.
/// ValidationMetadataException message; at binding time it is wrapped in PB_PARAMETER_ARGUMENT_VALIDATION_ERROR
/// ("Cannot validate argument on parameter 'X'. <this text>"), id `ParameterArgumentValidationError,<cmd>`,
/// category InvalidData. The SAME text is used for both the null and the empty-string case of
/// [ValidateNotNullOrEmpty()].
pub const META_VALIDATE_NOT_NULL_OR_EMPTY_FAILURE: &str =
    "The argument is null or empty. Provide an argument that is not null or empty, and then try the command again.";

/// Source: `Metadata.resx`, key `ValidateNotNullOrEmptyCollectionFailure`.
/// FullyQualifiedErrorId: `ParameterArgumentValidationError (outer)`.
/// ErrorCategory: `InvalidData`.
/// ValidationMetadataException message; at binding time it is wrapped in PB_PARAMETER_ARGUMENT_VALIDATION_ERROR
/// ("Cannot validate argument on parameter 'X'. <this text>"), id `ParameterArgumentValidationError,<cmd>`,
/// category InvalidData. Empty array / array containing $null.
pub const META_VALIDATE_NOT_NULL_OR_EMPTY_COLLECTION_FAILURE: &str = "The argument is null, empty, or an element of the argument collection contains a null value. Supply a collection that does not contain any null values and then try the command again.";

/// Source: `Metadata.resx`, key `ValidateNotNullOrWhiteSpaceFailure`.
/// FullyQualifiedErrorId: `ParameterArgumentValidationError (outer)`.
/// ErrorCategory: `InvalidData`.
/// ValidationMetadataException message; at binding time it is wrapped in PB_PARAMETER_ARGUMENT_VALIDATION_ERROR
/// ("Cannot validate argument on parameter 'X'. <this text>"), id `ParameterArgumentValidationError,<cmd>`,
/// category InvalidData. [ValidateNotNullOrWhiteSpace()] (7.4+).
pub const META_VALIDATE_NOT_NULL_OR_WHITESPACE_FAILURE: &str = "The argument is null, empty, or consists of only white-space characters. Provide an argument that contains non white-space characters, and then try the command again.";

/// Source: `Metadata.resx`, key `ValidateNotNullOrWhiteSpaceCollectionFailure`.
/// FullyQualifiedErrorId: `ParameterArgumentValidationError (outer)`.
/// ErrorCategory: `InvalidData`.
/// ValidationMetadataException message; at binding time it is wrapped in PB_PARAMETER_ARGUMENT_VALIDATION_ERROR
/// ("Cannot validate argument on parameter 'X'. <this text>"), id `ParameterArgumentValidationError,<cmd>`,
/// category InvalidData. 'any those values' is verbatim.
pub const META_VALIDATE_NOT_NULL_OR_WHITESPACE_COLLECTION_FAILURE: &str = "An element of the argument collection is null, empty, or consists of only white-space characters. Supply a collection that does not contain any those values and then try the command again.";

/// Source: `Metadata.resx`, key `ValidatePatternFailure`.
/// FullyQualifiedErrorId: `ParameterArgumentValidationError (outer)`.
/// ErrorCategory: `InvalidData`.
/// ValidationMetadataException message; at binding time it is wrapped in PB_PARAMETER_ARGUMENT_VALIDATION_ERROR
/// ("Cannot validate argument on parameter 'X'. <this text>"), id `ParameterArgumentValidationError,<cmd>`,
/// category InvalidData.
pub const META_VALIDATE_PATTERN_FAILURE: &str =
    "The argument \"{0}\" does not match the \"{1}\" pattern. Supply an argument that matches \"{1}\" and try the command again.";

/// Source: `Metadata.resx`, key `ValidateScriptFailure`.
/// FullyQualifiedErrorId: `ParameterArgumentValidationError (outer)`.
/// ErrorCategory: `InvalidData`.
/// ValidationMetadataException message; at binding time it is wrapped in PB_PARAMETER_ARGUMENT_VALIDATION_ERROR
/// ("Cannot validate argument on parameter 'X'. <this text>"), id `ParameterArgumentValidationError,<cmd>`,
/// category InvalidData. {1} = script block text.
pub const META_VALIDATE_SCRIPT_FAILURE: &str = "The \"{1}\" validation script for the argument with value \"{0}\" did not return a result of True. Determine why the validation script failed, and then try the command again.";

/// Source: `Metadata.resx`, key `ValidateRangeGreaterThanMaxRangeFailure`.
/// FullyQualifiedErrorId: `ParameterArgumentValidationError (outer)`.
/// ErrorCategory: `InvalidData`.
/// ValidationMetadataException message; at binding time it is wrapped in PB_PARAMETER_ARGUMENT_VALIDATION_ERROR
/// ("Cannot validate argument on parameter 'X'. <this text>"), id `ParameterArgumentValidationError,<cmd>`,
/// category InvalidData.
pub const META_VALIDATE_RANGE_TOO_BIG: &str =
    "The {0} argument is greater than the maximum allowed range of {1}. Supply an argument that is less than or equal to {1} and then try the command again.";

/// Source: `Metadata.resx`, key `ValidateRangeSmallerThanMinRangeFailure`.
/// FullyQualifiedErrorId: `ParameterArgumentValidationError (outer)`.
/// ErrorCategory: `InvalidData`.
/// ValidationMetadataException message; at binding time it is wrapped in PB_PARAMETER_ARGUMENT_VALIDATION_ERROR
/// ("Cannot validate argument on parameter 'X'. <this text>"), id `ParameterArgumentValidationError,<cmd>`,
/// category InvalidData.
pub const META_VALIDATE_RANGE_TOO_SMALL: &str =
    "The {0} argument is less than the minimum allowed range of {1}. Supply an argument that is greater than or equal to {1} and then try the command again.";

/// Source: `Metadata.resx`, key `ValidateRangePositiveFailure`.
/// FullyQualifiedErrorId: `ParameterArgumentValidationError (outer)`.
/// ErrorCategory: `InvalidData`.
/// ValidationMetadataException message; at binding time it is wrapped in PB_PARAMETER_ARGUMENT_VALIDATION_ERROR
/// ("Cannot validate argument on parameter 'X'. <this text>"), id `ParameterArgumentValidationError,<cmd>`,
/// category InvalidData. [ValidateRange('Positive')].
pub const META_VALIDATE_RANGE_POSITIVE_FAILURE: &str = "The argument \"{0}\" cannot be validated because its value is not greater than zero.";

/// Source: `Metadata.resx`, key `ValidateRangeNonNegativeFailure`.
/// FullyQualifiedErrorId: `ParameterArgumentValidationError (outer)`.
/// ErrorCategory: `InvalidData`.
/// ValidationMetadataException message; at binding time it is wrapped in PB_PARAMETER_ARGUMENT_VALIDATION_ERROR
/// ("Cannot validate argument on parameter 'X'. <this text>"), id `ParameterArgumentValidationError,<cmd>`,
/// category InvalidData.
pub const META_VALIDATE_RANGE_NON_NEGATIVE_FAILURE: &str = "The argument \"{0}\" cannot be validated because its value is not greater than or equal to zero.";

/// Source: `Metadata.resx`, key `ValidateRangeNegativeFailure`.
/// FullyQualifiedErrorId: `ParameterArgumentValidationError (outer)`.
/// ErrorCategory: `InvalidData`.
/// ValidationMetadataException message; at binding time it is wrapped in PB_PARAMETER_ARGUMENT_VALIDATION_ERROR
/// ("Cannot validate argument on parameter 'X'. <this text>"), id `ParameterArgumentValidationError,<cmd>`,
/// category InvalidData.
pub const META_VALIDATE_RANGE_NEGATIVE_FAILURE: &str = "The argument \"{0}\" cannot be validated because its value is not less than zero.";

/// Source: `Metadata.resx`, key `ValidateRangeNonPositiveFailure`.
/// FullyQualifiedErrorId: `ParameterArgumentValidationError (outer)`.
/// ErrorCategory: `InvalidData`.
/// ValidationMetadataException message; at binding time it is wrapped in PB_PARAMETER_ARGUMENT_VALIDATION_ERROR
/// ("Cannot validate argument on parameter 'X'. <this text>"), id `ParameterArgumentValidationError,<cmd>`,
/// category InvalidData.
pub const META_VALIDATE_RANGE_NON_POSITIVE_FAILURE: &str = "The argument \"{0}\" cannot be validated because its value is not less than or equal to zero.";

/// Source: `Metadata.resx`, key `ValidateRangeElementType`.
/// FullyQualifiedErrorId: `ParameterArgumentValidationError (outer)`.
/// ErrorCategory: `InvalidData`.
/// ValidationMetadataException message; at binding time it is wrapped in PB_PARAMETER_ARGUMENT_VALIDATION_ERROR
/// ("Cannot validate argument on parameter 'X'. <this text>"), id `ParameterArgumentValidationError,<cmd>`,
/// category InvalidData.
pub const META_VALIDATE_RANGE_ELEMENT_TYPE: &str = "The argument cannot be validated because its type \"{0}\" is not the same type ({1}) as the maximum and minimum limits of the parameter. Make sure the argument is of type {1} and then try the command again.";

/// Source: `Metadata.resx`, key `ValidateLengthMinLengthFailure`.
/// FullyQualifiedErrorId: `ParameterArgumentValidationError (outer)`.
/// ErrorCategory: `InvalidData`.
/// ValidationMetadataException message; at binding time it is wrapped in PB_PARAMETER_ARGUMENT_VALIDATION_ERROR
/// ("Cannot validate argument on parameter 'X'. <this text>"), id `ParameterArgumentValidationError,<cmd>`,
/// category InvalidData. {0}=min length, {1}=actual length.
pub const META_VALIDATE_LENGTH_MIN_FAILURE: &str = "The character length ({1}) of the argument is too short. Specify an argument with a length that is greater than or equal to \"{0}\", and then try the command again.";

/// Source: `Metadata.resx`, key `ValidateLengthMaxLengthFailure`.
/// FullyQualifiedErrorId: `ParameterArgumentValidationError (outer)`.
/// ErrorCategory: `InvalidData`.
/// ValidationMetadataException message; at binding time it is wrapped in PB_PARAMETER_ARGUMENT_VALIDATION_ERROR
/// ("Cannot validate argument on parameter 'X'. <this text>"), id `ParameterArgumentValidationError,<cmd>`,
/// category InvalidData. {0}=max length, {1}=actual length.
pub const META_VALIDATE_LENGTH_MAX_FAILURE: &str = "The character length of the {1} argument is too long. Shorten the character length of the argument so it is fewer than or equal to \"{0}\" characters, and then try the command again.";

/// Source: `Metadata.resx`, key `ValidateCountExactFailure`.
/// FullyQualifiedErrorId: `ParameterArgumentValidationError (outer)`.
/// ErrorCategory: `InvalidData`.
/// ValidationMetadataException message; at binding time it is wrapped in PB_PARAMETER_ARGUMENT_VALIDATION_ERROR
/// ("Cannot validate argument on parameter 'X'. <this text>"), id `ParameterArgumentValidationError,<cmd>`,
/// category InvalidData.
pub const META_VALIDATE_COUNT_EXACT_FAILURE: &str = "The parameter requires exactly {0} value(s) - {1} value(s) were provided.";

/// Source: `Metadata.resx`, key `ValidateCountMinMaxFailure`.
/// FullyQualifiedErrorId: `ParameterArgumentValidationError (outer)`.
/// ErrorCategory: `InvalidData`.
/// ValidationMetadataException message; at binding time it is wrapped in PB_PARAMETER_ARGUMENT_VALIDATION_ERROR
/// ("Cannot validate argument on parameter 'X'. <this text>"), id `ParameterArgumentValidationError,<cmd>`,
/// category InvalidData.
pub const META_VALIDATE_COUNT_MIN_MAX_FAILURE: &str =
    "The parameter requires at least {0} value(s) and no more than {1} value(s) - {2} value(s) were provided.";

/// Source: `Metadata.resx`, key `ValidateVariableName`.
/// FullyQualifiedErrorId: `ParameterArgumentValidationError (outer)`.
/// ErrorCategory: `InvalidData`.
/// ValidationMetadataException message; at binding time it is wrapped in PB_PARAMETER_ARGUMENT_VALIDATION_ERROR
/// ("Cannot validate argument on parameter 'X'. <this text>"), id `ParameterArgumentValidationError,<cmd>`,
/// category InvalidData.
pub const META_VALIDATE_VARIABLE_NAME: &str = "Cannot validate argument '{0}' because it is not a valid variable name.";

/// Source: `Metadata.resx`, key `InvalidValueFailure`.
/// FullyQualifiedErrorId: `ValidateSetFailure (for variables; id not re-verified)`.
/// ErrorCategory: `MetadataError`.
/// Assigning an invalid value to an attribute-constrained VARIABLE (`[ValidateSet('a')]$v = 'b'`). Category/id
/// not re-verified.
pub const META_INVALID_VALUE_FAILURE: &str = "The variable cannot be validated because the value {1} is not a valid value for the {0} variable.";

// ====================================================================================================
// Runtime errors raised via InterpreterError / binders (ParserStrings.resx)
// ====================================================================================================

/// Source: `ParserStrings.resx`, key `InvokeMethodOnNull`.
/// FullyQualifiedErrorId: `InvokeMethodOnNull`.
/// ErrorCategory: `InvalidOperation`.
/// Binders.cs PSInvokeMemberBinder -> target.ThrowRuntimeError("InvokeMethodOnNull", ...) -> InterpreterError
/// (category forced to InvalidOperation). CategoryInfo `InvalidOperation: (:) [], RuntimeException`.
pub const RT_INVOKE_METHOD_ON_NULL: &str = "You cannot call a method on a null-valued expression.";

/// Source: `ParserStrings.resx`, key `MethodNotFound`.
/// FullyQualifiedErrorId: `MethodNotFound`.
/// ErrorCategory: `InvalidOperation`.
/// {0}=target type full name (e.g. System.String), {1}=method name. RuntimeException via InterpreterError;
/// `InvalidOperation: (:) [], RuntimeException` (binder path passes no target object).
pub const RT_METHOD_NOT_FOUND: &str = "Method invocation failed because [{0}] does not contain a method named '{1}'.";

/// Source: `ParserStrings.resx`, key `ParameterizedPropertyAssignmentFailed`.
/// FullyQualifiedErrorId: `ParameterizedPropertyAssignmentFailed`.
/// ErrorCategory: `InvalidOperation`.
/// InterpreterError.
pub const RT_PARAMETERIZED_PROPERTY_ASSIGNMENT_FAILED: &str = "Assignment failed because [{0}] does not contain a property '{1}()' that can be set.";

/// Source: `ParserStrings.resx`, key `NullArray`.
/// FullyQualifiedErrorId: `NullArray`.
/// ErrorCategory: `InvalidOperation`.
/// PSGetIndexBinder/PSSetIndexBinder ThrowRuntimeError("NullArray"); `$null[0]` — only under Set-StrictMode
/// -Version 3+ for reads; always for index assignment.
pub const RT_NULL_ARRAY: &str = "Cannot index into a null array.";

/// Source: `ParserStrings.resx`, key `NullArrayIndex`.
/// FullyQualifiedErrorId: `NullArrayIndex`.
/// ErrorCategory: `InvalidOperation`.
/// PSGetIndexBinder/PSSetIndexBinder: `$a[$null]`.
pub const RT_NULL_ARRAY_INDEX: &str = "Index operation failed; the array index evaluated to null.";

/// Source: `ParserStrings.resx`, key `CannotIndex`.
/// FullyQualifiedErrorId: `CannotIndex`.
/// ErrorCategory: `InvalidOperation`.
/// InterpreterError; {0}=type full name.
pub const RT_CANNOT_INDEX: &str = "Unable to index into an object of type \"{0}\".";

/// Source: `ParserStrings.resx`, key `NeedMultidimensionalIndex`.
/// FullyQualifiedErrorId: `NeedMultidimensionalIndex`.
/// ErrorCategory: `InvalidOperation`.
/// InterpreterError.
pub const RT_NEED_MULTIDIMENSIONAL_INDEX: &str = "You cannot index into a {0} dimensional array with index [{1}].";

/// Source: `ParserStrings.resx`, key `IndexOutOfRange`.
/// FullyQualifiedErrorId: `IndexOutOfRange`.
/// ErrorCategory: `InvalidOperation`.
/// Multi-dimensional/ArrayOps assignment path. For plain 1-D `$a[10] = 1` pwsh surfaces the .NET
/// IndexOutOfRangeException instead (see NET_INDEX_OUT_OF_RANGE).
pub const RT_ARRAY_ASSIGNMENT_INDEX_OUT_OF_RANGE: &str = "Array assignment failed because index '{0}' was out of range.";

/// Source: `ParserStrings.resx`, key `ArraySliceAssignmentFailed`.
/// FullyQualifiedErrorId: `ArraySliceAssignmentFailed`.
/// ErrorCategory: `InvalidOperation`.
/// InterpreterError.
pub const RT_ARRAY_SLICE_ASSIGNMENT_FAILED: &str = "Array assignment to [{0}] failed because assignment to slices is not supported.";

/// Source: `ParserStrings.resx`, key `PropertyNotFound`.
/// FullyQualifiedErrorId: `PropertyNotFound`.
/// ErrorCategory: `InvalidOperation`.
/// Binders.cs PSSetMemberBinder ThrowRuntimeError("PropertyNotFound", ParserStrings.PropertyNotFound, Name):
/// `$x=1; $x.Foo = 2` or `$null.Foo = 1`.
pub const RT_PROPERTY_NOT_FOUND_ON_SET: &str = "The property '{0}' cannot be found on this object. Verify that the property exists and can be set.";

/// Source: `ParserStrings.resx`, key `PropertyNotFoundStrict`.
/// FullyQualifiedErrorId: `PropertyNotFoundStrict`.
/// ErrorCategory: `NotSpecified`.
/// Set-StrictMode -Version 2+ property read of a missing member. Thrown as
/// PropertyNotFoundException("PropertyNotFoundStrict", ...) from the get-member binder (category left at default
/// NotSpecified -> `NotSpecified: (:) [], PropertyNotFoundException`); the member-enumeration path uses
/// InterpreterError (InvalidOperation) instead.
pub const RT_PROPERTY_NOT_FOUND_STRICT: &str = "The property '{0}' cannot be found on this object. Verify that the property exists.";

/// Source: `ParserStrings.resx`, key `VariableIsUndefined`.
/// FullyQualifiedErrorId: `VariableIsUndefined`.
/// ErrorCategory: `InvalidOperation`.
/// VariableOps.cs under Set-StrictMode -Version 1+: InterpreterError with TargetObject = variable name ->
/// `InvalidOperation: (x:String) [], RuntimeException`. {0} = name without '$' (template adds it).
pub const RT_VARIABLE_IS_UNDEFINED: &str = "The variable '${0}' cannot be retrieved because it has not been set.";

/// Source: `ParserStrings.resx`, key `TypeNotFound`.
/// FullyQualifiedErrorId: `TypeNotFound`.
/// ErrorCategory: `InvalidOperation`.
/// Type literal resolution at runtime (`[Foo]`); TargetObject is the TypeName -> `InvalidOperation:
/// (Foo:TypeName) [], RuntimeException`. Also a parse-time error id for attributes.
pub const RT_TYPE_NOT_FOUND: &str = "Unable to find type [{0}].";

/// Source: `ParserStrings.resx`, key `TypeNotFoundWithMessage`.
/// FullyQualifiedErrorId: `TypeNotFound`.
/// ErrorCategory: `InvalidOperation`.
/// Variant with loader details (id assumed same; not re-verified).
pub const RT_TYPE_NOT_FOUND_WITH_MESSAGE: &str = "Unable to find type [{0}]. Details: {1}";

/// Source: `ExtendedTypeSystem.resx`, key `NotIcomparable`.
/// FullyQualifiedErrorId: `NotIcomparable`.
/// ErrorCategory: `InvalidOperation`.
/// Binders.cs comparison binder: Compiler.ThrowRuntimeError("NotIcomparable", ExtendedTypeSystem.NotIcomparable,
/// target) for `-lt/-gt/-le/-ge` on non-IComparable LHS. (LanguagePrimitives.Compare API path throws
/// PSArgumentException instead.)
pub const RT_NOT_ICOMPARABLE: &str = "Cannot compare \"{0}\" because it is not IComparable.";

/// Source: `ExtendedTypeSystem.resx`, key `ComparisonFailure`.
/// FullyQualifiedErrorId: `ComparisonFailure`.
/// ErrorCategory: `InvalidOperation`.
/// LanguagePrimitives.Compare when converting the RHS fails (PSArgumentException on the API path; script-path id
/// not re-verified).
pub const RT_COMPARISON_FAILURE: &str = "Could not compare \"{0}\" to \"{1}\". Error: \"{2}\"";

/// Source: `ParserStrings.resx`, key `OperatorRequiresNumber`.
/// FullyQualifiedErrorId: `OperatorRequiresNumber`.
/// ErrorCategory: `InvalidOperation`.
/// InterpreterError.
pub const RT_OPERATOR_REQUIRES_NUMBER: &str = "The '{0}' operator works only on numbers. The operand is a '{1}'.";

/// Source: `ParserStrings.resx`, key `NotADefinedOperationForType`.
/// FullyQualifiedErrorId: `NotADefinedOperationForType`.
/// ErrorCategory: `InvalidOperation`.
/// e.g. `@{} - 1`.
pub const RT_NOT_A_DEFINED_OPERATION_FOR_TYPE: &str = "The operation '[{0}] {1} [{2}]' is not defined.";

/// Source: `ParserStrings.resx`, key `AddHashTableToNonHashTable`.
/// FullyQualifiedErrorId: `AddHashTableToNonHashTable`.
/// ErrorCategory: `InvalidOperation`.
/// `@{} + 1`.
pub const RT_ADD_HASHTABLE_TO_NON_HASHTABLE: &str = "A hash table can only be added to another hash table.";

/// Source: `ParserStrings.resx`, key `BadReplaceArgument`.
/// FullyQualifiedErrorId: `BadReplaceArgument`.
/// ErrorCategory: `InvalidOperation`.
/// `'a' -replace 1,2,3`.
pub const RT_BAD_REPLACE_ARGUMENT: &str = "The {0} operator allows only two elements to follow it, not {1}.";

/// Source: `ParserStrings.resx`, key `BadRegularExpression`.
/// FullyQualifiedErrorId: `BadRegularExpression`.
/// ErrorCategory: `InvalidOperation`.
/// LEGACY / not emitted by the pwsh 7.4-7.5 engine as far as the source shows; kept for reference.
/// Present in older resx; absent from the 7.3+ copy read here — may be legacy.
pub const RT_BAD_REGULAR_EXPRESSION: &str = "A regular expression that was provided to '{0}' is not valid: {1}.";

/// Source: `ParserStrings.resx`, key `InvalidRegularExpression`.
/// FullyQualifiedErrorId: `InvalidRegularExpression`.
/// ErrorCategory: `InvalidOperation`.
/// `'a' -match '('`. Id assumed = key (InterpreterError convention); not re-verified.
pub const RT_INVALID_REGULAR_EXPRESSION: &str = "The regular expression pattern {0} is not valid.";

/// Source: `ParserStrings.resx`, key `IsOperatorRequiresType`.
/// FullyQualifiedErrorId: `IsOperatorRequiresType`.
/// ErrorCategory: `InvalidOperation`.
/// InterpreterError.
pub const RT_IS_OPERATOR_REQUIRES_TYPE: &str = "The right operand of '-is' must be a type.";

/// Source: `ParserStrings.resx`, key `AsOperatorRequiresType`.
/// FullyQualifiedErrorId: `AsOperatorRequiresType`.
/// ErrorCategory: `InvalidOperation`.
/// InterpreterError.
pub const RT_AS_OPERATOR_REQUIRES_TYPE: &str = "The right operand of '-as' must be a type.";

/// Source: `ParserStrings.resx`, key `FormatError`.
/// FullyQualifiedErrorId: `FormatError`.
/// ErrorCategory: `InvalidOperation`.
/// `'{0' -f 1` — {0} = .NET FormatException message.
pub const RT_FORMAT_ERROR: &str = "Error formatting a string: {0}.";

/// Source: `ParserStrings.resx`, key `BadEnumeration`.
/// FullyQualifiedErrorId: `BadEnumeration`.
/// ErrorCategory: `InvalidOperation`.
/// InterpreterError.
pub const RT_BAD_ENUMERATION: &str = "An error occurred while enumerating through a collection: {0}.";

/// Source: `ParserStrings.resx`, key `FileOpenError`.
/// FullyQualifiedErrorId: `FileOpenError`.
/// ErrorCategory: `InvalidOperation`.
/// InterpreterError.
pub const RT_FILE_OPEN_ERROR: &str = "The current provider ({0}) cannot open a file.";

/// Source: `ParserStrings.resx`, key `ForEachNonexistentMemberReference`.
/// FullyQualifiedErrorId: `ForEachNonexistentMemberReference`.
/// ErrorCategory: `InvalidOperation`.
/// `.ForEach('NoSuchMember', 1)`.
pub const RT_FOREACH_NONEXISTENT_MEMBER_REFERENCE: &str = "The ForEach() operator could not find a member '{0}' on the target object. Please verify that the named member exists and then try running your script again.";

/// Source: `(literal in MiscOps.cs ExceptionHandlingOps.ConvertToException)`, key `(none)`.
/// FullyQualifiedErrorId: `ScriptHalted`.
/// ErrorCategory: `OperationStopped`.
/// `throw` with no argument (outside catch): message AND error id are the literal "ScriptHalted";
/// RuntimeException; `OperationStopped: (:) [], RuntimeException`. `throw 'text'` uses the text as both message
/// and FullyQualifiedErrorId, TargetObject = the thrown value -> `OperationStopped: (text:String) [],
/// RuntimeException`.
pub const RT_SCRIPT_HALTED: &str = "ScriptHalted";

// ====================================================================================================
// Method invocation / conversion (ExtendedTypeSystem.resx)
// ====================================================================================================

/// Source: `ExtendedTypeSystem.resx`, key `MethodInvocationException`.
/// FullyQualifiedErrorId: `<inner .NET exception type name, e.g. FormatException>`.
/// ErrorCategory: `NotSpecified`.
/// ExceptionHandlingOps.ConvertToMethodInvocationException: `new
/// MethodInvocationException(exception.GetType().Name, ...)`. {0}=method name, {1}=arg count, {2}=inner message.
/// CategoryInfo `NotSpecified: (:) [], MethodInvocationException`.
pub const ETS_METHOD_INVOCATION_EXCEPTION: &str = "Exception calling \"{0}\" with \"{1}\" argument(s): \"{2}\"";

/// Source: `ExtendedTypeSystem.resx`, key `ExceptionWhenSetting`.
/// FullyQualifiedErrorId: `ExceptionWhenSetting`.
/// ErrorCategory: `NotSpecified`.
/// SetValueInvocationException (property setter threw / conversion failed on assignment). {0}=property, {1}=inner
/// message.
pub const ETS_EXCEPTION_WHEN_SETTING: &str = "Exception setting \"{0}\": \"{1}\"";

/// Source: `ExtendedTypeSystem.resx`, key `ExceptionWhenGetting`.
/// FullyQualifiedErrorId: `ExceptionWhenGetting`.
/// ErrorCategory: `NotSpecified`.
/// GetValueInvocationException.
pub const ETS_EXCEPTION_WHEN_GETTING: &str = "Exception getting \"{0}\": \"{1}\"";

/// Source: `ExtendedTypeSystem.resx`, key `MethodArgumentCountException`.
/// FullyQualifiedErrorId: `MethodCountCouldNotFindBest`.
/// ErrorCategory: `NotSpecified`.
/// Adapter.FindBestMethod errorId "MethodCountCouldNotFindBest"; MethodException -> `NotSpecified: (:) [],
/// MethodException`. (ParserStrings.DispBadParamCount has the same words WITHOUT the final period — COM only.)
pub const ETS_METHOD_ARGUMENT_COUNT: &str = "Cannot find an overload for \"{0}\" and the argument count: \"{1}\".";

/// Source: `ExtendedTypeSystem.resx`, key `MethodAmbiguousException`.
/// FullyQualifiedErrorId: `MethodAmbiguousException`.
/// ErrorCategory: `NotSpecified`.
/// MethodException; error id not re-verified.
pub const ETS_METHOD_AMBIGUOUS: &str = "Multiple ambiguous overloads found for \"{0}\" and the argument count: \"{1}\".";

/// Source: `ExtendedTypeSystem.resx`, key `MethodGenericArgumentCountException`.
/// FullyQualifiedErrorId: `MethodCountCouldNotFindBest`.
/// ErrorCategory: `NotSpecified`.
/// Adapter (generic method call).
pub const ETS_METHOD_GENERIC_ARGUMENT_COUNT: &str =
    "Could not find a suitable generic method overload for \"{0}\" with \"{1}\" type parameters, and the argument count: \"{2}\".";

/// Source: `ExtendedTypeSystem.resx`, key `MethodArgumentConversionException`.
/// FullyQualifiedErrorId: `MethodArgumentConversionInvalidCastArgument`.
/// ErrorCategory: `NotSpecified`.
/// ExceptionHandlingOps.ConvertToArgumentConversionException (MethodException).
pub const ETS_METHOD_ARGUMENT_CONVERSION: &str = "Cannot convert argument \"{0}\", with value: \"{1}\", for \"{2}\" to type \"{3}\": \"{4}\"";

/// Source: `ExtendedTypeSystem.resx`, key `InvalidCastException`.
/// FullyQualifiedErrorId: `ConvertToFinalInvalidCastException`.
/// ErrorCategory: `InvalidArgument`.
/// LanguagePrimitives final fallback: PSInvalidCastException("ConvertToFinalInvalidCastException", ...);
/// {0}=value.ToString(), {1}=value type name, {2}=target type.
pub const ETS_INVALID_CAST: &str = "Cannot convert the \"{0}\" value of type \"{1}\" to type \"{2}\".";

/// Source: `ExtendedTypeSystem.resx`, key `InvalidCastExceptionWithInnerException`.
/// FullyQualifiedErrorId: `InvalidCastFromStringToInteger`.
/// ErrorCategory: `InvalidArgument`.
/// LanguagePrimitives: `[int]'abc'` -> id InvalidCastFromStringToInteger (decimal:
/// InvalidCastFromStringToDecimal, other parse paths use other ids). {2} = .NET message, in .NET 8 (pwsh 7.4/7.5)
/// "The input string 'abc' was not in a correct format." (NET_FORMAT_INVALID_STRING_WITH_VALUE). At script level
/// shown as `InvalidArgument: (:) [], RuntimeException`.
pub const ETS_INVALID_CAST_WITH_INNER: &str = "Cannot convert value \"{0}\" to type \"{1}\". Error: \"{2}\"";

/// Source: `ExtendedTypeSystem.resx`, key `InvalidCastFromNull`.
/// FullyQualifiedErrorId: `nullToObjectInvalidCast`.
/// ErrorCategory: `InvalidArgument`.
/// LanguagePrimitives (PSInvalidCastException).
pub const ETS_INVALID_CAST_FROM_NULL: &str = "Cannot convert null to type \"{0}\".";

/// Source: `ExtendedTypeSystem.resx`, key `InvalidCastExceptionNoStringForConversion`.
/// FullyQualifiedErrorId: `(not re-verified)`.
/// ErrorCategory: `InvalidArgument`.
/// Two spaces before 'Error' are verbatim.
pub const ETS_INVALID_CAST_NO_STRING_FOR_CONVERSION: &str = "Cannot convert value to type \"{0}\".  Error: \"{1}\"";

/// Source: `ExtendedTypeSystem.resx`, key `InvalidCastExceptionEnumerationNoValue`.
/// FullyQualifiedErrorId: `(not re-verified)`.
/// ErrorCategory: `InvalidArgument`.
/// {2} = enum names joined with ', '.
pub const ETS_INVALID_CAST_ENUM_NO_VALUE: &str = "Cannot convert value \"{0}\" to type \"{1}\" due to enumeration values that are not valid. Specify one of the following enumeration values and try again. The possible enumeration values are \"{2}\".";

/// Source: `ExtendedTypeSystem.resx`, key `InvalidCastExceptionEnumerationNull`.
/// FullyQualifiedErrorId: `(not re-verified)`.
/// ErrorCategory: `InvalidArgument`.
pub const ETS_INVALID_CAST_ENUM_NULL: &str = "Cannot convert null to type \"{0}\" due to enumeration values that are not valid. Specify one of the following enumeration values and try again. The possible enumeration values are \"{1}\".";

/// Source: `ExtendedTypeSystem.resx`, key `InvalidCastExceptionEnumerationMoreThanOneValue`.
/// FullyQualifiedErrorId: `(not re-verified)`.
/// ErrorCategory: `InvalidArgument`.
pub const ETS_INVALID_CAST_ENUM_MORE_THAN_ONE_VALUE: &str =
    "Cannot convert value \"{0}\" to type \"{1}\" because at least two matches were found ({2}, {3}) and only one match is allowed for this enumeration.";

/// Source: `ExtendedTypeSystem.resx`, key `ReadOnlyProperty`.
/// FullyQualifiedErrorId: `(not re-verified)`.
/// ErrorCategory: `NotSpecified`.
/// Assignment to a get-only .NET property (SetValueInvocationException family).
pub const ETS_READ_ONLY_PROPERTY: &str = "\"{0}\" is a ReadOnly property.";

/// Source: `ExtendedTypeSystem.resx`, key `WriteOnlyProperty`.
/// FullyQualifiedErrorId: `(not re-verified)`.
/// ErrorCategory: `NotSpecified`.
pub const ETS_WRITE_ONLY_PROPERTY: &str = "Cannot get property value because \"{0}\" is a write-only property.";

/// Source: `ExtendedTypeSystem.resx`, key `EnumerationException`.
/// FullyQualifiedErrorId: `(not re-verified)`.
/// ErrorCategory: `NotSpecified`.
pub const ETS_ENUMERATION_EXCEPTION: &str = "The following exception occurred while trying to enumerate the collection: \"{0}\".";

/// Source: `ExtendedTypeSystem.resx`, key `ObjectCreationError`.
/// FullyQualifiedErrorId: `(not re-verified)`.
/// ErrorCategory: `InvalidArgument`.
/// Hashtable-to-object conversion failures.
pub const ETS_OBJECT_CREATION_ERROR: &str = "Cannot create object of type \"{0}\". {1}";

/// Source: `ExtendedTypeSystem.resx`, key `PropertyNotFound`.
/// FullyQualifiedErrorId: `(not re-verified)`.
/// ErrorCategory: `InvalidArgument`.
/// `[Type]@{NoSuch=1}` conversion (not the same key as ParserStrings.PropertyNotFound).
pub const ETS_PROPERTY_NOT_FOUND_FOR_CONVERSION: &str = "The property '{0}' was not found for the '{1}' object. The settable properties are: {2}.";

// ====================================================================================================
// Session state / providers (SessionStateStrings.resx)
// ====================================================================================================

/// Source: `SessionStateStrings.resx`, key `PathNotFound`.
/// FullyQualifiedErrorId: `PathNotFound`.
/// ErrorCategory: `ObjectNotFound`.
/// ItemNotFoundException(path, "PathNotFound", SessionStateStrings.PathNotFound) (LocationGlobber /
/// SessionStateLocationAPIs). From a cmdlet: `PathNotFound,Microsoft.PowerShell.Commands.GetItemCommand`,
/// CategoryInfo `ObjectNotFound: (C:\nope:String) [Get-Item], ItemNotFoundException`.
pub const SS_PATH_NOT_FOUND: &str = "Cannot find path '{0}' because it does not exist.";

/// Source: `SessionStateStrings.resx`, key `DriveNotFound`.
/// FullyQualifiedErrorId: `DriveNotFound`.
/// ErrorCategory: `ObjectNotFound`.
/// DriveNotFoundException (id per SessionState convention; category ObjectNotFound).
pub const SS_DRIVE_NOT_FOUND: &str = "Cannot find drive. A drive with the name '{0}' does not exist.";

/// Source: `SessionStateStrings.resx`, key `ProviderNotFound`.
/// FullyQualifiedErrorId: `ProviderNotFound`.
/// ErrorCategory: `ObjectNotFound`.
/// ProviderNotFoundException.
pub const SS_PROVIDER_NOT_FOUND: &str = "Cannot find a provider with the name '{0}'.";

/// Source: `SessionStateStrings.resx`, key `VariableNotFound`.
/// FullyQualifiedErrorId: `VariableNotFound`.
/// ErrorCategory: `ObjectNotFound`.
/// Get-Variable/Remove-Variable: `VariableNotFound,Microsoft.PowerShell.Commands.GetVariableCommand`.
pub const SS_VARIABLE_NOT_FOUND: &str = "Cannot find a variable with the name '{0}'.";

/// Source: `SessionStateStrings.resx`, key `VariableNotWritable`.
/// FullyQualifiedErrorId: `VariableNotWritable`.
/// ErrorCategory: `WriteError`.
/// SessionStateUnauthorizedAccessException(name, SessionStateCategory.Variable, "VariableNotWritable", ...) —
/// category WriteError, TargetObject = name: `$true = 1` -> `WriteError: (true:String) [],
/// SessionStateUnauthorizedAccessException`. {0} has no quotes/`$`.
pub const SS_VARIABLE_NOT_WRITABLE: &str = "Cannot overwrite variable {0} because it is read-only or constant.";

/// Source: `SessionStateStrings.resx`, key `VariableNotRemovable`.
/// FullyQualifiedErrorId: `VariableNotRemovable`.
/// ErrorCategory: `WriteError`.
/// SessionStateUnauthorizedAccessException.
pub const SS_VARIABLE_NOT_REMOVABLE: &str =
    "Cannot remove variable {0} because it is constant or read-only. If the variable is read-only, try the operation again specifying the Force option.";

/// Source: `SessionStateStrings.resx`, key `VariableIsConstant`.
/// FullyQualifiedErrorId: `VariableIsConstant`.
/// ErrorCategory: `WriteError`.
/// SessionStateUnauthorizedAccessException.
pub const SS_VARIABLE_IS_CONSTANT: &str = "Cannot modify variable {0} because it is a constant.";

/// Source: `SessionStateStrings.resx`, key `VariableAlreadyExists`.
/// FullyQualifiedErrorId: `VariableAlreadyExists`.
/// ErrorCategory: `ResourceExists`.
/// New-Variable on an existing name (SessionStateException).
pub const SS_VARIABLE_ALREADY_EXISTS: &str = "A variable with name '{0}' already exists.";

/// Source: `SessionStateStrings.resx`, key `FunctionNotWritable`.
/// FullyQualifiedErrorId: `FunctionNotWritable`.
/// ErrorCategory: `WriteError`.
/// SessionStateUnauthorizedAccessException.
pub const SS_FUNCTION_NOT_WRITABLE: &str = "Cannot write to function {0} because it is read-only or constant.";

/// Source: `SessionStateStrings.resx`, key `AliasNotWritable`.
/// FullyQualifiedErrorId: `AliasNotWritable`.
/// ErrorCategory: `WriteError`.
/// 'writeable' spelling is verbatim.
pub const SS_ALIAS_NOT_WRITABLE: &str = "Alias is not writeable because alias {0} is read-only or constant and cannot be written to.";

/// Source: `SessionStateStrings.resx`, key `AliasNotFound`.
/// FullyQualifiedErrorId: `AliasNotFound`.
/// ErrorCategory: `ObjectNotFound`.
pub const SS_ALIAS_NOT_FOUND: &str = "Cannot find alias because alias '{0}' does not exist.";

/// Source: `SessionStateStrings.resx`, key `NewItemAlreadyExists`.
/// FullyQualifiedErrorId: `NewItemAlreadyExists`.
/// ErrorCategory: `ResourceExists`.
/// Generic session-state provider text (FileSystem provider has its own strings).
pub const SS_ITEM_ALREADY_EXISTS: &str = "The item at path '{0}' already exists.";

/// Source: `SessionStateStrings.resx`, key `ScopeDepthOverflow`.
/// FullyQualifiedErrorId: `ScopeDepthOverflow`.
/// ErrorCategory: `InvalidOperation`.
/// Id/category not re-verified.
pub const SS_SCOPE_DEPTH_OVERFLOW: &str = "Too many scopes have been created.";

/// Source: `SessionStateStrings.resx`, key `GetContainerContentException`.
/// FullyQualifiedErrorId: `GetContainerContentException`.
/// ErrorCategory: `InvalidOperation`.
/// Get-Content on a directory. Id/category not re-verified.
pub const SS_GET_CONTAINER_CONTENT: &str = "Unable to get content because it is a directory: '{0}'. Please use 'Get-ChildItem' instead.";

// ====================================================================================================
// Modules (Modules.resx)
// ====================================================================================================

/// Source: `Modules.resx`, key `ModuleNotFound`.
/// FullyQualifiedErrorId: `Modules_ModuleNotFound`.
/// ErrorCategory: `ResourceUnavailable`.
/// ImportModuleCommand: `new ErrorRecord(new FileNotFoundException(message), "Modules_ModuleNotFound",
/// ErrorCategory.ResourceUnavailable, name)` -> FQID
/// `Modules_ModuleNotFound,Microsoft.PowerShell.Commands.ImportModuleCommand`, CategoryInfo `ResourceUnavailable:
/// (Foo:String) [Import-Module], FileNotFoundException`.
pub const MOD_MODULE_NOT_FOUND: &str = "The specified module '{0}' was not loaded because no valid module file was found in any module directory.";

/// Source: `Modules.resx`, key `ModuleWithVersionNotFound`.
/// FullyQualifiedErrorId: `Modules_ModuleWithVersionNotFound`.
/// ErrorCategory: `ResourceUnavailable`.
/// Import-Module -RequiredVersion/-MinimumVersion/-MaximumVersion variants.
pub const MOD_MODULE_WITH_VERSION_NOT_FOUND: &str =
    "The specified module '{0}' with version '{1}' was not loaded because no valid module file was found in any module directory.";

// ====================================================================================================
// Call depth / pipeline (GetErrorText.resx)
// ====================================================================================================

/// Source: `GetErrorText.resx`, key `ScriptCallDepthException`.
/// FullyQualifiedErrorId: `CallDepthOverflow`.
/// ErrorCategory: `InvalidOperation`.
/// ScriptCallDepthException.ErrorRecord: `new ErrorRecord(new ParentContainsErrorRecordException(this),
/// "CallDepthOverflow", ErrorCategory.InvalidOperation, CallDepth)`; CallDepth is ALWAYS 0 in pwsh 7 ->
/// `InvalidOperation: (0:Int32) [], ParentContainsErrorRecordException`. There is NO fixed maximum depth:
/// ExecutionContext.CheckStackDepth() throws it when RuntimeHelpers.EnsureSufficientExecutionStack() fails
/// (depends on thread stack size).
pub const RT_SCRIPT_CALL_DEPTH_EXCEPTION: &str = "The script failed due to call depth overflow.";

/// Source: `GetErrorText.resx`, key `PipelineDepthException`.
/// FullyQualifiedErrorId: `(not re-verified)`.
/// ErrorCategory: `InvalidOperation`.
/// PipelineDepthException.
pub const RT_PIPELINE_DEPTH_EXCEPTION: &str = "The pipeline failed due to call depth overflow.";

/// Source: `GetErrorText.resx`, key `PipelineStoppedException`.
/// FullyQualifiedErrorId: `(n/a)`.
/// ErrorCategory: `OperationStopped`.
/// PipelineStoppedException default message.
pub const RT_PIPELINE_STOPPED: &str = "The pipeline has been stopped.";

/// Source: `GetErrorText.resx`, key `ActionPreferenceStop`.
/// FullyQualifiedErrorId: `(n/a)`.
/// ErrorCategory: `OperationStopped`.
/// ActionPreferenceStopException default message.
pub const RT_ACTION_PREFERENCE_STOP: &str = "Running commands is prevented by Stop policy settings.";

// ====================================================================================================
// Host / non-interactive (ConsoleHostUserInterfaceStrings.resx)
// ====================================================================================================

/// Source: `ConsoleHostUserInterfaceStrings.resx (Microsoft.PowerShell.ConsoleHost)`, key `ReadFailsOnNonInteractiveFlag`.
/// FullyQualifiedErrorId: `System.Management.Automation.PSInvalidOperationException`.
/// ErrorCategory: `InvalidOperation`.
/// ConsoleHostUserInterface.HandleThrowOnReadAndPrompt: `throw PSTraceSource.NewInvalidOperationException(...)`
/// for ReadLine/Prompt/PromptForCredential/PromptForChoice under -NonInteractive. Read-Host -> FQID
/// `System.Management.Automation.PSInvalidOperationException,Microsoft.PowerShell.Commands.ReadHostCommand`,
/// CategoryInfo `InvalidOperation: (:) [Read-Host], PSInvalidOperationException`; Get-Credential analogous
/// (`...,Microsoft.PowerShell.Commands.GetCredentialCommand`, not re-verified). Windows PowerShell 5.1 said
/// 'Windows PowerShell is in NonInteractive mode...'.
pub const HOST_READ_FAILS_ON_NON_INTERACTIVE: &str = "PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.";

// ====================================================================================================
// .NET runtime messages that pwsh surfaces verbatim
// ====================================================================================================

/// Source: `dotnet/runtime System.Private.CoreLib Strings.resx`, key `Format_InvalidStringWithValue`.
/// FullyQualifiedErrorId: `(inner message)`.
/// ErrorCategory: `(inner)`.
/// .NET 8+ (pwsh 7.4/7.5). Used by Number.Parsing.cs `SR.Format(SR.Format_InvalidStringWithValue,
/// value.ToString())`. The dotnet/runtime Strings.resx copies in the index predate .NET 8, so the TEXT was taken
/// from code/stub copies — see notes.
pub const NET_FORMAT_INVALID_STRING_WITH_VALUE: &str = "The input string '{0}' was not in a correct format.";

/// Source: `dotnet/runtime System.Private.CoreLib Strings.resx`, key `Format_InvalidString`.
/// FullyQualifiedErrorId: `(inner message)`.
/// ErrorCategory: `(inner)`.
/// .NET 7 and earlier (pwsh <= 7.3) message for the same failure; .NET 8 still uses it when the input is not
/// valid UTF-8/unavailable.
pub const NET_FORMAT_INVALID_STRING: &str = "Input string was not in a correct format.";

/// Source: `dotnet/runtime System.Private.CoreLib Strings.resx`, key `Arg_DivideByZero`.
/// FullyQualifiedErrorId: `RuntimeException`.
/// ErrorCategory: `NotSpecified`.
/// `1/0` in pwsh: RuntimeException wrapping DivideByZeroException -> FQID `RuntimeException`, `NotSpecified: (:)
/// [], RuntimeException` (ConciseView prefix 'RuntimeException:'). Constant-folded `1/0` may be reported at
/// parse/compile time with the same text.
pub const NET_DIVIDE_BY_ZERO: &str = "Attempted to divide by zero.";

/// Source: `dotnet/runtime System.Private.CoreLib Strings.resx`, key `Arg_IndexOutOfRangeException`.
/// FullyQualifiedErrorId: `System.IndexOutOfRangeException`.
/// ErrorCategory: `OperationStopped`.
/// 1-D array element assignment past the end (`$a=1,2; $a[5]=0`): raw .NET exception converted by
/// ExceptionHandlingOps.ConvertToRuntimeException -> `new ErrorRecord(e, e.GetType().FullName,
/// ErrorCategory.OperationStopped, null)` -> `OperationStopped: (:) [], IndexOutOfRangeException`. (Reads past
/// the end return $null, no error, unless strict mode 3+.)
pub const NET_INDEX_OUT_OF_RANGE: &str = "Index was outside the bounds of the array.";

/// Source: `dotnet/runtime System.Private.CoreLib Strings.resx`, key `Arg_InvalidCastException`.
/// FullyQualifiedErrorId: `(inner)`.
/// ErrorCategory: `(inner)`.
pub const NET_INVALID_CAST: &str = "Specified cast is not valid.";

/// Source: `dotnet/runtime System.Private.CoreLib Strings.resx`, key `Arg_NullReferenceException`.
/// FullyQualifiedErrorId: `(inner)`.
/// ErrorCategory: `(inner)`.
pub const NET_NULL_REFERENCE: &str = "Object reference not set to an instance of an object.";

/// Source: `dotnet/runtime System.Private.CoreLib Strings.resx`, key `Arg_KeyNotFoundWithKey`.
/// FullyQualifiedErrorId: `(inner)`.
/// ErrorCategory: `(inner)`.
/// Generic Dictionary indexer (.NET 5+); PowerShell hashtables return $null instead.
pub const NET_KEY_NOT_FOUND_WITH_KEY: &str = "The given key '{0}' was not present in the dictionary.";

/// Source: `dotnet/runtime System.Private.CoreLib Strings.resx`, key `Arg_OverflowException`.
/// FullyQualifiedErrorId: `(inner)`.
/// ErrorCategory: `(inner)`.
pub const NET_OVERFLOW: &str = "Arithmetic operation resulted in an overflow.";

/// Source: `dotnet/runtime System.Private.CoreLib Strings.resx`, key `Arg_InsufficientExecutionStackException`.
/// FullyQualifiedErrorId: `(converted to CallDepthOverflow)`.
/// ErrorCategory: `(inner)`.
/// Never surfaces directly from script recursion; see RT_SCRIPT_CALL_DEPTH_EXCEPTION.
pub const NET_INSUFFICIENT_EXECUTION_STACK: &str = "Insufficient stack to continue executing the program safely. This can happen from having too many functions on the call stack or function on the stack using too much stack space.";

/// Source: `dotnet/runtime System.Private.CoreLib Strings.resx`, key `InvalidOperation_EnumFailedVersion`.
/// FullyQualifiedErrorId: `(inner)`.
/// ErrorCategory: `(inner)`.
/// Modifying a List while foreach-ing over it.
pub const NET_ENUM_FAILED_VERSION: &str = "Collection was modified; enumeration operation may not execute.";

// ====================================================================================================
// CategoryInfo display templates (ErrorCategoryStrings.resx)
// ====================================================================================================

/// Source: `ErrorCategoryStrings.resx`, key `NotSpecified`.
/// FullyQualifiedErrorId: `(n/a - display)`.
/// ErrorCategory: `NotSpecified`.
/// ErrorCategoryInfo.GetMessage (ErrorPackage.cs): String.Format(template, Activity, TargetName, TargetType,
/// Reason, CategoryName). Activity = command name (cmdlet/function) or ''; TargetName = TargetObject.ToString()
/// or ''; TargetType = TargetObject.GetType().Name (short name) or ''; Reason = exception type short name.
/// Activity/TargetName/TargetType (and a non-exception Reason) longer than 40 chars are ellipsized (see
/// `ellipsize`). This is also CategoryInfo.ToString().
pub const CAT_NOT_SPECIFIED: &str = "NotSpecified: ({1}:{2}) [{0}], {3}";

/// Source: `ErrorCategoryStrings.resx`, key `OpenError`.
/// FullyQualifiedErrorId: `(n/a - display)`.
/// ErrorCategory: `OpenError`.
/// ErrorCategoryInfo.GetMessage (ErrorPackage.cs): String.Format(template, Activity, TargetName, TargetType,
/// Reason, CategoryName). Activity = command name (cmdlet/function) or ''; TargetName = TargetObject.ToString()
/// or ''; TargetType = TargetObject.GetType().Name (short name) or ''; Reason = exception type short name.
/// Activity/TargetName/TargetType (and a non-exception Reason) longer than 40 chars are ellipsized (see
/// `ellipsize`). This is also CategoryInfo.ToString().
pub const CAT_OPEN_ERROR: &str = "OpenError: ({1}:{2}) [{0}], {3}";

/// Source: `ErrorCategoryStrings.resx`, key `CloseError`.
/// FullyQualifiedErrorId: `(n/a - display)`.
/// ErrorCategory: `CloseError`.
/// ErrorCategoryInfo.GetMessage (ErrorPackage.cs): String.Format(template, Activity, TargetName, TargetType,
/// Reason, CategoryName). Activity = command name (cmdlet/function) or ''; TargetName = TargetObject.ToString()
/// or ''; TargetType = TargetObject.GetType().Name (short name) or ''; Reason = exception type short name.
/// Activity/TargetName/TargetType (and a non-exception Reason) longer than 40 chars are ellipsized (see
/// `ellipsize`). This is also CategoryInfo.ToString().
pub const CAT_CLOSE_ERROR: &str = "CloseError: ({1}:{2}) [{0}], {3}";

/// Source: `ErrorCategoryStrings.resx`, key `DeviceError`.
/// FullyQualifiedErrorId: `(n/a - display)`.
/// ErrorCategory: `DeviceError`.
/// ErrorCategoryInfo.GetMessage (ErrorPackage.cs): String.Format(template, Activity, TargetName, TargetType,
/// Reason, CategoryName). Activity = command name (cmdlet/function) or ''; TargetName = TargetObject.ToString()
/// or ''; TargetType = TargetObject.GetType().Name (short name) or ''; Reason = exception type short name.
/// Activity/TargetName/TargetType (and a non-exception Reason) longer than 40 chars are ellipsized (see
/// `ellipsize`). This is also CategoryInfo.ToString().
pub const CAT_DEVICE_ERROR: &str = "DeviceError: ({1}:{2}) [{0}], {3}";

/// Source: `ErrorCategoryStrings.resx`, key `DeadlockDetected`.
/// FullyQualifiedErrorId: `(n/a - display)`.
/// ErrorCategory: `DeadlockDetected`.
/// ErrorCategoryInfo.GetMessage (ErrorPackage.cs): String.Format(template, Activity, TargetName, TargetType,
/// Reason, CategoryName). Activity = command name (cmdlet/function) or ''; TargetName = TargetObject.ToString()
/// or ''; TargetType = TargetObject.GetType().Name (short name) or ''; Reason = exception type short name.
/// Activity/TargetName/TargetType (and a non-exception Reason) longer than 40 chars are ellipsized (see
/// `ellipsize`). This is also CategoryInfo.ToString(). NOTE: the DeadlockDetected template says 'Deadlock
/// detected' (with a space), not the enum name.
pub const CAT_DEADLOCK_DETECTED: &str = "Deadlock detected: ({1}:{2}) [{0}], {3}";

/// Source: `ErrorCategoryStrings.resx`, key `InvalidArgument`.
/// FullyQualifiedErrorId: `(n/a - display)`.
/// ErrorCategory: `InvalidArgument`.
/// ErrorCategoryInfo.GetMessage (ErrorPackage.cs): String.Format(template, Activity, TargetName, TargetType,
/// Reason, CategoryName). Activity = command name (cmdlet/function) or ''; TargetName = TargetObject.ToString()
/// or ''; TargetType = TargetObject.GetType().Name (short name) or ''; Reason = exception type short name.
/// Activity/TargetName/TargetType (and a non-exception Reason) longer than 40 chars are ellipsized (see
/// `ellipsize`). This is also CategoryInfo.ToString().
pub const CAT_INVALID_ARGUMENT: &str = "InvalidArgument: ({1}:{2}) [{0}], {3}";

/// Source: `ErrorCategoryStrings.resx`, key `InvalidData`.
/// FullyQualifiedErrorId: `(n/a - display)`.
/// ErrorCategory: `InvalidData`.
/// ErrorCategoryInfo.GetMessage (ErrorPackage.cs): String.Format(template, Activity, TargetName, TargetType,
/// Reason, CategoryName). Activity = command name (cmdlet/function) or ''; TargetName = TargetObject.ToString()
/// or ''; TargetType = TargetObject.GetType().Name (short name) or ''; Reason = exception type short name.
/// Activity/TargetName/TargetType (and a non-exception Reason) longer than 40 chars are ellipsized (see
/// `ellipsize`). This is also CategoryInfo.ToString().
pub const CAT_INVALID_DATA: &str = "InvalidData: ({1}:{2}) [{0}], {3}";

/// Source: `ErrorCategoryStrings.resx`, key `InvalidOperation`.
/// FullyQualifiedErrorId: `(n/a - display)`.
/// ErrorCategory: `InvalidOperation`.
/// ErrorCategoryInfo.GetMessage (ErrorPackage.cs): String.Format(template, Activity, TargetName, TargetType,
/// Reason, CategoryName). Activity = command name (cmdlet/function) or ''; TargetName = TargetObject.ToString()
/// or ''; TargetType = TargetObject.GetType().Name (short name) or ''; Reason = exception type short name.
/// Activity/TargetName/TargetType (and a non-exception Reason) longer than 40 chars are ellipsized (see
/// `ellipsize`). This is also CategoryInfo.ToString().
pub const CAT_INVALID_OPERATION: &str = "InvalidOperation: ({1}:{2}) [{0}], {3}";

/// Source: `ErrorCategoryStrings.resx`, key `InvalidResult`.
/// FullyQualifiedErrorId: `(n/a - display)`.
/// ErrorCategory: `InvalidResult`.
/// ErrorCategoryInfo.GetMessage (ErrorPackage.cs): String.Format(template, Activity, TargetName, TargetType,
/// Reason, CategoryName). Activity = command name (cmdlet/function) or ''; TargetName = TargetObject.ToString()
/// or ''; TargetType = TargetObject.GetType().Name (short name) or ''; Reason = exception type short name.
/// Activity/TargetName/TargetType (and a non-exception Reason) longer than 40 chars are ellipsized (see
/// `ellipsize`). This is also CategoryInfo.ToString().
pub const CAT_INVALID_RESULT: &str = "InvalidResult: ({1}:{2}) [{0}], {3}";

/// Source: `ErrorCategoryStrings.resx`, key `InvalidType`.
/// FullyQualifiedErrorId: `(n/a - display)`.
/// ErrorCategory: `InvalidType`.
/// ErrorCategoryInfo.GetMessage (ErrorPackage.cs): String.Format(template, Activity, TargetName, TargetType,
/// Reason, CategoryName). Activity = command name (cmdlet/function) or ''; TargetName = TargetObject.ToString()
/// or ''; TargetType = TargetObject.GetType().Name (short name) or ''; Reason = exception type short name.
/// Activity/TargetName/TargetType (and a non-exception Reason) longer than 40 chars are ellipsized (see
/// `ellipsize`). This is also CategoryInfo.ToString().
pub const CAT_INVALID_TYPE: &str = "InvalidType: ({1}:{2}) [{0}], {3}";

/// Source: `ErrorCategoryStrings.resx`, key `MetadataError`.
/// FullyQualifiedErrorId: `(n/a - display)`.
/// ErrorCategory: `MetadataError`.
/// ErrorCategoryInfo.GetMessage (ErrorPackage.cs): String.Format(template, Activity, TargetName, TargetType,
/// Reason, CategoryName). Activity = command name (cmdlet/function) or ''; TargetName = TargetObject.ToString()
/// or ''; TargetType = TargetObject.GetType().Name (short name) or ''; Reason = exception type short name.
/// Activity/TargetName/TargetType (and a non-exception Reason) longer than 40 chars are ellipsized (see
/// `ellipsize`). This is also CategoryInfo.ToString().
pub const CAT_METADATA_ERROR: &str = "MetadataError: ({1}:{2}) [{0}], {3}";

/// Source: `ErrorCategoryStrings.resx`, key `NotImplemented`.
/// FullyQualifiedErrorId: `(n/a - display)`.
/// ErrorCategory: `NotImplemented`.
/// ErrorCategoryInfo.GetMessage (ErrorPackage.cs): String.Format(template, Activity, TargetName, TargetType,
/// Reason, CategoryName). Activity = command name (cmdlet/function) or ''; TargetName = TargetObject.ToString()
/// or ''; TargetType = TargetObject.GetType().Name (short name) or ''; Reason = exception type short name.
/// Activity/TargetName/TargetType (and a non-exception Reason) longer than 40 chars are ellipsized (see
/// `ellipsize`). This is also CategoryInfo.ToString().
pub const CAT_NOT_IMPLEMENTED: &str = "NotImplemented: ({1}:{2}) [{0}], {3}";

/// Source: `ErrorCategoryStrings.resx`, key `NotInstalled`.
/// FullyQualifiedErrorId: `(n/a - display)`.
/// ErrorCategory: `NotInstalled`.
/// ErrorCategoryInfo.GetMessage (ErrorPackage.cs): String.Format(template, Activity, TargetName, TargetType,
/// Reason, CategoryName). Activity = command name (cmdlet/function) or ''; TargetName = TargetObject.ToString()
/// or ''; TargetType = TargetObject.GetType().Name (short name) or ''; Reason = exception type short name.
/// Activity/TargetName/TargetType (and a non-exception Reason) longer than 40 chars are ellipsized (see
/// `ellipsize`). This is also CategoryInfo.ToString().
pub const CAT_NOT_INSTALLED: &str = "NotInstalled: ({1}:{2}) [{0}], {3}";

/// Source: `ErrorCategoryStrings.resx`, key `ObjectNotFound`.
/// FullyQualifiedErrorId: `(n/a - display)`.
/// ErrorCategory: `ObjectNotFound`.
/// ErrorCategoryInfo.GetMessage (ErrorPackage.cs): String.Format(template, Activity, TargetName, TargetType,
/// Reason, CategoryName). Activity = command name (cmdlet/function) or ''; TargetName = TargetObject.ToString()
/// or ''; TargetType = TargetObject.GetType().Name (short name) or ''; Reason = exception type short name.
/// Activity/TargetName/TargetType (and a non-exception Reason) longer than 40 chars are ellipsized (see
/// `ellipsize`). This is also CategoryInfo.ToString().
pub const CAT_OBJECT_NOT_FOUND: &str = "ObjectNotFound: ({1}:{2}) [{0}], {3}";

/// Source: `ErrorCategoryStrings.resx`, key `OperationStopped`.
/// FullyQualifiedErrorId: `(n/a - display)`.
/// ErrorCategory: `OperationStopped`.
/// ErrorCategoryInfo.GetMessage (ErrorPackage.cs): String.Format(template, Activity, TargetName, TargetType,
/// Reason, CategoryName). Activity = command name (cmdlet/function) or ''; TargetName = TargetObject.ToString()
/// or ''; TargetType = TargetObject.GetType().Name (short name) or ''; Reason = exception type short name.
/// Activity/TargetName/TargetType (and a non-exception Reason) longer than 40 chars are ellipsized (see
/// `ellipsize`). This is also CategoryInfo.ToString().
pub const CAT_OPERATION_STOPPED: &str = "OperationStopped: ({1}:{2}) [{0}], {3}";

/// Source: `ErrorCategoryStrings.resx`, key `OperationTimeout`.
/// FullyQualifiedErrorId: `(n/a - display)`.
/// ErrorCategory: `OperationTimeout`.
/// ErrorCategoryInfo.GetMessage (ErrorPackage.cs): String.Format(template, Activity, TargetName, TargetType,
/// Reason, CategoryName). Activity = command name (cmdlet/function) or ''; TargetName = TargetObject.ToString()
/// or ''; TargetType = TargetObject.GetType().Name (short name) or ''; Reason = exception type short name.
/// Activity/TargetName/TargetType (and a non-exception Reason) longer than 40 chars are ellipsized (see
/// `ellipsize`). This is also CategoryInfo.ToString().
pub const CAT_OPERATION_TIMEOUT: &str = "OperationTimeout: ({1}:{2}) [{0}], {3}";

/// Source: `ErrorCategoryStrings.resx`, key `SyntaxError`.
/// FullyQualifiedErrorId: `(n/a - display)`.
/// ErrorCategory: `SyntaxError`.
/// ErrorCategoryInfo.GetMessage (ErrorPackage.cs): String.Format(template, Activity, TargetName, TargetType,
/// Reason, CategoryName). Activity = command name (cmdlet/function) or ''; TargetName = TargetObject.ToString()
/// or ''; TargetType = TargetObject.GetType().Name (short name) or ''; Reason = exception type short name.
/// Activity/TargetName/TargetType (and a non-exception Reason) longer than 40 chars are ellipsized (see
/// `ellipsize`). This is also CategoryInfo.ToString().
pub const CAT_SYNTAX_ERROR: &str = "SyntaxError: ({1}:{2}) [{0}], {3}";

/// Source: `ErrorCategoryStrings.resx`, key `ParserError`.
/// FullyQualifiedErrorId: `(n/a - display)`.
/// ErrorCategory: `ParserError`.
/// ErrorCategoryInfo.GetMessage (ErrorPackage.cs): String.Format(template, Activity, TargetName, TargetType,
/// Reason, CategoryName). Activity = command name (cmdlet/function) or ''; TargetName = TargetObject.ToString()
/// or ''; TargetType = TargetObject.GetType().Name (short name) or ''; Reason = exception type short name.
/// Activity/TargetName/TargetType (and a non-exception Reason) longer than 40 chars are ellipsized (see
/// `ellipsize`). This is also CategoryInfo.ToString().
pub const CAT_PARSER_ERROR: &str = "ParserError: ({1}:{2}) [{0}], {3}";

/// Source: `ErrorCategoryStrings.resx`, key `PermissionDenied`.
/// FullyQualifiedErrorId: `(n/a - display)`.
/// ErrorCategory: `PermissionDenied`.
/// ErrorCategoryInfo.GetMessage (ErrorPackage.cs): String.Format(template, Activity, TargetName, TargetType,
/// Reason, CategoryName). Activity = command name (cmdlet/function) or ''; TargetName = TargetObject.ToString()
/// or ''; TargetType = TargetObject.GetType().Name (short name) or ''; Reason = exception type short name.
/// Activity/TargetName/TargetType (and a non-exception Reason) longer than 40 chars are ellipsized (see
/// `ellipsize`). This is also CategoryInfo.ToString().
pub const CAT_PERMISSION_DENIED: &str = "PermissionDenied: ({1}:{2}) [{0}], {3}";

/// Source: `ErrorCategoryStrings.resx`, key `ResourceBusy`.
/// FullyQualifiedErrorId: `(n/a - display)`.
/// ErrorCategory: `ResourceBusy`.
/// ErrorCategoryInfo.GetMessage (ErrorPackage.cs): String.Format(template, Activity, TargetName, TargetType,
/// Reason, CategoryName). Activity = command name (cmdlet/function) or ''; TargetName = TargetObject.ToString()
/// or ''; TargetType = TargetObject.GetType().Name (short name) or ''; Reason = exception type short name.
/// Activity/TargetName/TargetType (and a non-exception Reason) longer than 40 chars are ellipsized (see
/// `ellipsize`). This is also CategoryInfo.ToString().
pub const CAT_RESOURCE_BUSY: &str = "ResourceBusy: ({1}:{2}) [{0}], {3}";

/// Source: `ErrorCategoryStrings.resx`, key `ResourceExists`.
/// FullyQualifiedErrorId: `(n/a - display)`.
/// ErrorCategory: `ResourceExists`.
/// ErrorCategoryInfo.GetMessage (ErrorPackage.cs): String.Format(template, Activity, TargetName, TargetType,
/// Reason, CategoryName). Activity = command name (cmdlet/function) or ''; TargetName = TargetObject.ToString()
/// or ''; TargetType = TargetObject.GetType().Name (short name) or ''; Reason = exception type short name.
/// Activity/TargetName/TargetType (and a non-exception Reason) longer than 40 chars are ellipsized (see
/// `ellipsize`). This is also CategoryInfo.ToString().
pub const CAT_RESOURCE_EXISTS: &str = "ResourceExists: ({1}:{2}) [{0}], {3}";

/// Source: `ErrorCategoryStrings.resx`, key `ResourceUnavailable`.
/// FullyQualifiedErrorId: `(n/a - display)`.
/// ErrorCategory: `ResourceUnavailable`.
/// ErrorCategoryInfo.GetMessage (ErrorPackage.cs): String.Format(template, Activity, TargetName, TargetType,
/// Reason, CategoryName). Activity = command name (cmdlet/function) or ''; TargetName = TargetObject.ToString()
/// or ''; TargetType = TargetObject.GetType().Name (short name) or ''; Reason = exception type short name.
/// Activity/TargetName/TargetType (and a non-exception Reason) longer than 40 chars are ellipsized (see
/// `ellipsize`). This is also CategoryInfo.ToString().
pub const CAT_RESOURCE_UNAVAILABLE: &str = "ResourceUnavailable: ({1}:{2}) [{0}], {3}";

/// Source: `ErrorCategoryStrings.resx`, key `ReadError`.
/// FullyQualifiedErrorId: `(n/a - display)`.
/// ErrorCategory: `ReadError`.
/// ErrorCategoryInfo.GetMessage (ErrorPackage.cs): String.Format(template, Activity, TargetName, TargetType,
/// Reason, CategoryName). Activity = command name (cmdlet/function) or ''; TargetName = TargetObject.ToString()
/// or ''; TargetType = TargetObject.GetType().Name (short name) or ''; Reason = exception type short name.
/// Activity/TargetName/TargetType (and a non-exception Reason) longer than 40 chars are ellipsized (see
/// `ellipsize`). This is also CategoryInfo.ToString().
pub const CAT_READ_ERROR: &str = "ReadError: ({1}:{2}) [{0}], {3}";

/// Source: `ErrorCategoryStrings.resx`, key `WriteError`.
/// FullyQualifiedErrorId: `(n/a - display)`.
/// ErrorCategory: `WriteError`.
/// ErrorCategoryInfo.GetMessage (ErrorPackage.cs): String.Format(template, Activity, TargetName, TargetType,
/// Reason, CategoryName). Activity = command name (cmdlet/function) or ''; TargetName = TargetObject.ToString()
/// or ''; TargetType = TargetObject.GetType().Name (short name) or ''; Reason = exception type short name.
/// Activity/TargetName/TargetType (and a non-exception Reason) longer than 40 chars are ellipsized (see
/// `ellipsize`). This is also CategoryInfo.ToString().
pub const CAT_WRITE_ERROR: &str = "WriteError: ({1}:{2}) [{0}], {3}";

/// Source: `ErrorCategoryStrings.resx`, key `FromStdErr`.
/// FullyQualifiedErrorId: `(n/a - display)`.
/// ErrorCategory: `FromStdErr`.
/// ErrorCategoryInfo.GetMessage (ErrorPackage.cs): String.Format(template, Activity, TargetName, TargetType,
/// Reason, CategoryName). Activity = command name (cmdlet/function) or ''; TargetName = TargetObject.ToString()
/// or ''; TargetType = TargetObject.GetType().Name (short name) or ''; Reason = exception type short name.
/// Activity/TargetName/TargetType (and a non-exception Reason) longer than 40 chars are ellipsized (see
/// `ellipsize`). This is also CategoryInfo.ToString().
pub const CAT_FROM_STD_ERR: &str = "FromStdErr: ({1}:{2}) [{0}], {3}";

/// Source: `ErrorCategoryStrings.resx`, key `SecurityError`.
/// FullyQualifiedErrorId: `(n/a - display)`.
/// ErrorCategory: `SecurityError`.
/// ErrorCategoryInfo.GetMessage (ErrorPackage.cs): String.Format(template, Activity, TargetName, TargetType,
/// Reason, CategoryName). Activity = command name (cmdlet/function) or ''; TargetName = TargetObject.ToString()
/// or ''; TargetType = TargetObject.GetType().Name (short name) or ''; Reason = exception type short name.
/// Activity/TargetName/TargetType (and a non-exception Reason) longer than 40 chars are ellipsized (see
/// `ellipsize`). This is also CategoryInfo.ToString().
pub const CAT_SECURITY_ERROR: &str = "SecurityError: ({1}:{2}) [{0}], {3}";

/// Source: `ErrorCategoryStrings.resx`, key `ProtocolError`.
/// FullyQualifiedErrorId: `(n/a - display)`.
/// ErrorCategory: `ProtocolError`.
/// ErrorCategoryInfo.GetMessage (ErrorPackage.cs): String.Format(template, Activity, TargetName, TargetType,
/// Reason, CategoryName). Activity = command name (cmdlet/function) or ''; TargetName = TargetObject.ToString()
/// or ''; TargetType = TargetObject.GetType().Name (short name) or ''; Reason = exception type short name.
/// Activity/TargetName/TargetType (and a non-exception Reason) longer than 40 chars are ellipsized (see
/// `ellipsize`). This is also CategoryInfo.ToString().
pub const CAT_PROTOCOL_ERROR: &str = "ProtocolError: ({1}:{2}) [{0}], {3}";

/// Source: `ErrorCategoryStrings.resx`, key `ConnectionError`.
/// FullyQualifiedErrorId: `(n/a - display)`.
/// ErrorCategory: `ConnectionError`.
/// ErrorCategoryInfo.GetMessage (ErrorPackage.cs): String.Format(template, Activity, TargetName, TargetType,
/// Reason, CategoryName). Activity = command name (cmdlet/function) or ''; TargetName = TargetObject.ToString()
/// or ''; TargetType = TargetObject.GetType().Name (short name) or ''; Reason = exception type short name.
/// Activity/TargetName/TargetType (and a non-exception Reason) longer than 40 chars are ellipsized (see
/// `ellipsize`). This is also CategoryInfo.ToString().
pub const CAT_CONNECTION_ERROR: &str = "ConnectionError: ({1}:{2}) [{0}], {3}";

/// Source: `ErrorCategoryStrings.resx`, key `AuthenticationError`.
/// FullyQualifiedErrorId: `(n/a - display)`.
/// ErrorCategory: `AuthenticationError`.
/// ErrorCategoryInfo.GetMessage (ErrorPackage.cs): String.Format(template, Activity, TargetName, TargetType,
/// Reason, CategoryName). Activity = command name (cmdlet/function) or ''; TargetName = TargetObject.ToString()
/// or ''; TargetType = TargetObject.GetType().Name (short name) or ''; Reason = exception type short name.
/// Activity/TargetName/TargetType (and a non-exception Reason) longer than 40 chars are ellipsized (see
/// `ellipsize`). This is also CategoryInfo.ToString().
pub const CAT_AUTHENTICATION_ERROR: &str = "AuthenticationError: ({1}:{2}) [{0}], {3}";

/// Source: `ErrorCategoryStrings.resx`, key `LimitsExceeded`.
/// FullyQualifiedErrorId: `(n/a - display)`.
/// ErrorCategory: `LimitsExceeded`.
/// ErrorCategoryInfo.GetMessage (ErrorPackage.cs): String.Format(template, Activity, TargetName, TargetType,
/// Reason, CategoryName). Activity = command name (cmdlet/function) or ''; TargetName = TargetObject.ToString()
/// or ''; TargetType = TargetObject.GetType().Name (short name) or ''; Reason = exception type short name.
/// Activity/TargetName/TargetType (and a non-exception Reason) longer than 40 chars are ellipsized (see
/// `ellipsize`). This is also CategoryInfo.ToString().
pub const CAT_LIMITS_EXCEEDED: &str = "LimitsExceeded: ({1}:{2}) [{0}], {3}";

/// Source: `ErrorCategoryStrings.resx`, key `QuotaExceeded`.
/// FullyQualifiedErrorId: `(n/a - display)`.
/// ErrorCategory: `QuotaExceeded`.
/// ErrorCategoryInfo.GetMessage (ErrorPackage.cs): String.Format(template, Activity, TargetName, TargetType,
/// Reason, CategoryName). Activity = command name (cmdlet/function) or ''; TargetName = TargetObject.ToString()
/// or ''; TargetType = TargetObject.GetType().Name (short name) or ''; Reason = exception type short name.
/// Activity/TargetName/TargetType (and a non-exception Reason) longer than 40 chars are ellipsized (see
/// `ellipsize`). This is also CategoryInfo.ToString().
pub const CAT_QUOTA_EXCEEDED: &str = "QuotaExceeded: ({1}:{2}) [{0}], {3}";

/// Source: `ErrorCategoryStrings.resx`, key `NotEnabled`.
/// FullyQualifiedErrorId: `(n/a - display)`.
/// ErrorCategory: `NotEnabled`.
/// ErrorCategoryInfo.GetMessage (ErrorPackage.cs): String.Format(template, Activity, TargetName, TargetType,
/// Reason, CategoryName). Activity = command name (cmdlet/function) or ''; TargetName = TargetObject.ToString()
/// or ''; TargetType = TargetObject.GetType().Name (short name) or ''; Reason = exception type short name.
/// Activity/TargetName/TargetType (and a non-exception Reason) longer than 40 chars are ellipsized (see
/// `ellipsize`). This is also CategoryInfo.ToString().
pub const CAT_NOT_ENABLED: &str = "NotEnabled: ({1}:{2}) [{0}], {3}";

/// Source: `ErrorCategoryStrings.resx`, key `InvalidErrorCategory`.
/// FullyQualifiedErrorId: `(n/a - display)`.
/// ErrorCategory: `(n/a)`.
/// ErrorCategoryInfo.GetMessage (ErrorPackage.cs): String.Format(template, Activity, TargetName, TargetType,
/// Reason, CategoryName). Activity = command name (cmdlet/function) or ''; TargetName = TargetObject.ToString()
/// or ''; TargetType = TargetObject.GetType().Name (short name) or ''; Reason = exception type short name.
/// Activity/TargetName/TargetType (and a non-exception Reason) longer than 40 chars are ellipsized (see
/// `ellipsize`). This is also CategoryInfo.ToString().
pub const CAT_INVALID_ERROR_CATEGORY: &str = "Unrecognized error category {4}: ({1}:{2}) [{0}], {3}";

/// Source: `ErrorPackage.resx`, key `Ellipsize`.
/// FullyQualifiedErrorId: `(n/a - display)`.
/// ErrorCategory: `(n/a)`.
/// Used by ErrorCategoryInfo.Ellipsize: strings > 40 chars -> first 15 chars + U+2026 + last 15 chars.
pub const CAT_ELLIPSIZE: &str = "{0}…{1}";

// ====================================================================================================
// Error display helpers (ParserStrings.resx)
// ====================================================================================================

/// Source: `ParserStrings.resx`, key `TextForPositionMessage`.
/// FullyQualifiedErrorId: `(n/a - display)`.
/// ErrorCategory: `(n/a)`.
/// Position header used by NormalView (`At C:\x.ps1:3 char:5` + `+ <line>`). pwsh 7's default ConciseView does
/// not use it.
pub const DISPLAY_TEXT_FOR_POSITION_MESSAGE: &str = "At {0}:{1} char:{2}\n+ {3}";

/// Source: `ParserStrings.resx`, key `TextForWordLine`.
/// FullyQualifiedErrorId: `(n/a - display)`.
/// ErrorCategory: `(n/a)`.
/// Substituted as the 'file' part when there is no script file: `At line:1 char:1`.
pub const DISPLAY_TEXT_FOR_WORD_LINE: &str = "line";

// ====================================================================================================
// Catalogue table (for lookups by resource key / error id)
// ====================================================================================================

/// One catalogue row: constant name, resx file, resx key, FullyQualifiedErrorId (base id, without the
/// `,<command>` suffix), ErrorCategory name, template text, and whether it is legacy (not emitted by 7.4/7.5).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MessageInfo {
    pub name: &'static str,
    pub resx: &'static str,
    pub key: &'static str,
    pub error_id: &'static str,
    pub category: &'static str,
    pub template: &'static str,
    pub legacy: bool,
}

/// All constants above, in file order.
pub static CATALOG: &[MessageInfo] = &[
    MessageInfo {
        name: "PARSE_MISSING_END_CURLY_BRACE",
        resx: "ParserStrings.resx",
        key: "MissingEndCurlyBrace",
        error_id: "MissingEndCurlyBrace",
        category: "ParserError",
        template: PARSE_MISSING_END_CURLY_BRACE,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_MISSING_END_PAREN_IN_EXPRESSION",
        resx: "ParserStrings.resx",
        key: "MissingEndParenthesisInExpression",
        error_id: "MissingEndParenthesisInExpression",
        category: "ParserError",
        template: PARSE_MISSING_END_PAREN_IN_EXPRESSION,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_MISSING_END_PAREN_IN_SUBEXPRESSION",
        resx: "ParserStrings.resx",
        key: "MissingEndParenthesisInSubexpression",
        error_id: "MissingEndParenthesisInSubexpression",
        category: "ParserError",
        template: PARSE_MISSING_END_PAREN_IN_SUBEXPRESSION,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_MISSING_END_PAREN_IN_METHOD_CALL",
        resx: "ParserStrings.resx",
        key: "MissingEndParenthesisInMethodCall",
        error_id: "MissingEndParenthesisInMethodCall",
        category: "ParserError",
        template: PARSE_MISSING_END_PAREN_IN_METHOD_CALL,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_MISSING_END_PAREN_IN_FUNCTION_PARAMETER_LIST",
        resx: "ParserStrings.resx",
        key: "MissingEndParenthesisInFunctionParameterList",
        error_id: "MissingEndParenthesisInFunctionParameterList",
        category: "ParserError",
        template: PARSE_MISSING_END_PAREN_IN_FUNCTION_PARAMETER_LIST,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_MISSING_END_PAREN_AFTER_STATEMENT",
        resx: "ParserStrings.resx",
        key: "MissingEndParenthesisAfterStatement",
        error_id: "MissingEndParenthesisAfterStatement",
        category: "ParserError",
        template: PARSE_MISSING_END_PAREN_AFTER_STATEMENT,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_MISSING_END_PAREN_AFTER_FOREACH",
        resx: "ParserStrings.resx",
        key: "MissingEndParenthesisAfterForeach",
        error_id: "MissingEndParenthesisAfterForeach",
        category: "ParserError",
        template: PARSE_MISSING_END_PAREN_AFTER_FOREACH,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_MISSING_END_PAREN_IN_SWITCH",
        resx: "ParserStrings.resx",
        key: "MissingEndParenthesisInSwitchStatement",
        error_id: "MissingEndParenthesisInSwitchStatement",
        category: "ParserError",
        template: PARSE_MISSING_END_PAREN_IN_SWITCH,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_MISSING_END_SQUARE_BRACKET",
        resx: "ParserStrings.resx",
        key: "MissingEndSquareBracket",
        error_id: "MissingEndSquareBracket",
        category: "ParserError",
        template: PARSE_MISSING_END_SQUARE_BRACKET,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_END_SQUARE_BRACKET_EXPECTED_AT_END_OF_ATTRIBUTE",
        resx: "ParserStrings.resx",
        key: "EndSquareBracketExpectedAtEndOfAttribute",
        error_id: "EndSquareBracketExpectedAtEndOfAttribute",
        category: "ParserError",
        template: PARSE_END_SQUARE_BRACKET_EXPECTED_AT_END_OF_ATTRIBUTE,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_END_SQUARE_BRACKET_EXPECTED_AT_END_OF_TYPE",
        resx: "ParserStrings.resx",
        key: "EndSquareBracketExpectedAtEndOfType",
        error_id: "EndSquareBracketExpectedAtEndOfType",
        category: "ParserError",
        template: PARSE_END_SQUARE_BRACKET_EXPECTED_AT_END_OF_TYPE,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_MISSING_CURLY_BRACE_IN_SWITCH",
        resx: "ParserStrings.resx",
        key: "MissingCurlyBraceInSwitchStatement",
        error_id: "MissingCurlyBraceInSwitchStatement",
        category: "ParserError",
        template: PARSE_MISSING_CURLY_BRACE_IN_SWITCH,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_INCOMPLETE_DOLLAR_SUBEXPRESSION_REFERENCE",
        resx: "ParserStrings.resx",
        key: "IncompleteDollarSubexpressionReference",
        error_id: "IncompleteDollarSubexpressionReference",
        category: "ParserError",
        template: PARSE_INCOMPLETE_DOLLAR_SUBEXPRESSION_REFERENCE,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_INCOMPLETE_DOLLAR_VARIABLE_REFERENCE",
        resx: "ParserStrings.resx",
        key: "IncompleteDollarVariableReference",
        error_id: "IncompleteDollarVariableReference",
        category: "ParserError",
        template: PARSE_INCOMPLETE_DOLLAR_VARIABLE_REFERENCE,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_MISSING_STATEMENT_BLOCK",
        resx: "ParserStrings.resx",
        key: "MissingStatementBlock",
        error_id: "MissingStatementBlock",
        category: "ParserError",
        template: PARSE_MISSING_STATEMENT_BLOCK,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_MISSING_STATEMENT_BLOCK_AFTER_ELSE",
        resx: "ParserStrings.resx",
        key: "MissingStatementBlockAfterElse",
        error_id: "MissingStatementBlockAfterElse",
        category: "ParserError",
        template: PARSE_MISSING_STATEMENT_BLOCK_AFTER_ELSE,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_MISSING_FOREACH_STATEMENT",
        resx: "ParserStrings.resx",
        key: "MissingForeachStatement",
        error_id: "MissingForeachStatement",
        category: "ParserError",
        template: PARSE_MISSING_FOREACH_STATEMENT,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_MISSING_LOOP_STATEMENT",
        resx: "ParserStrings.resx",
        key: "MissingLoopStatement",
        error_id: "MissingLoopStatement",
        category: "ParserError",
        template: PARSE_MISSING_LOOP_STATEMENT,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_MISSING_SWITCH_STATEMENT_CLAUSE",
        resx: "ParserStrings.resx",
        key: "MissingSwitchStatementClause",
        error_id: "MissingSwitchStatementClause",
        category: "ParserError",
        template: PARSE_MISSING_SWITCH_STATEMENT_CLAUSE,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_MISSING_TRY_STATEMENT_BLOCK",
        resx: "ParserStrings.resx",
        key: "MissingTryStatementBlock",
        error_id: "MissingTryStatementBlock",
        category: "ParserError",
        template: PARSE_MISSING_TRY_STATEMENT_BLOCK,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_MISSING_CATCH_OR_FINALLY",
        resx: "ParserStrings.resx",
        key: "MissingCatchOrFinally",
        error_id: "MissingCatchOrFinally",
        category: "ParserError",
        template: PARSE_MISSING_CATCH_OR_FINALLY,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_MISSING_CATCH_HANDLER_BLOCK",
        resx: "ParserStrings.resx",
        key: "MissingCatchHandlerBlock",
        error_id: "MissingCatchHandlerBlock",
        category: "ParserError",
        template: PARSE_MISSING_CATCH_HANDLER_BLOCK,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_MISSING_FINALLY_STATEMENT_BLOCK",
        resx: "ParserStrings.resx",
        key: "MissingFinallyStatementBlock",
        error_id: "MissingFinallyStatementBlock",
        category: "ParserError",
        template: PARSE_MISSING_FINALLY_STATEMENT_BLOCK,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_MISSING_TRY_STATEMENT_LEGACY",
        resx: "ParserStrings.resx",
        key: "MissingTryStatement",
        error_id: "MissingTryStatement",
        category: "ParserError",
        template: PARSE_MISSING_TRY_STATEMENT_LEGACY,
        legacy: true,
    },
    MessageInfo {
        name: "PARSE_MISSING_TRAP_STATEMENT",
        resx: "ParserStrings.resx",
        key: "MissingTrapStatement",
        error_id: "MissingTrapStatement",
        category: "ParserError",
        template: PARSE_MISSING_TRAP_STATEMENT,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_MISSING_FUNCTION_BODY",
        resx: "ParserStrings.resx",
        key: "MissingFunctionBody",
        error_id: "MissingFunctionBody",
        category: "ParserError",
        template: PARSE_MISSING_FUNCTION_BODY,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_MISSING_NAMED_STATEMENT_BLOCK",
        resx: "ParserStrings.resx",
        key: "MissingNamedStatementBlock",
        error_id: "MissingNamedStatementBlock",
        category: "ParserError",
        template: PARSE_MISSING_NAMED_STATEMENT_BLOCK,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_MISSING_STATEMENT_BLOCK_FOR_DATA_SECTION",
        resx: "ParserStrings.resx",
        key: "MissingStatementBlockForDataSection",
        error_id: "MissingStatementBlockForDataSection",
        category: "ParserError",
        template: PARSE_MISSING_STATEMENT_BLOCK_FOR_DATA_SECTION,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_MISSING_STATEMENT_AFTER_KEYWORD",
        resx: "ParserStrings.resx",
        key: "MissingStatementAfterKeyword",
        error_id: "MissingStatementAfterKeyword",
        category: "ParserError",
        template: PARSE_MISSING_STATEMENT_AFTER_KEYWORD,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_MISSING_TYPE_BODY",
        resx: "ParserStrings.resx",
        key: "MissingTypeBody",
        error_id: "MissingTypeBody",
        category: "ParserError",
        template: PARSE_MISSING_TYPE_BODY,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_MISSING_NAMED_BLOCKS",
        resx: "ParserStrings.resx",
        key: "MissingNamedBlocks",
        error_id: "MissingNamedBlocks",
        category: "ParserError",
        template: PARSE_MISSING_NAMED_BLOCKS,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_DUPLICATE_SCRIPT_COMMAND_CLAUSE",
        resx: "ParserStrings.resx",
        key: "DuplicateScriptCommandClause",
        error_id: "DuplicateScriptCommandClause",
        category: "ParserError",
        template: PARSE_DUPLICATE_SCRIPT_COMMAND_CLAUSE,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_MISSING_OPEN_PAREN_IN_IF",
        resx: "ParserStrings.resx",
        key: "MissingOpenParenthesisInIfStatement",
        error_id: "MissingOpenParenthesisInIfStatement",
        category: "ParserError",
        template: PARSE_MISSING_OPEN_PAREN_IN_IF,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_IF_STATEMENT_MISSING_CONDITION",
        resx: "ParserStrings.resx",
        key: "IfStatementMissingCondition",
        error_id: "IfStatementMissingCondition",
        category: "ParserError",
        template: PARSE_IF_STATEMENT_MISSING_CONDITION,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_MISSING_OPEN_PAREN_AFTER_KEYWORD",
        resx: "ParserStrings.resx",
        key: "MissingOpenParenthesisAfterKeyword",
        error_id: "MissingOpenParenthesisAfterKeyword",
        category: "ParserError",
        template: PARSE_MISSING_OPEN_PAREN_AFTER_KEYWORD,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_MISSING_EXPRESSION_AFTER_KEYWORD",
        resx: "ParserStrings.resx",
        key: "MissingExpressionAfterKeyword",
        error_id: "MissingExpressionAfterKeyword",
        category: "ParserError",
        template: PARSE_MISSING_EXPRESSION_AFTER_KEYWORD,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_MISSING_WHILE_OR_UNTIL_IN_DO",
        resx: "ParserStrings.resx",
        key: "MissingWhileOrUntilInDoWhile",
        error_id: "MissingWhileOrUntilInDoWhile",
        category: "ParserError",
        template: PARSE_MISSING_WHILE_OR_UNTIL_IN_DO,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_MISSING_VARIABLE_NAME_AFTER_FOREACH",
        resx: "ParserStrings.resx",
        key: "MissingVariableNameAfterForeach",
        error_id: "MissingVariableNameAfterForeach",
        category: "ParserError",
        template: PARSE_MISSING_VARIABLE_NAME_AFTER_FOREACH,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_MISSING_IN_IN_FOREACH",
        resx: "ParserStrings.resx",
        key: "MissingInInForeach",
        error_id: "MissingInInForeach",
        category: "ParserError",
        template: PARSE_MISSING_IN_IN_FOREACH,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_MISSING_FOREACH_EXPRESSION",
        resx: "ParserStrings.resx",
        key: "MissingForeachExpression",
        error_id: "MissingForeachExpression",
        category: "ParserError",
        template: PARSE_MISSING_FOREACH_EXPRESSION,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_INVALID_FOREACH_FLAG",
        resx: "ParserStrings.resx",
        key: "InvalidForeachFlag",
        error_id: "InvalidForeachFlag",
        category: "ParserError",
        template: PARSE_INVALID_FOREACH_FLAG,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_MISSING_THROTTLE_LIMIT",
        resx: "ParserStrings.resx",
        key: "MissingThrottleLimit",
        error_id: "MissingThrottleLimit",
        category: "ParserError",
        template: PARSE_MISSING_THROTTLE_LIMIT,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_PIPELINE_VALUE_REQUIRED",
        resx: "ParserStrings.resx",
        key: "PipelineValueRequired",
        error_id: "PipelineValueRequired",
        category: "ParserError",
        template: PARSE_PIPELINE_VALUE_REQUIRED,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_MISSING_SWITCH_CONDITION_EXPRESSION",
        resx: "ParserStrings.resx",
        key: "MissingSwitchConditionExpression",
        error_id: "MissingSwitchConditionExpression",
        category: "ParserError",
        template: PARSE_MISSING_SWITCH_CONDITION_EXPRESSION,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_MULTIPLE_SWITCH_DEFAULT_CLAUSES",
        resx: "ParserStrings.resx",
        key: "MultipleSwitchDefaultClauses",
        error_id: "MultipleSwitchDefaultClauses",
        category: "ParserError",
        template: PARSE_MULTIPLE_SWITCH_DEFAULT_CLAUSES,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_INVALID_SWITCH_FLAG",
        resx: "ParserStrings.resx",
        key: "InvalidSwitchFlag",
        error_id: "InvalidSwitchFlag",
        category: "ParserError",
        template: PARSE_INVALID_SWITCH_FLAG,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_MISSING_FILENAME_OPTION",
        resx: "ParserStrings.resx",
        key: "MissingFilenameOption",
        error_id: "MissingFilenameOption",
        category: "ParserError",
        template: PARSE_MISSING_FILENAME_OPTION,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_MISSING_TYPE_LITERAL_TOKEN",
        resx: "ParserStrings.resx",
        key: "MissingTypeLiteralToken",
        error_id: "MissingTypeLiteralToken",
        category: "ParserError",
        template: PARSE_MISSING_TYPE_LITERAL_TOKEN,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_EXCEPTION_TYPE_ALREADY_CAUGHT",
        resx: "ParserStrings.resx",
        key: "ExceptionTypeAlreadyCaught",
        error_id: "ExceptionTypeAlreadyCaught",
        category: "ParserError",
        template: PARSE_EXCEPTION_TYPE_ALREADY_CAUGHT,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_EMPTY_CATCH_NOT_LAST",
        resx: "ParserStrings.resx",
        key: "EmptyCatchNotLast",
        error_id: "EmptyCatchNotLast",
        category: "ParserError",
        template: PARSE_EMPTY_CATCH_NOT_LAST,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_UNEXPECTED_TOKEN",
        resx: "ParserStrings.resx",
        key: "UnexpectedToken",
        error_id: "UnexpectedToken",
        category: "ParserError",
        template: PARSE_UNEXPECTED_TOKEN,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_UNEXPECTED_ATTRIBUTE",
        resx: "ParserStrings.resx",
        key: "UnexpectedAttribute",
        error_id: "UnexpectedAttribute",
        category: "ParserError",
        template: PARSE_UNEXPECTED_ATTRIBUTE,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_UNEXPECTED_KEYWORD",
        resx: "ParserStrings.resx",
        key: "UnexpectedKeyword",
        error_id: "UnexpectedKeyword",
        category: "ParserError",
        template: PARSE_UNEXPECTED_KEYWORD,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_REDIRECTION_NOT_SUPPORTED",
        resx: "ParserStrings.resx",
        key: "RedirectionNotSupported",
        error_id: "RedirectionNotSupported",
        category: "ParserError",
        template: PARSE_REDIRECTION_NOT_SUPPORTED,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_MISSING_FILE_SPECIFICATION",
        resx: "ParserStrings.resx",
        key: "MissingFileSpecification",
        error_id: "MissingFileSpecification",
        category: "ParserError",
        template: PARSE_MISSING_FILE_SPECIFICATION,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_STREAM_ALREADY_REDIRECTED",
        resx: "ParserStrings.resx",
        key: "StreamAlreadyRedirected",
        error_id: "StreamAlreadyRedirected",
        category: "ParserError",
        template: PARSE_STREAM_ALREADY_REDIRECTED,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_STREAM_NAME_ALL",
        resx: "ParserStrings.resx",
        key: "AllStream",
        error_id: "(n/a - fragment)",
        category: "ParserError",
        template: PARSE_STREAM_NAME_ALL,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_STREAM_NAME_OUTPUT",
        resx: "ParserStrings.resx",
        key: "OutputStream",
        error_id: "(n/a - fragment)",
        category: "ParserError",
        template: PARSE_STREAM_NAME_OUTPUT,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_STREAM_NAME_ERROR",
        resx: "ParserStrings.resx",
        key: "ErrorStream",
        error_id: "(n/a - fragment)",
        category: "ParserError",
        template: PARSE_STREAM_NAME_ERROR,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_STREAM_NAME_WARNING",
        resx: "ParserStrings.resx",
        key: "WarningStream",
        error_id: "(n/a - fragment)",
        category: "ParserError",
        template: PARSE_STREAM_NAME_WARNING,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_STREAM_NAME_VERBOSE",
        resx: "ParserStrings.resx",
        key: "VerboseStream",
        error_id: "(n/a - fragment)",
        category: "ParserError",
        template: PARSE_STREAM_NAME_VERBOSE,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_STREAM_NAME_DEBUG",
        resx: "ParserStrings.resx",
        key: "DebugStream",
        error_id: "(n/a - fragment)",
        category: "ParserError",
        template: PARSE_STREAM_NAME_DEBUG,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_STREAM_NAME_INFORMATION",
        resx: "ParserStrings.resx",
        key: "InformationStream",
        error_id: "(n/a - fragment)",
        category: "ParserError",
        template: PARSE_STREAM_NAME_INFORMATION,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_EMPTY_PIPE_ELEMENT",
        resx: "ParserStrings.resx",
        key: "EmptyPipeElement",
        error_id: "EmptyPipeElement",
        category: "ParserError",
        template: PARSE_EMPTY_PIPE_ELEMENT,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_EXPRESSIONS_MUST_BE_FIRST_IN_PIPELINE",
        resx: "ParserStrings.resx",
        key: "ExpressionsMustBeFirstInPipeline",
        error_id: "ExpressionsMustBeFirstInPipeline",
        category: "ParserError",
        template: PARSE_EXPRESSIONS_MUST_BE_FIRST_IN_PIPELINE,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_MISSING_EXPRESSION",
        resx: "ParserStrings.resx",
        key: "MissingExpression",
        error_id: "MissingExpression",
        category: "ParserError",
        template: PARSE_MISSING_EXPRESSION,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_MISSING_ARGUMENT",
        resx: "ParserStrings.resx",
        key: "MissingArgument",
        error_id: "MissingArgument",
        category: "ParserError",
        template: PARSE_MISSING_ARGUMENT,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_PARAMETER_REQUIRES_ARGUMENT",
        resx: "ParserStrings.resx",
        key: "ParameterRequiresArgument",
        error_id: "ParameterRequiresArgument",
        category: "ParserError",
        template: PARSE_PARAMETER_REQUIRES_ARGUMENT,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_EMPTY_PIPELINE_CHAIN_ELEMENT",
        resx: "ParserStrings.resx",
        key: "EmptyPipelineChainElement",
        error_id: "EmptyPipelineChainElement",
        category: "ParserError",
        template: PARSE_EMPTY_PIPELINE_CHAIN_ELEMENT,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_BACKGROUND_OPERATOR_IN_PIPELINE_CHAIN",
        resx: "ParserStrings.resx",
        key: "BackgroundOperatorInPipelineChain",
        error_id: "BackgroundOperatorInPipelineChain",
        category: "ParserError",
        template: PARSE_BACKGROUND_OPERATOR_IN_PIPELINE_CHAIN,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_MISSING_COLON_IN_TERNARY",
        resx: "ParserStrings.resx",
        key: "MissingColonInTernaryExpression",
        error_id: "MissingColonInTernaryExpression",
        category: "ParserError",
        template: PARSE_MISSING_COLON_IN_TERNARY,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_EXPECTED_VALUE_EXPRESSION",
        resx: "ParserStrings.resx",
        key: "ExpectedValueExpression",
        error_id: "ExpectedValueExpression",
        category: "ParserError",
        template: PARSE_EXPECTED_VALUE_EXPRESSION,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_MISSING_EXPRESSION_AFTER_OPERATOR",
        resx: "ParserStrings.resx",
        key: "MissingExpressionAfterOperator",
        error_id: "MissingExpressionAfterOperator",
        category: "ParserError",
        template: PARSE_MISSING_EXPRESSION_AFTER_OPERATOR,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_MISSING_EXPRESSION_AFTER_TOKEN",
        resx: "ParserStrings.resx",
        key: "MissingExpressionAfterToken",
        error_id: "MissingExpressionAfterToken",
        category: "ParserError",
        template: PARSE_MISSING_EXPRESSION_AFTER_TOKEN,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_EXPECTED_EXPRESSION",
        resx: "ParserStrings.resx",
        key: "ExpectedExpression",
        error_id: "ExpectedExpression",
        category: "ParserError",
        template: PARSE_EXPECTED_EXPRESSION,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_MISSING_ARRAY_INDEX_EXPRESSION",
        resx: "ParserStrings.resx",
        key: "MissingArrayIndexExpression",
        error_id: "MissingArrayIndexExpression",
        category: "ParserError",
        template: PARSE_MISSING_ARRAY_INDEX_EXPRESSION,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_MISSING_PROPERTY_NAME",
        resx: "ParserStrings.resx",
        key: "MissingPropertyName",
        error_id: "MissingPropertyName",
        category: "ParserError",
        template: PARSE_MISSING_PROPERTY_NAME,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_MISSING_TYPENAME",
        resx: "ParserStrings.resx",
        key: "MissingTypename",
        error_id: "MissingTypename",
        category: "ParserError",
        template: PARSE_MISSING_TYPENAME,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_MISSING_ASSEMBLY_NAME_SPECIFICATION",
        resx: "ParserStrings.resx",
        key: "MissingAssemblyNameSpecification",
        error_id: "MissingAssemblyNameSpecification",
        category: "ParserError",
        template: PARSE_MISSING_ASSEMBLY_NAME_SPECIFICATION,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_ARRAY_HAS_TOO_MANY_DIMENSIONS",
        resx: "ParserStrings.resx",
        key: "ArrayHasTooManyDimensions",
        error_id: "ArrayHasTooManyDimensions",
        category: "ParserError",
        template: PARSE_ARRAY_HAS_TOO_MANY_DIMENSIONS,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_INVALID_LEFT_HAND_SIDE",
        resx: "ParserStrings.resx",
        key: "InvalidLeftHandSide",
        error_id: "InvalidLeftHandSide",
        category: "ParserError",
        template: PARSE_INVALID_LEFT_HAND_SIDE,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_VOID_TYPE_CONSTRAINT_NOT_ALLOWED",
        resx: "ParserStrings.resx",
        key: "VoidTypeConstraintNotAllowed",
        error_id: "VoidTypeConstraintNotAllowed",
        category: "ParserError",
        template: PARSE_VOID_TYPE_CONSTRAINT_NOT_ALLOWED,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_TYPE_NOT_ALLOWED_BEFORE_PARAM",
        resx: "ParserStrings.resx",
        key: "TypeNotAllowedBeforeParam",
        error_id: "TypeNotAllowedBeforeParam",
        category: "ParserError",
        template: PARSE_TYPE_NOT_ALLOWED_BEFORE_PARAM,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_TYPE_NOT_ALLOWED_BEFORE_STATEMENT",
        resx: "ParserStrings.resx",
        key: "TypeNotAllowedBeforeStatement",
        error_id: "TypeNotAllowedBeforeStatement",
        category: "ParserError",
        template: PARSE_TYPE_NOT_ALLOWED_BEFORE_STATEMENT,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_RESERVED_KEYWORD_NOT_ALLOWED",
        resx: "ParserStrings.resx",
        key: "ReservedKeywordNotAllowed",
        error_id: "ReservedKeywordNotAllowed",
        category: "ParserError",
        template: PARSE_RESERVED_KEYWORD_NOT_ALLOWED,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_INVALID_END_OF_LINE",
        resx: "ParserStrings.resx",
        key: "InvalidEndOfLine",
        error_id: "InvalidEndOfLine",
        category: "ParserError",
        template: PARSE_INVALID_END_OF_LINE,
        legacy: true,
    },
    MessageInfo {
        name: "PARSE_MISSING_STATEMENT_TERMINATOR",
        resx: "ParserStrings.resx",
        key: "MissingStatementTerminator",
        error_id: "MissingStatementTerminator",
        category: "ParserError",
        template: PARSE_MISSING_STATEMENT_TERMINATOR,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_USING_MUST_BE_AT_START_OF_SCRIPT",
        resx: "ParserStrings.resx",
        key: "UsingMustBeAtStartOfScript",
        error_id: "UsingMustBeAtStartOfScript",
        category: "ParserError",
        template: PARSE_USING_MUST_BE_AT_START_OF_SCRIPT,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_DUPLICATE_NAMED_ARGUMENT",
        resx: "ParserStrings.resx",
        key: "DuplicateNamedArgument",
        error_id: "DuplicateNamedArgument",
        category: "ParserError",
        template: PARSE_DUPLICATE_NAMED_ARGUMENT,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_MISSING_EXPRESSION_IN_NAMED_ARGUMENT",
        resx: "ParserStrings.resx",
        key: "MissingExpressionInNamedArgument",
        error_id: "MissingExpressionInNamedArgument",
        category: "ParserError",
        template: PARSE_MISSING_EXPRESSION_IN_NAMED_ARGUMENT,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_SPLATTING_NOT_PERMITTED",
        resx: "ParserStrings.resx",
        key: "SplattingNotPermitted",
        error_id: "SplattingNotPermitted",
        category: "ParserError",
        template: PARSE_SPLATTING_NOT_PERMITTED,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_SPLATTING_NOT_PERMITTED_IN_ARGUMENT_LIST",
        resx: "ParserStrings.resx",
        key: "SplattingNotPermittedInArgumentList",
        error_id: "SplattingNotPermittedInArgumentList",
        category: "ParserError",
        template: PARSE_SPLATTING_NOT_PERMITTED_IN_ARGUMENT_LIST,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_OPERATOR_REQUIRES_VARIABLE_OR_PROPERTY",
        resx: "ParserStrings.resx",
        key: "OperatorRequiresVariableOrProperty",
        error_id: "OperatorRequiresVariableOrProperty",
        category: "ParserError",
        template: PARSE_OPERATOR_REQUIRES_VARIABLE_OR_PROPERTY,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_MISSING_EQUALS_IN_HASH_LITERAL",
        resx: "ParserStrings.resx",
        key: "MissingEqualsInHashLiteral",
        error_id: "MissingEqualsInHashLiteral",
        category: "ParserError",
        template: PARSE_MISSING_EQUALS_IN_HASH_LITERAL,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_MISSING_STATEMENT_IN_HASH_LITERAL",
        resx: "ParserStrings.resx",
        key: "MissingStatementInHashLiteral",
        error_id: "MissingStatementInHashLiteral",
        category: "ParserError",
        template: PARSE_MISSING_STATEMENT_IN_HASH_LITERAL,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_DUPLICATE_KEY_IN_HASH_LITERAL",
        resx: "ParserStrings.resx",
        key: "DuplicateKeyInHashLiteral",
        error_id: "DuplicateKeyInHashLiteral",
        category: "ParserError",
        template: PARSE_DUPLICATE_KEY_IN_HASH_LITERAL,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_INVALID_NULL_KEY",
        resx: "ParserStrings.resx",
        key: "InvalidNullKey",
        error_id: "InvalidNullKey",
        category: "ParserError",
        template: PARSE_INVALID_NULL_KEY,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_MISSING_KEY_IN_HASH_LITERAL_LEGACY",
        resx: "ParserStrings.resx",
        key: "MissingKeyInHashLiteral",
        error_id: "MissingKeyInHashLiteral",
        category: "ParserError",
        template: PARSE_MISSING_KEY_IN_HASH_LITERAL_LEGACY,
        legacy: true,
    },
    MessageInfo {
        name: "PARSE_MISSING_NAME_AFTER_KEYWORD",
        resx: "ParserStrings.resx",
        key: "MissingNameAfterKeyword",
        error_id: "MissingNameAfterKeyword",
        category: "ParserError",
        template: PARSE_MISSING_NAME_AFTER_KEYWORD,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_INVALID_FUNCTION_PARAMETER",
        resx: "ParserStrings.resx",
        key: "InvalidFunctionParameter",
        error_id: "InvalidFunctionParameter",
        category: "ParserError",
        template: PARSE_INVALID_FUNCTION_PARAMETER,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_DUPLICATE_FORMAL_PARAMETER",
        resx: "ParserStrings.resx",
        key: "DuplicateFormalParameter",
        error_id: "DuplicateFormalParameter",
        category: "ParserError",
        template: PARSE_DUPLICATE_FORMAL_PARAMETER,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_ONLY_ONE_PARAMETER_LIST_ALLOWED",
        resx: "ParserStrings.resx",
        key: "OnlyOneParameterListAllowed",
        error_id: "OnlyOneParameterListAllowed",
        category: "ParserError",
        template: PARSE_ONLY_ONE_PARAMETER_LIST_ALLOWED,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_PARAMETER_ATTRIBUTE_ARGUMENT_CONSTANT_OR_SCRIPTBLOCK",
        resx: "ParserStrings.resx",
        key: "ParameterAttributeArgumentNeedsToBeConstantOrScriptBlock",
        error_id: "ParameterAttributeArgumentNeedsToBeConstantOrScriptBlock",
        category: "ParserError",
        template: PARSE_PARAMETER_ATTRIBUTE_ARGUMENT_CONSTANT_OR_SCRIPTBLOCK,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_PARAMETER_ATTRIBUTE_ARGUMENT_CONSTANT",
        resx: "ParserStrings.resx",
        key: "ParameterAttributeArgumentNeedsToBeConstant",
        error_id: "ParameterAttributeArgumentNeedsToBeConstant",
        category: "ParserError",
        template: PARSE_PARAMETER_ATTRIBUTE_ARGUMENT_CONSTANT,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_MISSING_PROPERTY_TERMINATOR",
        resx: "ParserStrings.resx",
        key: "MissingPropertyTerminator",
        error_id: "MissingPropertyTerminator",
        category: "ParserError",
        template: PARSE_MISSING_PROPERTY_TERMINATOR,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_INCOMPLETE_MEMBER_DEFINITION",
        resx: "ParserStrings.resx",
        key: "IncompleteMemberDefinition",
        error_id: "IncompleteMemberDefinition",
        category: "ParserError",
        template: PARSE_INCOMPLETE_MEMBER_DEFINITION,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_MISSING_METHOD_PARAMETER_LIST",
        resx: "ParserStrings.resx",
        key: "MissingMethodParameterList",
        error_id: "MissingMethodParameterList",
        category: "ParserError",
        template: PARSE_MISSING_METHOD_PARAMETER_LIST,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_TYPE_NAME_EXPECTED",
        resx: "ParserStrings.resx",
        key: "TypeNameExpected",
        error_id: "TypeNameExpected",
        category: "ParserError",
        template: PARSE_TYPE_NAME_EXPECTED,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_MEMBER_ALREADY_DEFINED",
        resx: "ParserStrings.resx",
        key: "MemberAlreadyDefined",
        error_id: "MemberAlreadyDefined",
        category: "ParserError",
        template: PARSE_MEMBER_ALREADY_DEFINED,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_TERMINATOR_EXPECTED_AT_END_OF_STRING",
        resx: "ParserStrings.resx",
        key: "TerminatorExpectedAtEndOfString",
        error_id: "TerminatorExpectedAtEndOfString",
        category: "ParserError",
        template: PARSE_TERMINATOR_EXPECTED_AT_END_OF_STRING,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_WHITESPACE_BEFORE_HERE_STRING_FOOTER",
        resx: "ParserStrings.resx",
        key: "WhitespaceBeforeHereStringFooter",
        error_id: "WhitespaceBeforeHereStringFooter",
        category: "ParserError",
        template: PARSE_WHITESPACE_BEFORE_HERE_STRING_FOOTER,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_UNEXPECTED_CHARACTERS_AFTER_HERE_STRING_HEADER",
        resx: "ParserStrings.resx",
        key: "UnexpectedCharactersAfterHereStringHeader",
        error_id: "UnexpectedCharactersAfterHereStringHeader",
        category: "ParserError",
        template: PARSE_UNEXPECTED_CHARACTERS_AFTER_HERE_STRING_HEADER,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_MISSING_TERMINATOR_MULTILINE_COMMENT",
        resx: "ParserStrings.resx",
        key: "MissingTerminatorMultiLineComment",
        error_id: "MissingTerminatorMultiLineComment",
        category: "ParserError",
        template: PARSE_MISSING_TERMINATOR_MULTILINE_COMMENT,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_INCOMPLETE_STRING",
        resx: "ParserStrings.resx",
        key: "IncompleteString",
        error_id: "IncompleteString",
        category: "ParserError",
        template: PARSE_INCOMPLETE_STRING,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_INVALID_VARIABLE_REFERENCE",
        resx: "ParserStrings.resx",
        key: "InvalidVariableReference",
        error_id: "InvalidVariableReference",
        category: "ParserError",
        template: PARSE_INVALID_VARIABLE_REFERENCE,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_INVALID_VARIABLE_REFERENCE_WITH_DRIVE",
        resx: "ParserStrings.resx",
        key: "InvalidVariableReferenceWithDrive",
        error_id: "InvalidVariableReferenceWithDrive",
        category: "ParserError",
        template: PARSE_INVALID_VARIABLE_REFERENCE_WITH_DRIVE,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_INVALID_BRACED_VARIABLE_REFERENCE",
        resx: "ParserStrings.resx",
        key: "InvalidBracedVariableReference",
        error_id: "InvalidBracedVariableReference",
        category: "ParserError",
        template: PARSE_INVALID_BRACED_VARIABLE_REFERENCE,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_EMPTY_VARIABLE_REFERENCE",
        resx: "ParserStrings.resx",
        key: "EmptyVariableReference",
        error_id: "EmptyVariableReference",
        category: "ParserError",
        template: PARSE_EMPTY_VARIABLE_REFERENCE,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_OPEN_BRACE_NEEDS_TO_BE_BACKTICKED_IN_VARIABLE_NAME",
        resx: "ParserStrings.resx",
        key: "OpenBraceNeedsToBeBackTickedInVariableName",
        error_id: "OpenBraceNeedsToBeBackTickedInVariableName",
        category: "ParserError",
        template: PARSE_OPEN_BRACE_NEEDS_TO_BE_BACKTICKED_IN_VARIABLE_NAME,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_BAD_NUMERIC_CONSTANT",
        resx: "ParserStrings.resx",
        key: "BadNumericConstant",
        error_id: "BadNumericConstant",
        category: "ParserError",
        template: PARSE_BAD_NUMERIC_CONSTANT,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_INVALID_UNICODE_ESCAPE_SEQUENCE",
        resx: "ParserStrings.resx",
        key: "InvalidUnicodeEscapeSequence",
        error_id: "InvalidUnicodeEscapeSequence",
        category: "ParserError",
        template: PARSE_INVALID_UNICODE_ESCAPE_SEQUENCE,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_INVALID_UNICODE_ESCAPE_SEQUENCE_VALUE",
        resx: "ParserStrings.resx",
        key: "InvalidUnicodeEscapeSequenceValue",
        error_id: "InvalidUnicodeEscapeSequenceValue",
        category: "ParserError",
        template: PARSE_INVALID_UNICODE_ESCAPE_SEQUENCE_VALUE,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_MISSING_UNICODE_ESCAPE_SEQUENCE_TERMINATOR",
        resx: "ParserStrings.resx",
        key: "MissingUnicodeEscapeSequenceTerminator",
        error_id: "MissingUnicodeEscapeSequenceTerminator",
        category: "ParserError",
        template: PARSE_MISSING_UNICODE_ESCAPE_SEQUENCE_TERMINATOR,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_TOO_MANY_DIGITS_IN_UNICODE_ESCAPE_SEQUENCE",
        resx: "ParserStrings.resx",
        key: "TooManyDigitsInUnicodeEscapeSequence",
        error_id: "TooManyDigitsInUnicodeEscapeSequence",
        category: "ParserError",
        template: PARSE_TOO_MANY_DIGITS_IN_UNICODE_ESCAPE_SEQUENCE,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_UNRECOGNIZED_TOKEN",
        resx: "ParserStrings.resx",
        key: "UnrecognizedToken",
        error_id: "UnrecognizedToken",
        category: "ParserError",
        template: PARSE_UNRECOGNIZED_TOKEN,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_TOKEN_AFTER_END_OF_VALID_SCRIPT_TEXT",
        resx: "ParserStrings.resx",
        key: "TokenAfterEndOfValidScriptText",
        error_id: "TokenAfterEndOfValidScriptText",
        category: "ParserError",
        template: PARSE_TOKEN_AFTER_END_OF_VALID_SCRIPT_TEXT,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_SCRIPT_TOO_COMPLICATED",
        resx: "ParserStrings.resx",
        key: "ScriptTooComplicated",
        error_id: "ScriptTooComplicated",
        category: "ParserError",
        template: PARSE_SCRIPT_TOO_COMPLICATED,
        legacy: false,
    },
    MessageInfo {
        name: "PARSE_TOO_MANY_ERRORS",
        resx: "ParserStrings.resx",
        key: "TooManyErrors",
        error_id: "TooManyErrors",
        category: "ParserError",
        template: PARSE_TOO_MANY_ERRORS,
        legacy: false,
    },
    MessageInfo {
        name: "DISC_COMMAND_NOT_FOUND",
        resx: "DiscoveryExceptions.resx",
        key: "CommandNotFoundException",
        error_id: "CommandNotFoundException",
        category: "ObjectNotFound",
        template: DISC_COMMAND_NOT_FOUND,
        legacy: false,
    },
    MessageInfo {
        name: "DISC_COMMAND_NOT_FOUND_LEGACY",
        resx: "DiscoveryExceptions.resx",
        key: "CommandNotFoundException",
        error_id: "CommandNotFoundException",
        category: "ObjectNotFound",
        template: DISC_COMMAND_NOT_FOUND_LEGACY,
        legacy: true,
    },
    MessageInfo {
        name: "DISC_ALIAS_NOT_RESOLVED",
        resx: "DiscoveryExceptions.resx",
        key: "AliasNotResolvedException",
        error_id: "AliasNotResolvedException",
        category: "ObjectNotFound",
        template: DISC_ALIAS_NOT_RESOLVED,
        legacy: false,
    },
    MessageInfo {
        name: "DISC_COULD_NOT_AUTO_IMPORT_MATCHING_MODULE",
        resx: "DiscoveryExceptions.resx",
        key: "CouldNotAutoImportMatchingModule",
        error_id: "CouldNotAutoloadMatchingModule",
        category: "ObjectNotFound",
        template: DISC_COULD_NOT_AUTO_IMPORT_MATCHING_MODULE,
        legacy: false,
    },
    MessageInfo {
        name: "DISC_COULD_NOT_AUTO_IMPORT_MATCHING_MODULE_WITH_ERROR",
        resx: "DiscoveryExceptions.resx",
        key: "CouldNotAutoImportMatchingModuleWithErrorMessage",
        error_id: "CouldNotAutoloadMatchingModule",
        category: "ObjectNotFound",
        template: DISC_COULD_NOT_AUTO_IMPORT_MATCHING_MODULE_WITH_ERROR,
        legacy: false,
    },
    MessageInfo {
        name: "DISC_REQUIRES_PS_VERSION_NOT_COMPATIBLE",
        resx: "DiscoveryExceptions.resx",
        key: "RequiresPSVersionNotCompatible",
        error_id: "ScriptRequiresUnmatchedPSVersion",
        category: "ResourceUnavailable",
        template: DISC_REQUIRES_PS_VERSION_NOT_COMPATIBLE,
        legacy: false,
    },
    MessageInfo {
        name: "DISC_REQUIRES_MISSING_MODULES",
        resx: "DiscoveryExceptions.resx",
        key: "RequiresMissingModules",
        error_id: "ScriptRequiresMissingModules",
        category: "ResourceUnavailable",
        template: DISC_REQUIRES_MISSING_MODULES,
        legacy: false,
    },
    MessageInfo {
        name: "DISC_REQUIRES_ELEVATION",
        resx: "DiscoveryExceptions.resx",
        key: "RequiresElevation",
        error_id: "ScriptRequiresElevation",
        category: "ResourceUnavailable",
        template: DISC_REQUIRES_ELEVATION,
        legacy: false,
    },
    MessageInfo {
        name: "PB_NAMED_PARAMETER_NOT_FOUND",
        resx: "ParameterBinderStrings.resx",
        key: "NamedParameterNotFound",
        error_id: "NamedParameterNotFound",
        category: "InvalidArgument",
        template: PB_NAMED_PARAMETER_NOT_FOUND,
        legacy: false,
    },
    MessageInfo {
        name: "PB_POSITIONAL_PARAMETER_NOT_FOUND",
        resx: "ParameterBinderStrings.resx",
        key: "PositionalParameterNotFound",
        error_id: "PositionalParameterNotFound",
        category: "InvalidArgument",
        template: PB_POSITIONAL_PARAMETER_NOT_FOUND,
        legacy: false,
    },
    MessageInfo {
        name: "PB_MISSING_ARGUMENT",
        resx: "ParameterBinderStrings.resx",
        key: "MissingArgument",
        error_id: "MissingArgument",
        category: "InvalidArgument",
        template: PB_MISSING_ARGUMENT,
        legacy: false,
    },
    MessageInfo {
        name: "PB_AMBIGUOUS_PARAMETER",
        resx: "ParameterBinderStrings.resx",
        key: "AmbiguousParameter",
        error_id: "AmbiguousParameter",
        category: "InvalidArgument",
        template: PB_AMBIGUOUS_PARAMETER,
        legacy: false,
    },
    MessageInfo {
        name: "PB_AMBIGUOUS_PARAMETER_SET",
        resx: "ParameterBinderStrings.resx",
        key: "AmbiguousParameterSet",
        error_id: "AmbiguousParameterSet",
        category: "InvalidArgument",
        template: PB_AMBIGUOUS_PARAMETER_SET,
        legacy: false,
    },
    MessageInfo {
        name: "PB_AMBIGUOUS_POSITIONAL_PARAMETER",
        resx: "ParameterBinderStrings.resx",
        key: "AmbiguousPositionalParameter",
        error_id: "AmbiguousPositionalParameter",
        category: "InvalidArgument",
        template: PB_AMBIGUOUS_POSITIONAL_PARAMETER,
        legacy: false,
    },
    MessageInfo {
        name: "PB_AMBIGUOUS_POSITIONAL_PARAMETER_NO_NAME",
        resx: "ParameterBinderStrings.resx",
        key: "AmbiguousPositionalParameterNoName",
        error_id: "AmbiguousPositionalParameterNoName",
        category: "InvalidArgument",
        template: PB_AMBIGUOUS_POSITIONAL_PARAMETER_NO_NAME,
        legacy: false,
    },
    MessageInfo {
        name: "PB_MISSING_MANDATORY_PARAMETER",
        resx: "ParameterBinderStrings.resx",
        key: "MissingMandatoryParameter",
        error_id: "MissingMandatoryParameter",
        category: "InvalidArgument",
        template: PB_MISSING_MANDATORY_PARAMETER,
        legacy: false,
    },
    MessageInfo {
        name: "PB_PARAMETER_NOT_IN_PARAMETER_SET",
        resx: "ParameterBinderStrings.resx",
        key: "ParameterNotInParameterSet",
        error_id: "ParameterNotInParameterSet",
        category: "InvalidArgument",
        template: PB_PARAMETER_NOT_IN_PARAMETER_SET,
        legacy: false,
    },
    MessageInfo {
        name: "PB_PARAMETER_ALREADY_BOUND",
        resx: "ParameterBinderStrings.resx",
        key: "ParameterAlreadyBound",
        error_id: "ParameterAlreadyBound",
        category: "InvalidArgument",
        template: PB_PARAMETER_ALREADY_BOUND,
        legacy: false,
    },
    MessageInfo {
        name: "PB_CANNOT_CONVERT_ARGUMENT",
        resx: "ParameterBinderStrings.resx",
        key: "CannotConvertArgument",
        error_id: "CannotConvertArgument",
        category: "InvalidArgument",
        template: PB_CANNOT_CONVERT_ARGUMENT,
        legacy: false,
    },
    MessageInfo {
        name: "PB_CANNOT_CONVERT_ARGUMENT_NO_MESSAGE",
        resx: "ParameterBinderStrings.resx",
        key: "CannotConvertArgumentNoMessage",
        error_id: "CannotConvertArgumentNoMessage",
        category: "InvalidArgument",
        template: PB_CANNOT_CONVERT_ARGUMENT_NO_MESSAGE,
        legacy: false,
    },
    MessageInfo {
        name: "PB_PARAMETER_ARGUMENT_TRANSFORMATION_ERROR",
        resx: "ParameterBinderStrings.resx",
        key: "ParameterArgumentTransformationError",
        error_id: "ParameterArgumentTransformationError",
        category: "InvalidData",
        template: PB_PARAMETER_ARGUMENT_TRANSFORMATION_ERROR,
        legacy: false,
    },
    MessageInfo {
        name: "PB_PARAMETER_ARGUMENT_TRANSFORMATION_ERROR_MESSAGE_ONLY",
        resx: "ParameterBinderStrings.resx",
        key: "ParameterArgumentTransformationErrorMessageOnly",
        error_id: "ParameterArgumentTransformationError",
        category: "InvalidData",
        template: PB_PARAMETER_ARGUMENT_TRANSFORMATION_ERROR_MESSAGE_ONLY,
        legacy: false,
    },
    MessageInfo {
        name: "PB_PARAMETER_ARGUMENT_VALIDATION_ERROR",
        resx: "ParameterBinderStrings.resx",
        key: "ParameterArgumentValidationError",
        error_id: "ParameterArgumentValidationError",
        category: "InvalidData",
        template: PB_PARAMETER_ARGUMENT_VALIDATION_ERROR,
        legacy: false,
    },
    MessageInfo {
        name: "PB_PARAMETER_BINDING_FAILED",
        resx: "ParameterBinderStrings.resx",
        key: "ParameterBindingFailed",
        error_id: "ParameterBindingFailed",
        category: "WriteError",
        template: PB_PARAMETER_BINDING_FAILED,
        legacy: false,
    },
    MessageInfo {
        name: "PB_ARGUMENT_NULL_NOT_ALLOWED",
        resx: "ParameterBinderStrings.resx",
        key: "ParameterArgumentValidationErrorNullNotAllowed",
        error_id: "ParameterArgumentValidationErrorNullNotAllowed",
        category: "InvalidData",
        template: PB_ARGUMENT_NULL_NOT_ALLOWED,
        legacy: false,
    },
    MessageInfo {
        name: "PB_ARGUMENT_EMPTY_STRING_NOT_ALLOWED",
        resx: "ParameterBinderStrings.resx",
        key: "ParameterArgumentValidationErrorEmptyStringNotAllowed",
        error_id: "ParameterArgumentValidationErrorEmptyStringNotAllowed",
        category: "InvalidData",
        template: PB_ARGUMENT_EMPTY_STRING_NOT_ALLOWED,
        legacy: false,
    },
    MessageInfo {
        name: "PB_ARGUMENT_EMPTY_COLLECTION_NOT_ALLOWED",
        resx: "ParameterBinderStrings.resx",
        key: "ParameterArgumentValidationErrorEmptyCollectionNotAllowed",
        error_id: "ParameterArgumentValidationErrorEmptyCollectionNotAllowed",
        category: "InvalidData",
        template: PB_ARGUMENT_EMPTY_COLLECTION_NOT_ALLOWED,
        legacy: false,
    },
    MessageInfo {
        name: "PB_ARGUMENT_EMPTY_ARRAY_NOT_ALLOWED",
        resx: "ParameterBinderStrings.resx",
        key: "ParameterArgumentValidationErrorEmptyArrayNotAllowed",
        error_id: "ParameterArgumentValidationErrorEmptyArrayNotAllowed",
        category: "InvalidData",
        template: PB_ARGUMENT_EMPTY_ARRAY_NOT_ALLOWED,
        legacy: false,
    },
    MessageInfo {
        name: "PB_INPUT_OBJECT_NOT_BOUND",
        resx: "ParameterBinderStrings.resx",
        key: "InputObjectNotBound",
        error_id: "InputObjectNotBound",
        category: "InvalidArgument",
        template: PB_INPUT_OBJECT_NOT_BOUND,
        legacy: false,
    },
    MessageInfo {
        name: "PB_INPUT_OBJECT_MISSING_MANDATORY",
        resx: "ParameterBinderStrings.resx",
        key: "InputObjectMissingMandatory",
        error_id: "InputObjectMissingMandatory",
        category: "InvalidArgument",
        template: PB_INPUT_OBJECT_MISSING_MANDATORY,
        legacy: false,
    },
    MessageInfo {
        name: "PB_SCRIPT_BLOCK_ARGUMENT_NO_INPUT",
        resx: "ParameterBinderStrings.resx",
        key: "ScriptBlockArgumentNoInput",
        error_id: "ScriptBlockArgumentNoInput",
        category: "MetadataError",
        template: PB_SCRIPT_BLOCK_ARGUMENT_NO_INPUT,
        legacy: false,
    },
    MessageInfo {
        name: "PB_SCRIPT_BLOCK_ARGUMENT_INVOCATION_FAILED",
        resx: "ParameterBinderStrings.resx",
        key: "ScriptBlockArgumentInvocationFailed",
        error_id: "ScriptBlockArgumentInvocationFailed",
        category: "InvalidArgument",
        template: PB_SCRIPT_BLOCK_ARGUMENT_INVOCATION_FAILED,
        legacy: false,
    },
    MessageInfo {
        name: "PB_SCRIPT_BLOCK_ARGUMENT_NO_OUTPUT",
        resx: "ParameterBinderStrings.resx",
        key: "ScriptBlockArgumentNoOutput",
        error_id: "ScriptBlockArgumentNoOutput",
        category: "InvalidArgument",
        template: PB_SCRIPT_BLOCK_ARGUMENT_NO_OUTPUT,
        legacy: false,
    },
    MessageInfo {
        name: "PB_GET_DYNAMIC_PARAMETERS_EXCEPTION",
        resx: "ParameterBinderStrings.resx",
        key: "GetDynamicParametersException",
        error_id: "GetDynamicParametersException",
        category: "InvalidArgument",
        template: PB_GET_DYNAMIC_PARAMETERS_EXCEPTION,
        legacy: false,
    },
    MessageInfo {
        name: "PB_MISMATCHED_PSTYPENAME",
        resx: "ParameterBinderStrings.resx",
        key: "MismatchedPSTypeName",
        error_id: "MismatchedPSTypeName",
        category: "InvalidArgument",
        template: PB_MISMATCHED_PSTYPENAME,
        legacy: false,
    },
    MessageInfo {
        name: "PB_DUPLICATE_PARAMETER_DEFINITION",
        resx: "ParameterBinderStrings.resx",
        key: "DuplicateParameterDefinition",
        error_id: "DuplicateParameterDefinition",
        category: "MetadataError",
        template: PB_DUPLICATE_PARAMETER_DEFINITION,
        legacy: false,
    },
    MessageInfo {
        name: "PB_PROMPT_MESSAGE",
        resx: "ParameterBinderStrings.resx",
        key: "PromptMessage",
        error_id: "(n/a - prompt text)",
        category: "(n/a)",
        template: PB_PROMPT_MESSAGE,
        legacy: false,
    },
    MessageInfo {
        name: "PB_PROMPT_CAPTION",
        resx: "ParameterBinderStrings.resx",
        key: "PromptCaption",
        error_id: "(n/a - prompt text)",
        category: "(n/a)",
        template: PB_PROMPT_CAPTION,
        legacy: false,
    },
    MessageInfo {
        name: "PB_USE_OF_DEPRECATED_PARAMETER_WARNING",
        resx: "ParameterBinderStrings.resx",
        key: "UseOfDeprecatedParameterWarning",
        error_id: "(warning)",
        category: "(n/a)",
        template: PB_USE_OF_DEPRECATED_PARAMETER_WARNING,
        legacy: false,
    },
    MessageInfo {
        name: "ETS_INVALID_CAST_FOR_BOOLEAN_ARGUMENT",
        resx: "ExtendedTypeSystem.resx",
        key: "InvalidCastExceptionForBooleanArgumentValue",
        error_id: "(wrapped; outer id CannotConvertArgumentNoMessage / ParameterArgumentTransformationError)",
        category: "InvalidArgument",
        template: ETS_INVALID_CAST_FOR_BOOLEAN_ARGUMENT,
        legacy: false,
    },
    MessageInfo {
        name: "META_VALIDATE_SET_FAILURE",
        resx: "Metadata.resx",
        key: "ValidateSetFailure",
        error_id: "ValidateSetFailure (inner) / ParameterArgumentValidationError (outer)",
        category: "InvalidData",
        template: META_VALIDATE_SET_FAILURE,
        legacy: false,
    },
    MessageInfo {
        name: "META_VALIDATE_NOT_NULL_FAILURE",
        resx: "Metadata.resx",
        key: "ValidateNotNullFailure",
        error_id: "ArgumentIsNull (inner, not re-verified) / ParameterArgumentValidationError (outer)",
        category: "InvalidData",
        template: META_VALIDATE_NOT_NULL_FAILURE,
        legacy: false,
    },
    MessageInfo {
        name: "META_VALIDATE_NOT_NULL_COLLECTION_FAILURE",
        resx: "Metadata.resx",
        key: "ValidateNotNullCollectionFailure",
        error_id: "ParameterArgumentValidationError (outer)",
        category: "InvalidData",
        template: META_VALIDATE_NOT_NULL_COLLECTION_FAILURE,
        legacy: false,
    },
    MessageInfo {
        name: "META_VALIDATE_NOT_NULL_OR_EMPTY_FAILURE",
        resx: "Metadata.resx",
        key: "ValidateNotNullOrEmptyFailure",
        error_id: "ArgumentIsNull / ArgumentIsEmpty (inner, not re-verified) / ParameterArgumentValidationError (outer)",
        category: "InvalidData",
        template: META_VALIDATE_NOT_NULL_OR_EMPTY_FAILURE,
        legacy: false,
    },
    MessageInfo {
        name: "META_VALIDATE_NOT_NULL_OR_EMPTY_COLLECTION_FAILURE",
        resx: "Metadata.resx",
        key: "ValidateNotNullOrEmptyCollectionFailure",
        error_id: "ParameterArgumentValidationError (outer)",
        category: "InvalidData",
        template: META_VALIDATE_NOT_NULL_OR_EMPTY_COLLECTION_FAILURE,
        legacy: false,
    },
    MessageInfo {
        name: "META_VALIDATE_NOT_NULL_OR_WHITESPACE_FAILURE",
        resx: "Metadata.resx",
        key: "ValidateNotNullOrWhiteSpaceFailure",
        error_id: "ParameterArgumentValidationError (outer)",
        category: "InvalidData",
        template: META_VALIDATE_NOT_NULL_OR_WHITESPACE_FAILURE,
        legacy: false,
    },
    MessageInfo {
        name: "META_VALIDATE_NOT_NULL_OR_WHITESPACE_COLLECTION_FAILURE",
        resx: "Metadata.resx",
        key: "ValidateNotNullOrWhiteSpaceCollectionFailure",
        error_id: "ParameterArgumentValidationError (outer)",
        category: "InvalidData",
        template: META_VALIDATE_NOT_NULL_OR_WHITESPACE_COLLECTION_FAILURE,
        legacy: false,
    },
    MessageInfo {
        name: "META_VALIDATE_PATTERN_FAILURE",
        resx: "Metadata.resx",
        key: "ValidatePatternFailure",
        error_id: "ParameterArgumentValidationError (outer)",
        category: "InvalidData",
        template: META_VALIDATE_PATTERN_FAILURE,
        legacy: false,
    },
    MessageInfo {
        name: "META_VALIDATE_SCRIPT_FAILURE",
        resx: "Metadata.resx",
        key: "ValidateScriptFailure",
        error_id: "ParameterArgumentValidationError (outer)",
        category: "InvalidData",
        template: META_VALIDATE_SCRIPT_FAILURE,
        legacy: false,
    },
    MessageInfo {
        name: "META_VALIDATE_RANGE_TOO_BIG",
        resx: "Metadata.resx",
        key: "ValidateRangeGreaterThanMaxRangeFailure",
        error_id: "ParameterArgumentValidationError (outer)",
        category: "InvalidData",
        template: META_VALIDATE_RANGE_TOO_BIG,
        legacy: false,
    },
    MessageInfo {
        name: "META_VALIDATE_RANGE_TOO_SMALL",
        resx: "Metadata.resx",
        key: "ValidateRangeSmallerThanMinRangeFailure",
        error_id: "ParameterArgumentValidationError (outer)",
        category: "InvalidData",
        template: META_VALIDATE_RANGE_TOO_SMALL,
        legacy: false,
    },
    MessageInfo {
        name: "META_VALIDATE_RANGE_POSITIVE_FAILURE",
        resx: "Metadata.resx",
        key: "ValidateRangePositiveFailure",
        error_id: "ParameterArgumentValidationError (outer)",
        category: "InvalidData",
        template: META_VALIDATE_RANGE_POSITIVE_FAILURE,
        legacy: false,
    },
    MessageInfo {
        name: "META_VALIDATE_RANGE_NON_NEGATIVE_FAILURE",
        resx: "Metadata.resx",
        key: "ValidateRangeNonNegativeFailure",
        error_id: "ParameterArgumentValidationError (outer)",
        category: "InvalidData",
        template: META_VALIDATE_RANGE_NON_NEGATIVE_FAILURE,
        legacy: false,
    },
    MessageInfo {
        name: "META_VALIDATE_RANGE_NEGATIVE_FAILURE",
        resx: "Metadata.resx",
        key: "ValidateRangeNegativeFailure",
        error_id: "ParameterArgumentValidationError (outer)",
        category: "InvalidData",
        template: META_VALIDATE_RANGE_NEGATIVE_FAILURE,
        legacy: false,
    },
    MessageInfo {
        name: "META_VALIDATE_RANGE_NON_POSITIVE_FAILURE",
        resx: "Metadata.resx",
        key: "ValidateRangeNonPositiveFailure",
        error_id: "ParameterArgumentValidationError (outer)",
        category: "InvalidData",
        template: META_VALIDATE_RANGE_NON_POSITIVE_FAILURE,
        legacy: false,
    },
    MessageInfo {
        name: "META_VALIDATE_RANGE_ELEMENT_TYPE",
        resx: "Metadata.resx",
        key: "ValidateRangeElementType",
        error_id: "ParameterArgumentValidationError (outer)",
        category: "InvalidData",
        template: META_VALIDATE_RANGE_ELEMENT_TYPE,
        legacy: false,
    },
    MessageInfo {
        name: "META_VALIDATE_LENGTH_MIN_FAILURE",
        resx: "Metadata.resx",
        key: "ValidateLengthMinLengthFailure",
        error_id: "ParameterArgumentValidationError (outer)",
        category: "InvalidData",
        template: META_VALIDATE_LENGTH_MIN_FAILURE,
        legacy: false,
    },
    MessageInfo {
        name: "META_VALIDATE_LENGTH_MAX_FAILURE",
        resx: "Metadata.resx",
        key: "ValidateLengthMaxLengthFailure",
        error_id: "ParameterArgumentValidationError (outer)",
        category: "InvalidData",
        template: META_VALIDATE_LENGTH_MAX_FAILURE,
        legacy: false,
    },
    MessageInfo {
        name: "META_VALIDATE_COUNT_EXACT_FAILURE",
        resx: "Metadata.resx",
        key: "ValidateCountExactFailure",
        error_id: "ParameterArgumentValidationError (outer)",
        category: "InvalidData",
        template: META_VALIDATE_COUNT_EXACT_FAILURE,
        legacy: false,
    },
    MessageInfo {
        name: "META_VALIDATE_COUNT_MIN_MAX_FAILURE",
        resx: "Metadata.resx",
        key: "ValidateCountMinMaxFailure",
        error_id: "ParameterArgumentValidationError (outer)",
        category: "InvalidData",
        template: META_VALIDATE_COUNT_MIN_MAX_FAILURE,
        legacy: false,
    },
    MessageInfo {
        name: "META_VALIDATE_VARIABLE_NAME",
        resx: "Metadata.resx",
        key: "ValidateVariableName",
        error_id: "ParameterArgumentValidationError (outer)",
        category: "InvalidData",
        template: META_VALIDATE_VARIABLE_NAME,
        legacy: false,
    },
    MessageInfo {
        name: "META_INVALID_VALUE_FAILURE",
        resx: "Metadata.resx",
        key: "InvalidValueFailure",
        error_id: "ValidateSetFailure (for variables; id not re-verified)",
        category: "MetadataError",
        template: META_INVALID_VALUE_FAILURE,
        legacy: false,
    },
    MessageInfo {
        name: "RT_INVOKE_METHOD_ON_NULL",
        resx: "ParserStrings.resx",
        key: "InvokeMethodOnNull",
        error_id: "InvokeMethodOnNull",
        category: "InvalidOperation",
        template: RT_INVOKE_METHOD_ON_NULL,
        legacy: false,
    },
    MessageInfo {
        name: "RT_METHOD_NOT_FOUND",
        resx: "ParserStrings.resx",
        key: "MethodNotFound",
        error_id: "MethodNotFound",
        category: "InvalidOperation",
        template: RT_METHOD_NOT_FOUND,
        legacy: false,
    },
    MessageInfo {
        name: "RT_PARAMETERIZED_PROPERTY_ASSIGNMENT_FAILED",
        resx: "ParserStrings.resx",
        key: "ParameterizedPropertyAssignmentFailed",
        error_id: "ParameterizedPropertyAssignmentFailed",
        category: "InvalidOperation",
        template: RT_PARAMETERIZED_PROPERTY_ASSIGNMENT_FAILED,
        legacy: false,
    },
    MessageInfo {
        name: "RT_NULL_ARRAY",
        resx: "ParserStrings.resx",
        key: "NullArray",
        error_id: "NullArray",
        category: "InvalidOperation",
        template: RT_NULL_ARRAY,
        legacy: false,
    },
    MessageInfo {
        name: "RT_NULL_ARRAY_INDEX",
        resx: "ParserStrings.resx",
        key: "NullArrayIndex",
        error_id: "NullArrayIndex",
        category: "InvalidOperation",
        template: RT_NULL_ARRAY_INDEX,
        legacy: false,
    },
    MessageInfo {
        name: "RT_CANNOT_INDEX",
        resx: "ParserStrings.resx",
        key: "CannotIndex",
        error_id: "CannotIndex",
        category: "InvalidOperation",
        template: RT_CANNOT_INDEX,
        legacy: false,
    },
    MessageInfo {
        name: "RT_NEED_MULTIDIMENSIONAL_INDEX",
        resx: "ParserStrings.resx",
        key: "NeedMultidimensionalIndex",
        error_id: "NeedMultidimensionalIndex",
        category: "InvalidOperation",
        template: RT_NEED_MULTIDIMENSIONAL_INDEX,
        legacy: false,
    },
    MessageInfo {
        name: "RT_ARRAY_ASSIGNMENT_INDEX_OUT_OF_RANGE",
        resx: "ParserStrings.resx",
        key: "IndexOutOfRange",
        error_id: "IndexOutOfRange",
        category: "InvalidOperation",
        template: RT_ARRAY_ASSIGNMENT_INDEX_OUT_OF_RANGE,
        legacy: false,
    },
    MessageInfo {
        name: "RT_ARRAY_SLICE_ASSIGNMENT_FAILED",
        resx: "ParserStrings.resx",
        key: "ArraySliceAssignmentFailed",
        error_id: "ArraySliceAssignmentFailed",
        category: "InvalidOperation",
        template: RT_ARRAY_SLICE_ASSIGNMENT_FAILED,
        legacy: false,
    },
    MessageInfo {
        name: "RT_PROPERTY_NOT_FOUND_ON_SET",
        resx: "ParserStrings.resx",
        key: "PropertyNotFound",
        error_id: "PropertyNotFound",
        category: "InvalidOperation",
        template: RT_PROPERTY_NOT_FOUND_ON_SET,
        legacy: false,
    },
    MessageInfo {
        name: "RT_PROPERTY_NOT_FOUND_STRICT",
        resx: "ParserStrings.resx",
        key: "PropertyNotFoundStrict",
        error_id: "PropertyNotFoundStrict",
        category: "NotSpecified",
        template: RT_PROPERTY_NOT_FOUND_STRICT,
        legacy: false,
    },
    MessageInfo {
        name: "RT_VARIABLE_IS_UNDEFINED",
        resx: "ParserStrings.resx",
        key: "VariableIsUndefined",
        error_id: "VariableIsUndefined",
        category: "InvalidOperation",
        template: RT_VARIABLE_IS_UNDEFINED,
        legacy: false,
    },
    MessageInfo {
        name: "RT_TYPE_NOT_FOUND",
        resx: "ParserStrings.resx",
        key: "TypeNotFound",
        error_id: "TypeNotFound",
        category: "InvalidOperation",
        template: RT_TYPE_NOT_FOUND,
        legacy: false,
    },
    MessageInfo {
        name: "RT_TYPE_NOT_FOUND_WITH_MESSAGE",
        resx: "ParserStrings.resx",
        key: "TypeNotFoundWithMessage",
        error_id: "TypeNotFound",
        category: "InvalidOperation",
        template: RT_TYPE_NOT_FOUND_WITH_MESSAGE,
        legacy: false,
    },
    MessageInfo {
        name: "RT_NOT_ICOMPARABLE",
        resx: "ExtendedTypeSystem.resx",
        key: "NotIcomparable",
        error_id: "NotIcomparable",
        category: "InvalidOperation",
        template: RT_NOT_ICOMPARABLE,
        legacy: false,
    },
    MessageInfo {
        name: "RT_COMPARISON_FAILURE",
        resx: "ExtendedTypeSystem.resx",
        key: "ComparisonFailure",
        error_id: "ComparisonFailure",
        category: "InvalidOperation",
        template: RT_COMPARISON_FAILURE,
        legacy: false,
    },
    MessageInfo {
        name: "RT_OPERATOR_REQUIRES_NUMBER",
        resx: "ParserStrings.resx",
        key: "OperatorRequiresNumber",
        error_id: "OperatorRequiresNumber",
        category: "InvalidOperation",
        template: RT_OPERATOR_REQUIRES_NUMBER,
        legacy: false,
    },
    MessageInfo {
        name: "RT_NOT_A_DEFINED_OPERATION_FOR_TYPE",
        resx: "ParserStrings.resx",
        key: "NotADefinedOperationForType",
        error_id: "NotADefinedOperationForType",
        category: "InvalidOperation",
        template: RT_NOT_A_DEFINED_OPERATION_FOR_TYPE,
        legacy: false,
    },
    MessageInfo {
        name: "RT_ADD_HASHTABLE_TO_NON_HASHTABLE",
        resx: "ParserStrings.resx",
        key: "AddHashTableToNonHashTable",
        error_id: "AddHashTableToNonHashTable",
        category: "InvalidOperation",
        template: RT_ADD_HASHTABLE_TO_NON_HASHTABLE,
        legacy: false,
    },
    MessageInfo {
        name: "RT_BAD_REPLACE_ARGUMENT",
        resx: "ParserStrings.resx",
        key: "BadReplaceArgument",
        error_id: "BadReplaceArgument",
        category: "InvalidOperation",
        template: RT_BAD_REPLACE_ARGUMENT,
        legacy: false,
    },
    MessageInfo {
        name: "RT_BAD_REGULAR_EXPRESSION",
        resx: "ParserStrings.resx",
        key: "BadRegularExpression",
        error_id: "BadRegularExpression",
        category: "InvalidOperation",
        template: RT_BAD_REGULAR_EXPRESSION,
        legacy: true,
    },
    MessageInfo {
        name: "RT_INVALID_REGULAR_EXPRESSION",
        resx: "ParserStrings.resx",
        key: "InvalidRegularExpression",
        error_id: "InvalidRegularExpression",
        category: "InvalidOperation",
        template: RT_INVALID_REGULAR_EXPRESSION,
        legacy: false,
    },
    MessageInfo {
        name: "RT_IS_OPERATOR_REQUIRES_TYPE",
        resx: "ParserStrings.resx",
        key: "IsOperatorRequiresType",
        error_id: "IsOperatorRequiresType",
        category: "InvalidOperation",
        template: RT_IS_OPERATOR_REQUIRES_TYPE,
        legacy: false,
    },
    MessageInfo {
        name: "RT_AS_OPERATOR_REQUIRES_TYPE",
        resx: "ParserStrings.resx",
        key: "AsOperatorRequiresType",
        error_id: "AsOperatorRequiresType",
        category: "InvalidOperation",
        template: RT_AS_OPERATOR_REQUIRES_TYPE,
        legacy: false,
    },
    MessageInfo {
        name: "RT_FORMAT_ERROR",
        resx: "ParserStrings.resx",
        key: "FormatError",
        error_id: "FormatError",
        category: "InvalidOperation",
        template: RT_FORMAT_ERROR,
        legacy: false,
    },
    MessageInfo {
        name: "RT_BAD_ENUMERATION",
        resx: "ParserStrings.resx",
        key: "BadEnumeration",
        error_id: "BadEnumeration",
        category: "InvalidOperation",
        template: RT_BAD_ENUMERATION,
        legacy: false,
    },
    MessageInfo {
        name: "RT_FILE_OPEN_ERROR",
        resx: "ParserStrings.resx",
        key: "FileOpenError",
        error_id: "FileOpenError",
        category: "InvalidOperation",
        template: RT_FILE_OPEN_ERROR,
        legacy: false,
    },
    MessageInfo {
        name: "RT_FOREACH_NONEXISTENT_MEMBER_REFERENCE",
        resx: "ParserStrings.resx",
        key: "ForEachNonexistentMemberReference",
        error_id: "ForEachNonexistentMemberReference",
        category: "InvalidOperation",
        template: RT_FOREACH_NONEXISTENT_MEMBER_REFERENCE,
        legacy: false,
    },
    MessageInfo {
        name: "RT_SCRIPT_HALTED",
        resx: "(literal in MiscOps.cs ExceptionHandlingOps.ConvertToException)",
        key: "(none)",
        error_id: "ScriptHalted",
        category: "OperationStopped",
        template: RT_SCRIPT_HALTED,
        legacy: false,
    },
    MessageInfo {
        name: "ETS_METHOD_INVOCATION_EXCEPTION",
        resx: "ExtendedTypeSystem.resx",
        key: "MethodInvocationException",
        error_id: "<inner .NET exception type name, e.g. FormatException>",
        category: "NotSpecified",
        template: ETS_METHOD_INVOCATION_EXCEPTION,
        legacy: false,
    },
    MessageInfo {
        name: "ETS_EXCEPTION_WHEN_SETTING",
        resx: "ExtendedTypeSystem.resx",
        key: "ExceptionWhenSetting",
        error_id: "ExceptionWhenSetting",
        category: "NotSpecified",
        template: ETS_EXCEPTION_WHEN_SETTING,
        legacy: false,
    },
    MessageInfo {
        name: "ETS_EXCEPTION_WHEN_GETTING",
        resx: "ExtendedTypeSystem.resx",
        key: "ExceptionWhenGetting",
        error_id: "ExceptionWhenGetting",
        category: "NotSpecified",
        template: ETS_EXCEPTION_WHEN_GETTING,
        legacy: false,
    },
    MessageInfo {
        name: "ETS_METHOD_ARGUMENT_COUNT",
        resx: "ExtendedTypeSystem.resx",
        key: "MethodArgumentCountException",
        error_id: "MethodCountCouldNotFindBest",
        category: "NotSpecified",
        template: ETS_METHOD_ARGUMENT_COUNT,
        legacy: false,
    },
    MessageInfo {
        name: "ETS_METHOD_AMBIGUOUS",
        resx: "ExtendedTypeSystem.resx",
        key: "MethodAmbiguousException",
        error_id: "MethodAmbiguousException",
        category: "NotSpecified",
        template: ETS_METHOD_AMBIGUOUS,
        legacy: false,
    },
    MessageInfo {
        name: "ETS_METHOD_GENERIC_ARGUMENT_COUNT",
        resx: "ExtendedTypeSystem.resx",
        key: "MethodGenericArgumentCountException",
        error_id: "MethodCountCouldNotFindBest",
        category: "NotSpecified",
        template: ETS_METHOD_GENERIC_ARGUMENT_COUNT,
        legacy: false,
    },
    MessageInfo {
        name: "ETS_METHOD_ARGUMENT_CONVERSION",
        resx: "ExtendedTypeSystem.resx",
        key: "MethodArgumentConversionException",
        error_id: "MethodArgumentConversionInvalidCastArgument",
        category: "NotSpecified",
        template: ETS_METHOD_ARGUMENT_CONVERSION,
        legacy: false,
    },
    MessageInfo {
        name: "ETS_INVALID_CAST",
        resx: "ExtendedTypeSystem.resx",
        key: "InvalidCastException",
        error_id: "ConvertToFinalInvalidCastException",
        category: "InvalidArgument",
        template: ETS_INVALID_CAST,
        legacy: false,
    },
    MessageInfo {
        name: "ETS_INVALID_CAST_WITH_INNER",
        resx: "ExtendedTypeSystem.resx",
        key: "InvalidCastExceptionWithInnerException",
        error_id: "InvalidCastFromStringToInteger",
        category: "InvalidArgument",
        template: ETS_INVALID_CAST_WITH_INNER,
        legacy: false,
    },
    MessageInfo {
        name: "ETS_INVALID_CAST_FROM_NULL",
        resx: "ExtendedTypeSystem.resx",
        key: "InvalidCastFromNull",
        error_id: "nullToObjectInvalidCast",
        category: "InvalidArgument",
        template: ETS_INVALID_CAST_FROM_NULL,
        legacy: false,
    },
    MessageInfo {
        name: "ETS_INVALID_CAST_NO_STRING_FOR_CONVERSION",
        resx: "ExtendedTypeSystem.resx",
        key: "InvalidCastExceptionNoStringForConversion",
        error_id: "(not re-verified)",
        category: "InvalidArgument",
        template: ETS_INVALID_CAST_NO_STRING_FOR_CONVERSION,
        legacy: false,
    },
    MessageInfo {
        name: "ETS_INVALID_CAST_ENUM_NO_VALUE",
        resx: "ExtendedTypeSystem.resx",
        key: "InvalidCastExceptionEnumerationNoValue",
        error_id: "(not re-verified)",
        category: "InvalidArgument",
        template: ETS_INVALID_CAST_ENUM_NO_VALUE,
        legacy: false,
    },
    MessageInfo {
        name: "ETS_INVALID_CAST_ENUM_NULL",
        resx: "ExtendedTypeSystem.resx",
        key: "InvalidCastExceptionEnumerationNull",
        error_id: "(not re-verified)",
        category: "InvalidArgument",
        template: ETS_INVALID_CAST_ENUM_NULL,
        legacy: false,
    },
    MessageInfo {
        name: "ETS_INVALID_CAST_ENUM_MORE_THAN_ONE_VALUE",
        resx: "ExtendedTypeSystem.resx",
        key: "InvalidCastExceptionEnumerationMoreThanOneValue",
        error_id: "(not re-verified)",
        category: "InvalidArgument",
        template: ETS_INVALID_CAST_ENUM_MORE_THAN_ONE_VALUE,
        legacy: false,
    },
    MessageInfo {
        name: "ETS_READ_ONLY_PROPERTY",
        resx: "ExtendedTypeSystem.resx",
        key: "ReadOnlyProperty",
        error_id: "(not re-verified)",
        category: "NotSpecified",
        template: ETS_READ_ONLY_PROPERTY,
        legacy: false,
    },
    MessageInfo {
        name: "ETS_WRITE_ONLY_PROPERTY",
        resx: "ExtendedTypeSystem.resx",
        key: "WriteOnlyProperty",
        error_id: "(not re-verified)",
        category: "NotSpecified",
        template: ETS_WRITE_ONLY_PROPERTY,
        legacy: false,
    },
    MessageInfo {
        name: "ETS_ENUMERATION_EXCEPTION",
        resx: "ExtendedTypeSystem.resx",
        key: "EnumerationException",
        error_id: "(not re-verified)",
        category: "NotSpecified",
        template: ETS_ENUMERATION_EXCEPTION,
        legacy: false,
    },
    MessageInfo {
        name: "ETS_OBJECT_CREATION_ERROR",
        resx: "ExtendedTypeSystem.resx",
        key: "ObjectCreationError",
        error_id: "(not re-verified)",
        category: "InvalidArgument",
        template: ETS_OBJECT_CREATION_ERROR,
        legacy: false,
    },
    MessageInfo {
        name: "ETS_PROPERTY_NOT_FOUND_FOR_CONVERSION",
        resx: "ExtendedTypeSystem.resx",
        key: "PropertyNotFound",
        error_id: "(not re-verified)",
        category: "InvalidArgument",
        template: ETS_PROPERTY_NOT_FOUND_FOR_CONVERSION,
        legacy: false,
    },
    MessageInfo {
        name: "SS_PATH_NOT_FOUND",
        resx: "SessionStateStrings.resx",
        key: "PathNotFound",
        error_id: "PathNotFound",
        category: "ObjectNotFound",
        template: SS_PATH_NOT_FOUND,
        legacy: false,
    },
    MessageInfo {
        name: "SS_DRIVE_NOT_FOUND",
        resx: "SessionStateStrings.resx",
        key: "DriveNotFound",
        error_id: "DriveNotFound",
        category: "ObjectNotFound",
        template: SS_DRIVE_NOT_FOUND,
        legacy: false,
    },
    MessageInfo {
        name: "SS_PROVIDER_NOT_FOUND",
        resx: "SessionStateStrings.resx",
        key: "ProviderNotFound",
        error_id: "ProviderNotFound",
        category: "ObjectNotFound",
        template: SS_PROVIDER_NOT_FOUND,
        legacy: false,
    },
    MessageInfo {
        name: "SS_VARIABLE_NOT_FOUND",
        resx: "SessionStateStrings.resx",
        key: "VariableNotFound",
        error_id: "VariableNotFound",
        category: "ObjectNotFound",
        template: SS_VARIABLE_NOT_FOUND,
        legacy: false,
    },
    MessageInfo {
        name: "SS_VARIABLE_NOT_WRITABLE",
        resx: "SessionStateStrings.resx",
        key: "VariableNotWritable",
        error_id: "VariableNotWritable",
        category: "WriteError",
        template: SS_VARIABLE_NOT_WRITABLE,
        legacy: false,
    },
    MessageInfo {
        name: "SS_VARIABLE_NOT_REMOVABLE",
        resx: "SessionStateStrings.resx",
        key: "VariableNotRemovable",
        error_id: "VariableNotRemovable",
        category: "WriteError",
        template: SS_VARIABLE_NOT_REMOVABLE,
        legacy: false,
    },
    MessageInfo {
        name: "SS_VARIABLE_IS_CONSTANT",
        resx: "SessionStateStrings.resx",
        key: "VariableIsConstant",
        error_id: "VariableIsConstant",
        category: "WriteError",
        template: SS_VARIABLE_IS_CONSTANT,
        legacy: false,
    },
    MessageInfo {
        name: "SS_VARIABLE_ALREADY_EXISTS",
        resx: "SessionStateStrings.resx",
        key: "VariableAlreadyExists",
        error_id: "VariableAlreadyExists",
        category: "ResourceExists",
        template: SS_VARIABLE_ALREADY_EXISTS,
        legacy: false,
    },
    MessageInfo {
        name: "SS_FUNCTION_NOT_WRITABLE",
        resx: "SessionStateStrings.resx",
        key: "FunctionNotWritable",
        error_id: "FunctionNotWritable",
        category: "WriteError",
        template: SS_FUNCTION_NOT_WRITABLE,
        legacy: false,
    },
    MessageInfo {
        name: "SS_ALIAS_NOT_WRITABLE",
        resx: "SessionStateStrings.resx",
        key: "AliasNotWritable",
        error_id: "AliasNotWritable",
        category: "WriteError",
        template: SS_ALIAS_NOT_WRITABLE,
        legacy: false,
    },
    MessageInfo {
        name: "SS_ALIAS_NOT_FOUND",
        resx: "SessionStateStrings.resx",
        key: "AliasNotFound",
        error_id: "AliasNotFound",
        category: "ObjectNotFound",
        template: SS_ALIAS_NOT_FOUND,
        legacy: false,
    },
    MessageInfo {
        name: "SS_ITEM_ALREADY_EXISTS",
        resx: "SessionStateStrings.resx",
        key: "NewItemAlreadyExists",
        error_id: "NewItemAlreadyExists",
        category: "ResourceExists",
        template: SS_ITEM_ALREADY_EXISTS,
        legacy: false,
    },
    MessageInfo {
        name: "SS_SCOPE_DEPTH_OVERFLOW",
        resx: "SessionStateStrings.resx",
        key: "ScopeDepthOverflow",
        error_id: "ScopeDepthOverflow",
        category: "InvalidOperation",
        template: SS_SCOPE_DEPTH_OVERFLOW,
        legacy: false,
    },
    MessageInfo {
        name: "SS_GET_CONTAINER_CONTENT",
        resx: "SessionStateStrings.resx",
        key: "GetContainerContentException",
        error_id: "GetContainerContentException",
        category: "InvalidOperation",
        template: SS_GET_CONTAINER_CONTENT,
        legacy: false,
    },
    MessageInfo {
        name: "MOD_MODULE_NOT_FOUND",
        resx: "Modules.resx",
        key: "ModuleNotFound",
        error_id: "Modules_ModuleNotFound",
        category: "ResourceUnavailable",
        template: MOD_MODULE_NOT_FOUND,
        legacy: false,
    },
    MessageInfo {
        name: "MOD_MODULE_WITH_VERSION_NOT_FOUND",
        resx: "Modules.resx",
        key: "ModuleWithVersionNotFound",
        error_id: "Modules_ModuleWithVersionNotFound",
        category: "ResourceUnavailable",
        template: MOD_MODULE_WITH_VERSION_NOT_FOUND,
        legacy: false,
    },
    MessageInfo {
        name: "RT_SCRIPT_CALL_DEPTH_EXCEPTION",
        resx: "GetErrorText.resx",
        key: "ScriptCallDepthException",
        error_id: "CallDepthOverflow",
        category: "InvalidOperation",
        template: RT_SCRIPT_CALL_DEPTH_EXCEPTION,
        legacy: false,
    },
    MessageInfo {
        name: "RT_PIPELINE_DEPTH_EXCEPTION",
        resx: "GetErrorText.resx",
        key: "PipelineDepthException",
        error_id: "(not re-verified)",
        category: "InvalidOperation",
        template: RT_PIPELINE_DEPTH_EXCEPTION,
        legacy: false,
    },
    MessageInfo {
        name: "RT_PIPELINE_STOPPED",
        resx: "GetErrorText.resx",
        key: "PipelineStoppedException",
        error_id: "(n/a)",
        category: "OperationStopped",
        template: RT_PIPELINE_STOPPED,
        legacy: false,
    },
    MessageInfo {
        name: "RT_ACTION_PREFERENCE_STOP",
        resx: "GetErrorText.resx",
        key: "ActionPreferenceStop",
        error_id: "(n/a)",
        category: "OperationStopped",
        template: RT_ACTION_PREFERENCE_STOP,
        legacy: false,
    },
    MessageInfo {
        name: "HOST_READ_FAILS_ON_NON_INTERACTIVE",
        resx: "ConsoleHostUserInterfaceStrings.resx (Microsoft.PowerShell.ConsoleHost)",
        key: "ReadFailsOnNonInteractiveFlag",
        error_id: "System.Management.Automation.PSInvalidOperationException",
        category: "InvalidOperation",
        template: HOST_READ_FAILS_ON_NON_INTERACTIVE,
        legacy: false,
    },
    MessageInfo {
        name: "NET_FORMAT_INVALID_STRING_WITH_VALUE",
        resx: "dotnet/runtime System.Private.CoreLib Strings.resx",
        key: "Format_InvalidStringWithValue",
        error_id: "(inner message)",
        category: "(inner)",
        template: NET_FORMAT_INVALID_STRING_WITH_VALUE,
        legacy: false,
    },
    MessageInfo {
        name: "NET_FORMAT_INVALID_STRING",
        resx: "dotnet/runtime System.Private.CoreLib Strings.resx",
        key: "Format_InvalidString",
        error_id: "(inner message)",
        category: "(inner)",
        template: NET_FORMAT_INVALID_STRING,
        legacy: false,
    },
    MessageInfo {
        name: "NET_DIVIDE_BY_ZERO",
        resx: "dotnet/runtime System.Private.CoreLib Strings.resx",
        key: "Arg_DivideByZero",
        error_id: "RuntimeException",
        category: "NotSpecified",
        template: NET_DIVIDE_BY_ZERO,
        legacy: false,
    },
    MessageInfo {
        name: "NET_INDEX_OUT_OF_RANGE",
        resx: "dotnet/runtime System.Private.CoreLib Strings.resx",
        key: "Arg_IndexOutOfRangeException",
        error_id: "System.IndexOutOfRangeException",
        category: "OperationStopped",
        template: NET_INDEX_OUT_OF_RANGE,
        legacy: false,
    },
    MessageInfo {
        name: "NET_INVALID_CAST",
        resx: "dotnet/runtime System.Private.CoreLib Strings.resx",
        key: "Arg_InvalidCastException",
        error_id: "(inner)",
        category: "(inner)",
        template: NET_INVALID_CAST,
        legacy: false,
    },
    MessageInfo {
        name: "NET_NULL_REFERENCE",
        resx: "dotnet/runtime System.Private.CoreLib Strings.resx",
        key: "Arg_NullReferenceException",
        error_id: "(inner)",
        category: "(inner)",
        template: NET_NULL_REFERENCE,
        legacy: false,
    },
    MessageInfo {
        name: "NET_KEY_NOT_FOUND_WITH_KEY",
        resx: "dotnet/runtime System.Private.CoreLib Strings.resx",
        key: "Arg_KeyNotFoundWithKey",
        error_id: "(inner)",
        category: "(inner)",
        template: NET_KEY_NOT_FOUND_WITH_KEY,
        legacy: false,
    },
    MessageInfo {
        name: "NET_OVERFLOW",
        resx: "dotnet/runtime System.Private.CoreLib Strings.resx",
        key: "Arg_OverflowException",
        error_id: "(inner)",
        category: "(inner)",
        template: NET_OVERFLOW,
        legacy: false,
    },
    MessageInfo {
        name: "NET_INSUFFICIENT_EXECUTION_STACK",
        resx: "dotnet/runtime System.Private.CoreLib Strings.resx",
        key: "Arg_InsufficientExecutionStackException",
        error_id: "(converted to CallDepthOverflow)",
        category: "(inner)",
        template: NET_INSUFFICIENT_EXECUTION_STACK,
        legacy: false,
    },
    MessageInfo {
        name: "NET_ENUM_FAILED_VERSION",
        resx: "dotnet/runtime System.Private.CoreLib Strings.resx",
        key: "InvalidOperation_EnumFailedVersion",
        error_id: "(inner)",
        category: "(inner)",
        template: NET_ENUM_FAILED_VERSION,
        legacy: false,
    },
    MessageInfo {
        name: "CAT_NOT_SPECIFIED",
        resx: "ErrorCategoryStrings.resx",
        key: "NotSpecified",
        error_id: "(n/a - display)",
        category: "NotSpecified",
        template: CAT_NOT_SPECIFIED,
        legacy: false,
    },
    MessageInfo {
        name: "CAT_OPEN_ERROR",
        resx: "ErrorCategoryStrings.resx",
        key: "OpenError",
        error_id: "(n/a - display)",
        category: "OpenError",
        template: CAT_OPEN_ERROR,
        legacy: false,
    },
    MessageInfo {
        name: "CAT_CLOSE_ERROR",
        resx: "ErrorCategoryStrings.resx",
        key: "CloseError",
        error_id: "(n/a - display)",
        category: "CloseError",
        template: CAT_CLOSE_ERROR,
        legacy: false,
    },
    MessageInfo {
        name: "CAT_DEVICE_ERROR",
        resx: "ErrorCategoryStrings.resx",
        key: "DeviceError",
        error_id: "(n/a - display)",
        category: "DeviceError",
        template: CAT_DEVICE_ERROR,
        legacy: false,
    },
    MessageInfo {
        name: "CAT_DEADLOCK_DETECTED",
        resx: "ErrorCategoryStrings.resx",
        key: "DeadlockDetected",
        error_id: "(n/a - display)",
        category: "DeadlockDetected",
        template: CAT_DEADLOCK_DETECTED,
        legacy: false,
    },
    MessageInfo {
        name: "CAT_INVALID_ARGUMENT",
        resx: "ErrorCategoryStrings.resx",
        key: "InvalidArgument",
        error_id: "(n/a - display)",
        category: "InvalidArgument",
        template: CAT_INVALID_ARGUMENT,
        legacy: false,
    },
    MessageInfo {
        name: "CAT_INVALID_DATA",
        resx: "ErrorCategoryStrings.resx",
        key: "InvalidData",
        error_id: "(n/a - display)",
        category: "InvalidData",
        template: CAT_INVALID_DATA,
        legacy: false,
    },
    MessageInfo {
        name: "CAT_INVALID_OPERATION",
        resx: "ErrorCategoryStrings.resx",
        key: "InvalidOperation",
        error_id: "(n/a - display)",
        category: "InvalidOperation",
        template: CAT_INVALID_OPERATION,
        legacy: false,
    },
    MessageInfo {
        name: "CAT_INVALID_RESULT",
        resx: "ErrorCategoryStrings.resx",
        key: "InvalidResult",
        error_id: "(n/a - display)",
        category: "InvalidResult",
        template: CAT_INVALID_RESULT,
        legacy: false,
    },
    MessageInfo {
        name: "CAT_INVALID_TYPE",
        resx: "ErrorCategoryStrings.resx",
        key: "InvalidType",
        error_id: "(n/a - display)",
        category: "InvalidType",
        template: CAT_INVALID_TYPE,
        legacy: false,
    },
    MessageInfo {
        name: "CAT_METADATA_ERROR",
        resx: "ErrorCategoryStrings.resx",
        key: "MetadataError",
        error_id: "(n/a - display)",
        category: "MetadataError",
        template: CAT_METADATA_ERROR,
        legacy: false,
    },
    MessageInfo {
        name: "CAT_NOT_IMPLEMENTED",
        resx: "ErrorCategoryStrings.resx",
        key: "NotImplemented",
        error_id: "(n/a - display)",
        category: "NotImplemented",
        template: CAT_NOT_IMPLEMENTED,
        legacy: false,
    },
    MessageInfo {
        name: "CAT_NOT_INSTALLED",
        resx: "ErrorCategoryStrings.resx",
        key: "NotInstalled",
        error_id: "(n/a - display)",
        category: "NotInstalled",
        template: CAT_NOT_INSTALLED,
        legacy: false,
    },
    MessageInfo {
        name: "CAT_OBJECT_NOT_FOUND",
        resx: "ErrorCategoryStrings.resx",
        key: "ObjectNotFound",
        error_id: "(n/a - display)",
        category: "ObjectNotFound",
        template: CAT_OBJECT_NOT_FOUND,
        legacy: false,
    },
    MessageInfo {
        name: "CAT_OPERATION_STOPPED",
        resx: "ErrorCategoryStrings.resx",
        key: "OperationStopped",
        error_id: "(n/a - display)",
        category: "OperationStopped",
        template: CAT_OPERATION_STOPPED,
        legacy: false,
    },
    MessageInfo {
        name: "CAT_OPERATION_TIMEOUT",
        resx: "ErrorCategoryStrings.resx",
        key: "OperationTimeout",
        error_id: "(n/a - display)",
        category: "OperationTimeout",
        template: CAT_OPERATION_TIMEOUT,
        legacy: false,
    },
    MessageInfo {
        name: "CAT_SYNTAX_ERROR",
        resx: "ErrorCategoryStrings.resx",
        key: "SyntaxError",
        error_id: "(n/a - display)",
        category: "SyntaxError",
        template: CAT_SYNTAX_ERROR,
        legacy: false,
    },
    MessageInfo {
        name: "CAT_PARSER_ERROR",
        resx: "ErrorCategoryStrings.resx",
        key: "ParserError",
        error_id: "(n/a - display)",
        category: "ParserError",
        template: CAT_PARSER_ERROR,
        legacy: false,
    },
    MessageInfo {
        name: "CAT_PERMISSION_DENIED",
        resx: "ErrorCategoryStrings.resx",
        key: "PermissionDenied",
        error_id: "(n/a - display)",
        category: "PermissionDenied",
        template: CAT_PERMISSION_DENIED,
        legacy: false,
    },
    MessageInfo {
        name: "CAT_RESOURCE_BUSY",
        resx: "ErrorCategoryStrings.resx",
        key: "ResourceBusy",
        error_id: "(n/a - display)",
        category: "ResourceBusy",
        template: CAT_RESOURCE_BUSY,
        legacy: false,
    },
    MessageInfo {
        name: "CAT_RESOURCE_EXISTS",
        resx: "ErrorCategoryStrings.resx",
        key: "ResourceExists",
        error_id: "(n/a - display)",
        category: "ResourceExists",
        template: CAT_RESOURCE_EXISTS,
        legacy: false,
    },
    MessageInfo {
        name: "CAT_RESOURCE_UNAVAILABLE",
        resx: "ErrorCategoryStrings.resx",
        key: "ResourceUnavailable",
        error_id: "(n/a - display)",
        category: "ResourceUnavailable",
        template: CAT_RESOURCE_UNAVAILABLE,
        legacy: false,
    },
    MessageInfo {
        name: "CAT_READ_ERROR",
        resx: "ErrorCategoryStrings.resx",
        key: "ReadError",
        error_id: "(n/a - display)",
        category: "ReadError",
        template: CAT_READ_ERROR,
        legacy: false,
    },
    MessageInfo {
        name: "CAT_WRITE_ERROR",
        resx: "ErrorCategoryStrings.resx",
        key: "WriteError",
        error_id: "(n/a - display)",
        category: "WriteError",
        template: CAT_WRITE_ERROR,
        legacy: false,
    },
    MessageInfo {
        name: "CAT_FROM_STD_ERR",
        resx: "ErrorCategoryStrings.resx",
        key: "FromStdErr",
        error_id: "(n/a - display)",
        category: "FromStdErr",
        template: CAT_FROM_STD_ERR,
        legacy: false,
    },
    MessageInfo {
        name: "CAT_SECURITY_ERROR",
        resx: "ErrorCategoryStrings.resx",
        key: "SecurityError",
        error_id: "(n/a - display)",
        category: "SecurityError",
        template: CAT_SECURITY_ERROR,
        legacy: false,
    },
    MessageInfo {
        name: "CAT_PROTOCOL_ERROR",
        resx: "ErrorCategoryStrings.resx",
        key: "ProtocolError",
        error_id: "(n/a - display)",
        category: "ProtocolError",
        template: CAT_PROTOCOL_ERROR,
        legacy: false,
    },
    MessageInfo {
        name: "CAT_CONNECTION_ERROR",
        resx: "ErrorCategoryStrings.resx",
        key: "ConnectionError",
        error_id: "(n/a - display)",
        category: "ConnectionError",
        template: CAT_CONNECTION_ERROR,
        legacy: false,
    },
    MessageInfo {
        name: "CAT_AUTHENTICATION_ERROR",
        resx: "ErrorCategoryStrings.resx",
        key: "AuthenticationError",
        error_id: "(n/a - display)",
        category: "AuthenticationError",
        template: CAT_AUTHENTICATION_ERROR,
        legacy: false,
    },
    MessageInfo {
        name: "CAT_LIMITS_EXCEEDED",
        resx: "ErrorCategoryStrings.resx",
        key: "LimitsExceeded",
        error_id: "(n/a - display)",
        category: "LimitsExceeded",
        template: CAT_LIMITS_EXCEEDED,
        legacy: false,
    },
    MessageInfo {
        name: "CAT_QUOTA_EXCEEDED",
        resx: "ErrorCategoryStrings.resx",
        key: "QuotaExceeded",
        error_id: "(n/a - display)",
        category: "QuotaExceeded",
        template: CAT_QUOTA_EXCEEDED,
        legacy: false,
    },
    MessageInfo {
        name: "CAT_NOT_ENABLED",
        resx: "ErrorCategoryStrings.resx",
        key: "NotEnabled",
        error_id: "(n/a - display)",
        category: "NotEnabled",
        template: CAT_NOT_ENABLED,
        legacy: false,
    },
    MessageInfo {
        name: "CAT_INVALID_ERROR_CATEGORY",
        resx: "ErrorCategoryStrings.resx",
        key: "InvalidErrorCategory",
        error_id: "(n/a - display)",
        category: "(n/a)",
        template: CAT_INVALID_ERROR_CATEGORY,
        legacy: false,
    },
    MessageInfo {
        name: "CAT_ELLIPSIZE",
        resx: "ErrorPackage.resx",
        key: "Ellipsize",
        error_id: "(n/a - display)",
        category: "(n/a)",
        template: CAT_ELLIPSIZE,
        legacy: false,
    },
    MessageInfo {
        name: "DISPLAY_TEXT_FOR_POSITION_MESSAGE",
        resx: "ParserStrings.resx",
        key: "TextForPositionMessage",
        error_id: "(n/a - display)",
        category: "(n/a)",
        template: DISPLAY_TEXT_FOR_POSITION_MESSAGE,
        legacy: false,
    },
    MessageInfo {
        name: "DISPLAY_TEXT_FOR_WORD_LINE",
        resx: "ParserStrings.resx",
        key: "TextForWordLine",
        error_id: "(n/a - display)",
        category: "(n/a)",
        template: DISPLAY_TEXT_FOR_WORD_LINE,
        legacy: false,
    },
];

/// Find a catalogue row by its constant name.
pub fn lookup(name: &str) -> Option<&'static MessageInfo> {
    CATALOG.iter().find(|m| m.name == name)
}

/// Find the (non-legacy first) catalogue row for a resx key, e.g. `"MissingEndCurlyBrace"`.
pub fn lookup_key(key: &str) -> Option<&'static MessageInfo> {
    CATALOG.iter().find(|m| m.key == key && !m.legacy).or_else(|| CATALOG.iter().find(|m| m.key == key))
}

// ====================================================================================================
// Formatting helpers
// ====================================================================================================

/// .NET `String.Format`-style substitution: replaces `{N}` (also `{N,align}` and `{N:fmt}`;
/// the format string part is ignored, alignment pads with spaces, negative = left-aligned) with
/// `args[N]`, and turns `{{` / `}}` into `{` / `}`. Items whose index is out of range or that are
/// not valid format items (e.g. the literal `${}` in some parser texts) are copied through
/// unchanged instead of failing like .NET would.
pub fn fmt(template: &str, args: &[&str]) -> String {
    let chars: Vec<char> = template.chars().collect();
    let mut out = String::with_capacity(template.len() + 32);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '{' {
            if i + 1 < chars.len() && chars[i + 1] == '{' {
                out.push('{');
                i += 2;
                continue;
            }
            if let Some(rel) = chars[i + 1..].iter().position(|&ch| ch == '}' || ch == '{') {
                let end = i + 1 + rel;
                if chars[end] == '}' {
                    let inner: String = chars[i + 1..end].iter().collect();
                    if let Some(s) = format_item(&inner, args) {
                        out.push_str(&s);
                        i = end + 1;
                        continue;
                    }
                }
            }
            out.push('{');
            i += 1;
        } else if c == '}' {
            if i + 1 < chars.len() && chars[i + 1] == '}' {
                out.push('}');
                i += 2;
                continue;
            }
            out.push('}');
            i += 1;
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

fn format_item(inner: &str, args: &[&str]) -> Option<String> {
    let head = match inner.find(':') {
        Some(p) => &inner[..p],
        None => inner,
    };
    let (idx_s, align_s) = match head.find(',') {
        Some(p) => (&head[..p], Some(&head[p + 1..])),
        None => (head, None),
    };
    let idx_s = idx_s.trim();
    if idx_s.is_empty() || !idx_s.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let idx: usize = idx_s.parse().ok()?;
    let val = *args.get(idx)?;
    let align: i64 = match align_s {
        Some(a) => a.trim().parse().ok()?,
        None => 0,
    };
    let width = align.unsigned_abs() as usize;
    let len = val.chars().count();
    if len >= width {
        return Some(val.to_string());
    }
    let pad = " ".repeat(width - len);
    Some(if align < 0 { format!("{val}{pad}") } else { format!("{pad}{val}") })
}

/// Mirrors Parser.SaveError / InterpreterError: the template is returned untouched when there are
/// no arguments (so literal braces such as `'}'` or `${}` survive), otherwise [`fmt`] is applied.
pub fn render(template: &str, args: &[&str]) -> String {
    if args.is_empty() { template.to_string() } else { fmt(template, args) }
}

/// ParameterBindingException.BuildMessage: args are {0}=command name, {1}=parameter name,
/// {2}=parameter type (full name), {3}=type specified, {4}=line, {5}=column, {6}..=`extra`.
#[allow(clippy::too_many_arguments)]
pub fn pb_message(
    template: &str,
    command: &str,
    parameter: &str,
    parameter_type: &str,
    type_specified: &str,
    line: i64,
    column: i64,
    extra: &[&str],
) -> String {
    let line_s = line.to_string();
    let col_s = column.to_string();
    let mut args: Vec<&str> = vec![command, parameter, parameter_type, type_specified, &line_s, &col_s];
    args.extend_from_slice(extra);
    fmt(template, &args)
}

/// ErrorCategoryInfo.Ellipsize: strings longer than 40 chars become first 15 + U+2026 + last 15.
pub fn ellipsize(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    if chars.len() <= 40 {
        return s.to_string();
    }
    let first: String = chars[..15].iter().collect();
    let last: String = chars[chars.len() - 15..].iter().collect();
    fmt(CAT_ELLIPSIZE, &[&first, &last])
}

/// Category template for an ErrorCategory name (e.g. `"ObjectNotFound"`); falls back to NotSpecified.
pub fn category_template(category: &str) -> &'static str {
    CATALOG.iter().find(|m| m.resx == "ErrorCategoryStrings.resx" && m.key == category).map(|m| m.template).unwrap_or(CAT_NOT_SPECIFIED)
}

/// ErrorCategoryInfo.GetMessage()/ToString(): `Category: (TargetName:TargetType) [Activity], Reason`.
/// `reason_is_exception_type` = true when Reason is the exception type name (then it is not ellipsized).
pub fn category_info(category: &str, activity: &str, target_name: &str, target_type: &str, reason: &str, reason_is_exception_type: bool) -> String {
    let a = ellipsize(activity);
    let tn = ellipsize(target_name);
    let tt = ellipsize(target_type);
    let r = if reason_is_exception_type { reason.to_string() } else { ellipsize(reason) };
    fmt(category_template(category), &[&a, &tn, &tt, &r, category])
}

/// `<errorId>` or `<errorId>,<command>` (command = cmdlet implementing type full name or function name).
pub fn fully_qualified_error_id(error_id: &str, command: Option<&str>) -> String {
    match command {
        Some(c) if !c.is_empty() => format!("{error_id},{c}"),
        _ => error_id.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fmt_basic_and_escapes() {
        assert_eq!(fmt("a {0} b {1}", &["x", "y"]), "a x b y");
        assert_eq!(fmt("{{0}} {0}", &["z"]), "{0} z");
        assert_eq!(fmt("{0,4}+ {1}", &["7", "line"]), "   7+ line");
        assert_eq!(fmt("{0,-4}|", &["ab"]), "ab  |");
        assert_eq!(fmt("{0:N2}", &["5"]), "5");
        assert_eq!(fmt("missing {3}", &["a"]), "missing {3}");
        assert_eq!(fmt(PARSE_INVALID_VARIABLE_REFERENCE, &["unused"]), PARSE_INVALID_VARIABLE_REFERENCE);
        assert_eq!(fmt(PARSE_INCOMPLETE_DOLLAR_VARIABLE_REFERENCE, &[]), "${variable} reference starting is missing the closing '}'.");
        assert_eq!(render(PARSE_MISSING_END_CURLY_BRACE, &[]), PARSE_MISSING_END_CURLY_BRACE);
    }

    #[test]
    fn known_renderings() {
        assert_eq!(
            fmt(DISC_COMMAND_NOT_FOUND, &["Get-Foo"]),
            "The term 'Get-Foo' is not recognized as a name of a cmdlet, function, script file, or executable program.\nCheck the spelling of the name, or if a path was included, verify that the path is correct and try again."
        );
        assert_eq!(render(PARSE_UNEXPECTED_TOKEN, &["}"]), "Unexpected token '}' in expression or statement.");
        assert_eq!(render(PARSE_EXPECTED_VALUE_EXPRESSION, &["+"]), "You must provide a value expression following the '+' operator.");
        assert_eq!(render(PARSE_TERMINATOR_EXPECTED_AT_END_OF_STRING, &["\""]), "The string is missing the terminator: \".");
        assert_eq!(
            pb_message(PB_NAMED_PARAMETER_NOT_FOUND, "Get-Item", "Foo", "", "", 1, 10, &[]),
            "A parameter cannot be found that matches parameter name 'Foo'."
        );
        assert_eq!(
            pb_message(PB_MISSING_MANDATORY_PARAMETER, "Get-Item", " Path", "", "", 0, 0, &[]),
            "Cannot process command because of one or more missing mandatory parameters: Path."
        );
        assert_eq!(
            pb_message(PB_AMBIGUOUS_PARAMETER, "Get-Foo", "N", "", "", 0, 0, &[" -Name -NoClobber"]),
            "Parameter cannot be processed because the parameter name 'N' is ambiguous. Possible matches include: -Name -NoClobber."
        );
        let inner = fmt(ETS_INVALID_CAST_WITH_INNER, &["abc", "System.Int32", &fmt(NET_FORMAT_INVALID_STRING_WITH_VALUE, &["abc"])]);
        assert_eq!(inner, "Cannot convert value \"abc\" to type \"System.Int32\". Error: \"The input string 'abc' was not in a correct format.\"");
        assert_eq!(
            pb_message(PB_PARAMETER_ARGUMENT_TRANSFORMATION_ERROR, "f", "x", "System.Int32", "", 0, 0, &[&inner]),
            "Cannot process argument transformation on parameter 'x'. Cannot convert value \"abc\" to type \"System.Int32\". Error: \"The input string 'abc' was not in a correct format.\""
        );
        assert_eq!(render(RT_VARIABLE_IS_UNDEFINED, &["foo"]), "The variable '$foo' cannot be retrieved because it has not been set.");
        assert_eq!(
            render(RT_METHOD_NOT_FOUND, &["System.String", "Foo"]),
            "Method invocation failed because [System.String] does not contain a method named 'Foo'."
        );
    }

    #[test]
    fn category_info_format() {
        assert_eq!(
            category_info("ObjectNotFound", "", "Get-Foo", "String", "CommandNotFoundException", true),
            "ObjectNotFound: (Get-Foo:String) [], CommandNotFoundException"
        );
        assert_eq!(
            category_info("InvalidArgument", "Get-Item", "", "", "ParameterBindingException", true),
            "InvalidArgument: (:) [Get-Item], ParameterBindingException"
        );
        assert_eq!(category_info("DeadlockDetected", "", "", "", "X", true), "Deadlock detected: (:) [], X");
        assert_eq!(category_template("NoSuchCategory"), CAT_NOT_SPECIFIED);
        let long = "C:\\a\\very\\long\\path\\that\\goes\\on\\and\\on\\file.txt";
        assert_eq!(ellipsize(long), "C:\\a\\very\\long\\\u{2026}and\\on\\file.txt");
        assert_eq!(ellipsize("short"), "short");
        assert_eq!(
            fully_qualified_error_id("NamedParameterNotFound", Some("Microsoft.PowerShell.Commands.GetItemCommand")),
            "NamedParameterNotFound,Microsoft.PowerShell.Commands.GetItemCommand"
        );
        assert_eq!(fully_qualified_error_id("MissingEndCurlyBrace", None), "MissingEndCurlyBrace");
    }

    #[test]
    fn catalog_is_consistent() {
        let mut names: Vec<&str> = CATALOG.iter().map(|m| m.name).collect();
        let n = names.len();
        names.sort_unstable();
        names.dedup();
        assert_eq!(n, names.len(), "duplicate constant names");
        assert!(n >= 200);
        assert_eq!(lookup("PARSE_MISSING_END_CURLY_BRACE").unwrap().error_id, "MissingEndCurlyBrace");
        assert_eq!(lookup_key("CommandNotFoundException").unwrap().template, DISC_COMMAND_NOT_FOUND);
        for m in CATALOG {
            assert!(!m.template.is_empty(), "{}", m.name);
        }
    }
}
