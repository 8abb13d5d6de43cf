//! `cargo xtask tidy`: structural rules the compiler does not check.
//!
//! 1. no module cycle in `api/src` (`cycles.rs`; nodes are module paths cut to two levels),
//! 2. no non-test source file over 700 lines (`lengths.rs`),
//! 3. every path ARCHITECTURE.md names in backticks exists (`codemap.rs`).
//!
//! `cargo xtask tidy --graph [prefix]` prints the module graph of `api/src` instead, one line per
//! node whose name starts with the prefix.

mod codemap;
mod cycles;
mod lengths;
mod lexer;
mod parse;

use std::path::Path;

use anyhow::bail;

pub fn run(root: &Path, args: &[String]) -> anyhow::Result<()> {
    if let Some(pos) = args.iter().position(|a| a == "--graph") {
        let prefix = args.get(pos + 1).map_or("", String::as_str);
        let graph = cycles::graph(&cycles::read_tree(root)?);
        print!("{}", cycles::render(&graph, prefix));
        return Ok(());
    }
    if let Some(other) = args.first() {
        bail!("tidy: unknown argument {other} (usage: cargo xtask tidy [--graph [prefix]])");
    }
    let graph = cycles::graph(&cycles::read_tree(root)?);
    let checks = [
        (format!("module cycles in {}", cycles::CRATE_SRC), cycles::report(&graph)),
        (format!("source files over {} lines", lengths::LIMIT), lengths::check(root)?),
        (format!("paths in {} that do not exist", codemap::FILE), codemap::check(root)?),
    ];
    let mut total = 0;
    for (title, violations) in &checks {
        if violations.is_empty() {
            println!("ok      {title}");
        } else {
            println!("FAILED  {title}: {}", violations.len());
            for v in violations {
                println!("  {v}");
            }
        }
        total += violations.len();
    }
    if total > 0 {
        bail!("tidy: {total} violation(s)");
    }
    Ok(())
}
