//! The interactive shell. A line-by-line loop for now; completion, history and highlighting
//! arrive with the REPL issue.

use std::io::Write;

use crate::engine::host::Host;

pub fn run(common: &crate::cli::Common) -> i32 {
    let mut host = Host::stdio();
    host.interactive = true;
    let mut it = crate::cli::new_interp(common, host);
    it.options.non_interactive = false;
    let stdin = std::io::stdin();
    loop {
        print!("PS > ");
        let _ = std::io::stdout().flush();
        let mut line = String::new();
        match stdin.read_line(&mut line) {
            Ok(0) | Err(_) => break,
            Ok(_) => {}
        }
        let sb = match crate::lang::parse_script(line, None) {
            Ok(sb) => sb,
            Err(pe) => {
                it.host.write_error_record(&crate::engine::display::parse_error_record(&pe));
                it.host.flush();
                continue;
            }
        };
        let r = it.run_interactive(&sb, &mut crate::engine::OutDefaultSink);
        if let Err(crate::engine::error::Flow::Error(rec, _)) = &r {
            it.out_default_end();
            it.report_error(rec);
        }
        it.out_default_end();
        it.host.flush();
        if let Err(crate::engine::error::Flow::Exit(code)) = r {
            return code;
        }
    }
    0
}
