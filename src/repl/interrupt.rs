//! Ctrl+C while a command runs. At the prompt the line editor reads Ctrl+C as a key (the
//! terminal is in raw mode); while a command runs the terminal is back in cooked mode and
//! Ctrl+C raises SIGINT, which must not kill the shell: the handler sets
//! [`crate::engine::host::INTERRUPT`], which stops the running pipeline at its next output.
//! A command that produces no output cannot be stopped that way: the third Ctrl+C ends
//! tenantsim (the terminal is in cooked mode then, so it is left intact).

use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};

use crate::engine::host::INTERRUPT;

static RUNNING: AtomicBool = AtomicBool::new(false);
static PRESSES: AtomicU32 = AtomicU32::new(0);

/// A command starts running.
pub fn begin() {
    INTERRUPT.store(false, Ordering::SeqCst);
    PRESSES.store(0, Ordering::SeqCst);
    RUNNING.store(true, Ordering::SeqCst);
}

/// The command finished: back to the prompt.
pub fn end() {
    RUNNING.store(false, Ordering::SeqCst);
    INTERRUPT.store(false, Ordering::SeqCst);
    PRESSES.store(0, Ordering::SeqCst);
}

#[cfg(unix)]
mod imp {
    use super::*;

    const SIGINT: i32 = 2;

    unsafe extern "C" {
        fn signal(signum: i32, handler: extern "C" fn(i32)) -> usize;
        fn write(fd: i32, buf: *const u8, count: usize) -> isize;
        fn _exit(status: i32) -> !;
    }

    fn say(msg: &[u8]) {
        // SAFETY: write(2) is async-signal-safe; the buffer is a static byte string.
        unsafe {
            write(2, msg.as_ptr(), msg.len());
        }
    }

    extern "C" fn on_sigint(_sig: i32) {
        // Only atomics and async-signal-safe calls here.
        if !RUNNING.load(Ordering::SeqCst) {
            return;
        }
        INTERRUPT.store(true, Ordering::SeqCst);
        let n = PRESSES.fetch_add(1, Ordering::SeqCst) + 1;
        if n == 2 {
            say(b"\ntenantsim: the command is still running; press Ctrl+C again to quit tenantsim.\n");
        } else if n >= 3 {
            say(b"\n");
            // SAFETY: _exit is async-signal-safe and never returns.
            unsafe { _exit(130) }
        }
    }

    pub fn install() {
        // SAFETY: installs a handler that only touches atomics and async-signal-safe calls.
        unsafe {
            signal(SIGINT, on_sigint);
        }
    }
}

#[cfg(not(unix))]
mod imp {
    pub fn install() {}
}

pub fn install() {
    imp::install();
}
