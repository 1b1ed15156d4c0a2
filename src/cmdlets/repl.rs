//! The interactive shell's cmdlets: Get-History (the session history, as pwsh keeps it),
//! Export-TenantSimHistory (the session as a replayable script: practice turns into a
//! regression test) and Clear-Host. Both read the REPL's session log (`repl::history`); outside the REPL the
//! log is empty.

use crate::cmdlets::Make;
use crate::engine::commands::{Cmdlet, Cx, FnCmdlet};
use crate::engine::datetime::{DateKind, DateTime, UNIX_EPOCH_TICKS};
use crate::engine::error::R;
use crate::engine::value::{PsObject, Value};
use crate::repl::history::{self, Entry};

macro_rules! simple {
    ($f:path) => {{
        fn make() -> Box<dyn Cmdlet> {
            Box::new(FnCmdlet($f))
        }
        make as Make
    }};
}

pub const CMDLETS: &[(&str, Make)] =
    &[("Export-TenantSimHistory", simple!(export_history)), ("Get-History", simple!(get_history)), ("Clear-Host", simple!(clear_host))];

const HISTORY_INFO: &str = "Microsoft.PowerShell.Commands.HistoryInfo";

fn ticks(t: std::time::SystemTime) -> i64 {
    match t.duration_since(std::time::UNIX_EPOCH) {
        Ok(d) => UNIX_EPOCH_TICKS + (d.as_nanos() / 100).min(i64::MAX as u128 / 2) as i64,
        Err(_) => UNIX_EPOCH_TICKS,
    }
}

fn history_info(e: &Entry) -> Value {
    let (start, end) = (ticks(e.start), ticks(e.end));
    let mut o = PsObject::typed(HISTORY_INFO);
    o.set("Id", Value::Long(e.id));
    o.set("CommandLine", Value::str(&e.text));
    o.set("ExecutionStatus", Value::str(e.status.name()));
    o.set("StartExecutionTime", Value::DateTime(DateTime::from_ticks(start, DateKind::Local)));
    o.set("EndExecutionTime", Value::DateTime(DateTime::from_ticks(end, DateKind::Local)));
    o.set("Duration", Value::TimeSpan((end - start).max(0)));
    o.to_string = Some(std::rc::Rc::from(e.text.as_str()));
    o.into_value()
}

/// Get-History: every entry, or the entries named by -Id; -Count keeps the newest N (ending
/// with -Id when both are given).
pub fn get_history(cx: &mut Cx) -> R {
    // The table view of PowerShellCore_format_ps1xml (HistoryInfo): Id right-aligned in 4, CommandLine.
    crate::engine::format::register_table_view(HISTORY_INFO, &[("Id", "Id", 4, true), ("CommandLine", "CommandLine", 0, false)]);
    let all = history::entries();
    let ids: Vec<i64> = cx.list("Id").iter().filter_map(crate::engine::convert::to_num).map(|n| n.to_f64() as i64).collect();
    let count = cx.int("Count").map(|c| c.max(0) as usize);
    let selected: Vec<&Entry> = if ids.is_empty() {
        let n = count.unwrap_or(all.len());
        all.iter().skip(all.len().saturating_sub(n)).collect()
    } else if let (Some(n), [id]) = (count, ids.as_slice()) {
        let upto: Vec<&Entry> = all.iter().filter(|e| e.id <= *id).collect();
        upto.iter().skip(upto.len().saturating_sub(n)).copied().collect()
    } else {
        let mut out = Vec::new();
        for id in &ids {
            match all.iter().find(|e| e.id == *id) {
                Some(e) => out.push(e),
                None => {
                    let rec = cx
                        .error("System.ArgumentException", format!("Cannot locate history for Id {id}."), "GetHistoryItemNotFound", "ObjectNotFound")
                        .with_target(Value::Long(*id));
                    cx.write_error(rec)?;
                }
            }
        }
        out
    };
    for e in selected {
        cx.emit(history_info(e))?;
    }
    Ok(())
}

/// Export-TenantSimHistory -Path FILE: the session's inputs as a script.
pub fn export_history(cx: &mut Cx) -> R {
    let raw = cx.string("Path").unwrap_or_default();
    let Some(path) = crate::cmdlets::core::files::output_path(cx, &raw, true)? else { return Ok(()) };
    let text = history::script(&history::entries(), cx.switch("IncludeFailed"));
    crate::cmdlets::core::files::write_text_file(cx, &path, &text, false, cx.switch("NoClobber"), false)
}

/// Clear-Host: on a terminal, erase the screen and scrollback and home the cursor (the escape
/// sequences pwsh writes on Unix); elsewhere nothing.
pub fn clear_host(cx: &mut Cx) -> R {
    use std::io::IsTerminal;
    if matches!(cx.it.host.target, crate::engine::host::Target::Std { .. }) && std::io::stdout().is_terminal() {
        cx.it.host.write(crate::engine::host::Stream::Out, "\x1b[2J\x1b[3J\x1b[H");
    }
    Ok(())
}
