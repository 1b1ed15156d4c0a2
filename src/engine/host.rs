//! The host: where text ends up. Output objects are formatted by Out-Default (engine::format)
//! and written to stdout; error records go to stderr; warnings, verbose, debug, information
//! and Write-Host go to stdout, as pwsh's console host does.
//!
//! A capture mode keeps everything in memory for transcript tests and the test runner.

use std::cell::RefCell;
use std::io::{IsTerminal, Write};
use std::rc::Rc;

use crate::engine::error::ErrorRecord;
use crate::engine::format::OutDefault;

/// Set when the user presses Ctrl+C while a command runs in the REPL (its SIGINT handler), and
/// cleared before the next input. The REPL's output sink stops the pipeline when it is set;
/// long-running engine loops may poll [`interrupt_requested`] to stop sooner.
pub static INTERRUPT: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Whether Ctrl+C asked the running command to stop (pwsh's StopProcessing).
pub fn interrupt_requested() -> bool {
    INTERRUPT.load(std::sync::atomic::Ordering::Relaxed)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stream {
    Out,
    Err,
}

pub enum Target {
    Std {
        out: std::io::BufWriter<std::io::Stdout>,
    },
    /// Everything in one buffer, in order (stdout and stderr interleaved).
    Capture(Rc<RefCell<String>>),
    /// Separate buffers for stdout and stderr.
    Split(Rc<RefCell<String>>, Rc<RefCell<String>>),
}

pub struct Host {
    pub target: Target,
    pub color_out: bool,
    pub color_err: bool,
    pub formatter: OutDefault,
    /// Lines for Read-Host when stdin is not a terminal.
    pub stdin_lines: Option<std::collections::VecDeque<String>>,
    pub transcript: Option<(std::path::PathBuf, String)>,
    pub interactive: bool,
}

fn color_wanted(stream_is_tty: bool) -> bool {
    if std::env::var_os("NO_COLOR").is_some() || std::env::var("TERM").is_ok_and(|t| t == "dumb") {
        return false;
    }
    match std::env::var("TENANTSIM_COLOR").as_deref() {
        Ok("always") => true,
        Ok("never") => false,
        _ => stream_is_tty,
    }
}

impl Host {
    pub fn stdio() -> Host {
        Host {
            target: Target::Std { out: std::io::BufWriter::with_capacity(64 * 1024, std::io::stdout()) },
            color_out: color_wanted(std::io::stdout().is_terminal()),
            color_err: color_wanted(std::io::stderr().is_terminal()),
            formatter: {
                let mut f = OutDefault::new(crate::engine::format::layout_width());
                f.color = color_wanted(std::io::stdout().is_terminal());
                f
            },
            stdin_lines: None,
            transcript: None,
            interactive: false,
        }
    }

    pub fn capture() -> (Host, Rc<RefCell<String>>) {
        let buf = Rc::new(RefCell::new(String::new()));
        (
            Host {
                target: Target::Capture(buf.clone()),
                color_out: false,
                color_err: false,
                formatter: OutDefault::new(79),
                stdin_lines: None,
                transcript: None,
                interactive: false,
            },
            buf,
        )
    }

    pub fn split_capture() -> (Host, Rc<RefCell<String>>, Rc<RefCell<String>>) {
        let out = Rc::new(RefCell::new(String::new()));
        let err = Rc::new(RefCell::new(String::new()));
        (
            Host {
                target: Target::Split(out.clone(), err.clone()),
                color_out: false,
                color_err: false,
                formatter: OutDefault::new(79),
                stdin_lines: None,
                transcript: None,
                interactive: false,
            },
            out,
            err,
        )
    }

    /// Raw text to a stream.
    pub fn write(&mut self, stream: Stream, text: &str) {
        if let Some((_, t)) = &mut self.transcript {
            t.push_str(text);
        }
        match &mut self.target {
            Target::Std { out } => match stream {
                Stream::Out => {
                    let _ = out.write_all(text.as_bytes());
                }
                Stream::Err => {
                    let _ = out.flush();
                    let mut e = std::io::stderr().lock();
                    let _ = e.write_all(text.as_bytes());
                }
            },
            Target::Capture(buf) => buf.borrow_mut().push_str(text),
            Target::Split(o, e) => match stream {
                Stream::Out => o.borrow_mut().push_str(text),
                Stream::Err => e.borrow_mut().push_str(text),
            },
        }
    }

    pub fn write_line(&mut self, text: &str) {
        self.flush_formatter_for_text();
        let mut s = String::with_capacity(text.len() + 1);
        s.push_str(text);
        s.push('\n');
        self.write(Stream::Out, &s);
    }

    /// Out-of-band host text interrupts nothing in pwsh's document model; it just appears.
    fn flush_formatter_for_text(&mut self) {}

    pub fn write_error_record(&mut self, rec: &ErrorRecord) {
        self.write_error_record_as(rec, None);
    }

    /// An error record in the view `$ErrorView` names.
    pub fn write_error_record_as(&mut self, rec: &ErrorRecord, view: Option<&str>) {
        let text = crate::engine::display::render_error_as(rec, view, self.color_err);
        // Errors travel the merged stream into Out-Default: behind held table rows, in order.
        if self.formatter.holding() {
            self.formatter.push_error_text(&text);
            return;
        }
        let mut s = String::with_capacity(text.len() + 1);
        s.push_str(&text);
        s.push('\n');
        self.write(Stream::Err, &s);
    }

    /// Write what Out-Default has rendered, each chunk to its stream.
    pub fn drain_formatter(&mut self) {
        for (chunk, text) in self.formatter.take_chunks() {
            let stream = match chunk {
                crate::engine::format::Chunk::Out => Stream::Out,
                crate::engine::format::Chunk::Err => Stream::Err,
            };
            self.write(stream, &text);
        }
    }

    fn styled(&mut self, prefix: &str, msg: &str) {
        let line = if self.color_out { format!("\x1b[33;1m{prefix}{msg}\x1b[0m") } else { format!("{prefix}{msg}") };
        self.write_line(&line);
    }

    pub fn write_warning(&mut self, msg: &str) {
        self.styled("WARNING: ", msg);
    }
    pub fn write_verbose(&mut self, msg: &str) {
        self.styled("VERBOSE: ", msg);
    }
    pub fn write_debug(&mut self, msg: &str) {
        self.styled("DEBUG: ", msg);
    }

    /// Write-Host with an optional console colour.
    pub fn write_host(&mut self, text: &str, color: Option<&str>, newline: bool) {
        let body = match (color, self.color_out) {
            (Some(code), true) => format!("\x1b[{code}m{text}\x1b[0m"),
            _ => text.to_string(),
        };
        if newline {
            self.write_line(&body);
        } else {
            self.write(Stream::Out, &body);
        }
    }

    pub fn flush(&mut self) {
        if let Target::Std { out } = &mut self.target {
            let _ = out.flush();
        }
        if let Some((path, text)) = &self.transcript {
            let _ = std::fs::write(path, text);
        }
    }

    pub fn read_line(&mut self) -> Option<String> {
        if let Some(lines) = &mut self.stdin_lines {
            return lines.pop_front();
        }
        if std::io::stdin().is_terminal() {
            self.flush();
        }
        let mut s = String::new();
        match std::io::stdin().read_line(&mut s) {
            Ok(0) | Err(_) => None,
            Ok(_) => Some(s.trim_end_matches(['\n', '\r']).to_string()),
        }
    }
}
