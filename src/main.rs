#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    // Deeply nested scripts recurse in the parser and evaluator; nesting is capped
    // (lang::depth::MAX_NESTING) and this stack is sized for that cap.
    let child = std::thread::Builder::new().stack_size(tenantsim::lang::PARSER_STACK_BYTES).spawn(move || tenantsim::cli::main_with_args(argv));
    let code = match child {
        Ok(h) => h.join().unwrap_or(1),
        Err(_) => 1,
    };
    std::process::exit(code);
}
