//! No non-test source file over `LIMIT` lines, except the allow-listed message catalogues.

use std::path::Path;

use anyhow::Context;

pub const LIMIT: usize = 700;

/// Source folders checked (`tests/it` and files named `tests.rs` are test code and exempt).
const DIRS: &[&str] = &["api/src", "web/src", "shared/src", "xtask/src", "tests/src"];

/// Files allowed to be longer, with why.
const ALLOWED: &[(&str, &str)] = &[
    ("web/src/i18n/id.rs", "message catalogue: one match arm per message, exhaustive by design"),
    ("web/src/i18n/en.rs", "message catalogue: one match arm per message, exhaustive by design"),
    ("web/src/i18n/mod.rs", "message catalogue: the message enum both languages match on"),
];

pub fn check(root: &Path) -> anyhow::Result<Vec<String>> {
    let mut files = Vec::new();
    for dir in DIRS {
        collect(&root.join(dir), &mut files)?;
    }
    files.sort();
    let mut out = Vec::new();
    for file in files {
        let rel = file.strip_prefix(root).unwrap_or(&file).to_string_lossy().replace('\\', "/");
        if ALLOWED.iter().any(|(allowed, _)| *allowed == rel) {
            continue;
        }
        let text = std::fs::read_to_string(&file).with_context(|| format!("cannot read {rel}"))?;
        if let Some(v) = violation(&rel, &text) {
            out.push(v);
        }
    }
    Ok(out)
}

fn violation(rel: &str, text: &str) -> Option<String> {
    let lines = text.lines().count();
    (lines > LIMIT).then(|| format!("{rel}: {lines} lines (limit {LIMIT}; split it by topic)"))
}

fn collect(dir: &Path, out: &mut Vec<std::path::PathBuf>) -> anyhow::Result<()> {
    let entries = std::fs::read_dir(dir).with_context(|| format!("cannot list {}", dir.display()))?;
    for entry in entries {
        let path = entry?.path();
        if path.is_dir() {
            collect(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "rs") && path.file_name().is_some_and(|n| n != "tests.rs") {
            out.push(path);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_lines_against_the_limit() {
        assert_eq!(violation("a.rs", &"x\n".repeat(LIMIT)), None);
        assert_eq!(
            violation("a.rs", &"x\n".repeat(LIMIT + 1)),
            Some("a.rs: 701 lines (limit 700; split it by topic)".into())
        );
    }
}
