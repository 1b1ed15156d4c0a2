//! The command line (a stable interface: users' CI depends on it).
//!
//! ```text
//! tenantsim                          REPL on the default scenario
//! tenantsim run FILE.ps1 [ARGS…]     run a script (also: tenantsim -File FILE.ps1 [ARGS…])
//! tenantsim -Command '…'             run a command string
//! tenantsim check FILE…              parse + bind + lint statically, report problems, exit 1 on a parse error
//! tenantsim test [PATH…]             run *.Tests.ps1 files (Pester 5 subset, see `test`)
//! tenantsim run --expect F.out S.ps1 compare the transcript with F.out (`--update` rewrites it)
//! ```
//! Common options: `--scenario FILE.json`, `--state FILE.json`, `--now RFC3339`, `--seed N`.
//! Exit codes follow pwsh: the value of `exit N`; 1 after a parse error or an uncaught
//! terminating error; for `-Command`, 1 when the last statement failed.

pub mod check;
pub mod test;

use std::path::PathBuf;
use std::rc::Rc;

use crate::engine::bind::Arg;
use crate::engine::error::Flow;
use crate::engine::host::Host;
use crate::engine::interp::{Interp, Options};
use crate::engine::value::Value;
use crate::lang::ast::Span;

#[derive(Debug, Default, Clone)]
pub struct Common {
    pub scenario: Option<PathBuf>,
    pub state: Option<PathBuf>,
    pub now: Option<String>,
    pub seed: u64,
}

#[derive(Debug)]
pub enum Mode {
    Repl,
    Run {
        file: PathBuf,
        args: Vec<String>,
    },
    Command(String),
    Check(check::CheckOptions),
    Test(test::TestOptions),
    /// `run --expect FILE.out [--update] FILE.ps1 [ARGS…]`: a transcript test.
    Transcript {
        file: PathBuf,
        args: Vec<String>,
        expect: PathBuf,
        update: bool,
    },
    Help,
    Version,
}

pub const USAGE: &str = "Usage:
  tenantsim                         start the interactive shell (REPL)
  tenantsim run FILE.ps1 [ARGS...]  run a script
  tenantsim -File FILE.ps1 [ARGS...]
  tenantsim -Command 'COMMANDS'     run commands
  tenantsim check FILE.ps1|FILE.md...
                                    parse, bind and lint without running (--syntax: parse only,
                                    --strict: warnings fail too, --format json, --scenario FILE.json,
                                    --list-rules); a .md file: each PowerShell code block
  tenantsim test [PATH...]          run *.Tests.ps1 files (Pester 5); exit code = failures (max 255)
                                    [--junit FILE] [--nunit FILE] [--output Detailed|Normal|None] [--wall-clock]
  tenantsim run --expect FILE.out [--update] FILE.ps1 [ARGS...]
                                    compare the output with a transcript (unified diff, exit 1 if it differs)

Options (before the mode):
  --scenario FILE.json   initial world (default: the embedded scenario)
  --state FILE.json      load the world from FILE if it exists, save it back on exit
  --now RFC3339          virtual start time
  --seed N               seed for Get-Random, New-Guid and simulated durations
";

fn parse_args(argv: &[String]) -> Result<(Common, Mode), String> {
    let mut common = Common::default();
    let mut i = 0;
    let take = |i: &mut usize, name: &str| -> Result<String, String> {
        *i += 1;
        argv.get(*i).cloned().ok_or_else(|| format!("missing value for {name}"))
    };
    while i < argv.len() {
        let a = argv[i].as_str();
        let lower = a.to_ascii_lowercase();
        match lower.as_str() {
            "--scenario" => common.scenario = Some(PathBuf::from(take(&mut i, a)?)),
            "--state" => common.state = Some(PathBuf::from(take(&mut i, a)?)),
            "--now" => common.now = Some(take(&mut i, a)?),
            "--seed" => common.seed = take(&mut i, a)?.parse().map_err(|_| "--seed expects a number".to_string())?,
            "-h" | "--help" | "-help" | "-?" | "/?" => return Ok((common, Mode::Help)),
            "--version" | "-version" | "-v" => return Ok((common, Mode::Version)),
            "-noprofile" | "-nop" | "-noninteractive" | "-nologo" | "-executionpolicy" | "-ep" => {
                if lower == "-executionpolicy" || lower == "-ep" {
                    i += 1;
                }
            }
            "run" if argv.get(i + 1).is_some_and(|x| x == "--expect" || x == "--update") => {
                let mut expect = None;
                let mut update = false;
                loop {
                    match argv.get(i + 1).map(String::as_str) {
                        Some("--expect") => {
                            i += 1;
                            expect = Some(PathBuf::from(take(&mut i, "--expect")?));
                        }
                        Some("--update") => {
                            i += 1;
                            update = true;
                        }
                        _ => break,
                    }
                }
                let Some(expect) = expect else { return Err("--update needs --expect FILE.out".into()) };
                let file = take(&mut i, "run")?;
                return Ok((common, Mode::Transcript { file: PathBuf::from(file), args: argv[i + 1..].to_vec(), expect, update }));
            }
            "test" => {
                let opts = test::parse(&argv[i + 1..])?;
                return Ok((common, Mode::Test(opts)));
            }
            "run" | "-file" | "-f" => {
                let file = take(&mut i, a)?;
                return Ok((common, Mode::Run { file: PathBuf::from(file), args: argv[i + 1..].to_vec() }));
            }
            "-command" | "-c" => {
                let rest = argv[i + 1..].join(" ");
                if rest.is_empty() {
                    return Err("missing value for -Command".into());
                }
                return Ok((common, Mode::Command(rest)));
            }
            "check" => {
                let mut opts = check::CheckOptions::default();
                let mut j = i + 1;
                while j < argv.len() {
                    match argv[j].as_str() {
                        "--syntax" => opts.syntax_only = true,
                        "--strict" => opts.strict = true,
                        "--list-rules" => opts.list_rules = true,
                        "--format" => {
                            j += 1;
                            opts.json = argv.get(j).is_some_and(|f| f == "json");
                        }
                        "--format=json" => opts.json = true,
                        // The world the context rules resolve tenants against, also accepted
                        // after `check` (where people type it).
                        "--scenario" => {
                            j += 1;
                            common.scenario = Some(PathBuf::from(argv.get(j).ok_or("missing value for --scenario")?));
                        }
                        f => opts.files.push(PathBuf::from(f)),
                    }
                    j += 1;
                }
                if opts.files.is_empty() && !opts.list_rules {
                    return Err("check: no files given".into());
                }
                return Ok((common, Mode::Check(opts)));
            }
            _ => {
                if a.ends_with(".ps1") {
                    return Ok((common, Mode::Run { file: PathBuf::from(a), args: argv[i + 1..].to_vec() }));
                }
                return Err(format!("unknown argument '{a}'"));
            }
        }
        i += 1;
    }
    Ok((common, Mode::Repl))
}

/// Script arguments from the command line, bound like pwsh binds `-File` arguments.
fn script_args(args: &[String]) -> Vec<Arg> {
    let mut out = Vec::new();
    for a in args {
        let is_param = a.len() > 1 && a.starts_with('-') && a[1..].chars().next().is_some_and(|c| c.is_alphabetic() || c == '_');
        if is_param {
            match a[1..].split_once(':') {
                Some((n, v)) => out.push(Arg::Named { name: Rc::from(n), value: Some(Value::str(v)), colon: true, span: Span::default() }),
                None => out.push(Arg::Named { name: Rc::from(&a[1..]), value: None, colon: false, span: Span::default() }),
            }
        } else {
            let v = match crate::engine::convert::parse_number(a) {
                Some(n) if a.trim() == a && !a.is_empty() => n,
                _ => Value::str(a),
            };
            out.push(Arg::Positional { value: v, span: Span::default(), text: Rc::from(a.as_str()) });
        }
    }
    out
}

pub fn new_interp(common: &Common, host: Host) -> Interp {
    let mut it = Interp::new(host, Options { non_interactive: true, seed: common.seed, width: 120 });
    crate::sim::configure(&mut it, common);
    it
}

/// Report an uncaught error and decide the exit code.
fn finish(it: &mut Interp, r: Result<(), Flow>) -> i32 {
    let code = match r {
        Ok(()) => 0,
        Err(Flow::Exit(n)) => n,
        Err(Flow::Error(rec, _)) => {
            it.out_default_end();
            it.report_error(&rec);
            1
        }
        Err(Flow::Break(_)) | Err(Flow::Continue(_)) | Err(Flow::Return) => 0,
    };
    it.out_default_end();
    code
}

pub fn run_file(common: &Common, file: &std::path::Path, args: &[String], host: Host) -> (i32, Interp) {
    let mut it = new_interp(common, host);
    let text = match std::fs::read_to_string(file) {
        Ok(t) => t,
        Err(_) => {
            it.host.write(
                crate::engine::host::Stream::Err,
                &format!("The argument '{}' is not recognized as the name of a script file. Check the spelling of the name, or if a path was included, verify that the path is correct and try again.\n", file.display()),
            );
            return (64, it);
        }
    };
    let sb = match crate::lang::parse_script(text, Some(file.to_path_buf())) {
        Ok(sb) => sb,
        Err(pe) => {
            let rec = crate::engine::display::parse_error_record(&pe);
            it.host.write_error_record(&rec);
            return (1, it);
        }
    };
    let r = it.run_script(&sb, script_args(args), &mut crate::engine::OutDefaultSink);
    let code = finish(&mut it, r);
    crate::sim::save_state(&mut it, common);
    (code, it)
}

pub fn run_command(common: &Common, text: &str, host: Host) -> (i32, Interp) {
    let mut it = new_interp(common, host);
    let sb = match crate::lang::parse_script(text.to_string(), None) {
        Ok(sb) => sb,
        Err(pe) => {
            let rec = crate::engine::display::parse_error_record(&pe);
            it.host.write_error_record(&rec);
            return (1, it);
        }
    };
    let r = it.run_interactive(&sb, &mut crate::engine::OutDefaultSink);
    let failed = r.is_err() || !it.last_ok;
    let mut code = finish(&mut it, r.clone());
    if code == 0 && failed && !matches!(r, Err(Flow::Exit(_))) {
        code = 1;
    }
    crate::sim::save_state(&mut it, common);
    (code, it)
}

/// Entry point used by `main`.
pub fn main_with_args(argv: Vec<String>) -> i32 {
    let (common, mode) = match parse_args(&argv) {
        Ok(x) => x,
        Err(e) => {
            eprintln!("tenantsim: {e}\n\n{USAGE}");
            return 64;
        }
    };
    match mode {
        Mode::Help => {
            print!("{USAGE}");
            0
        }
        Mode::Version => {
            println!("tenantsim {}", env!("CARGO_PKG_VERSION"));
            0
        }
        Mode::Run { file, args } => {
            let (code, mut it) = run_file(&common, &file, &args, Host::stdio());
            it.host.flush();
            // The process ends here: skip freeing a possibly large world object by object.
            std::mem::forget(it);
            code
        }
        Mode::Command(text) => {
            let (code, mut it) = run_command(&common, &text, Host::stdio());
            it.host.flush();
            std::mem::forget(it);
            code
        }
        Mode::Check(opts) => check::run(&common, &opts),
        Mode::Test(opts) => {
            let mut host = Host::stdio();
            test::run(&common, &opts, &mut host)
        }
        Mode::Transcript { file, args, expect, update } => test::run_transcript(&common, &file, &args, &expect, update),
        Mode::Repl => crate::repl::run(&common),
    }
}
