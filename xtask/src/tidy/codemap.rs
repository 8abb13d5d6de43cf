//! Every repository path named in backticks in ARCHITECTURE.md exists.
//!
//! A span counts as a path when it contains `/` or ends in one of `EXTENSIONS`, and has no space,
//! `::`, `*`, `{`, `<`, `$` or `~`; routes (a leading `/`) and URLs are not paths. A trailing
//! `:line` or `#anchor` is dropped; `NOT_IN_REPO` lists the few named on purpose. A path is looked up from the repository root, from each crate's
//! `src/`, and from the folders named earlier in the same top-level list item (the codemap names
//! `admin_home.rs` under `staff/` under `pages/` under `web/`).

use std::path::Path;

use anyhow::Context;

pub const FILE: &str = "ARCHITECTURE.md";

const EXTENSIONS: &[&str] = &["rs", "md", "toml", "json", "yml", "yaml", "sh"];
const BASES: &[&str] = &["", "api/src", "web/src", "shared/src"];

/// Paths named on purpose that are not in the repository, with why.
const NOT_IN_REPO: &[(&str, &str)] = &[("./data", "the embedded default's data folder, made on the first run")];

pub fn check(root: &Path) -> anyhow::Result<Vec<String>> {
    let text = std::fs::read_to_string(root.join(FILE)).with_context(|| format!("cannot read {FILE}"))?;
    Ok(missing(&text, &|p| root.join(p).exists(), &|p| root.join(p).is_dir()))
}

/// The violations in `text`, given how to test a repository path for existence and for being a
/// folder.
fn missing(text: &str, exists: &dyn Fn(&str) -> bool, is_dir: &dyn Fn(&str) -> bool) -> Vec<String> {
    let mut out = Vec::new();
    let mut context: Vec<String> = Vec::new();
    for (line, item_start, span) in spans(text) {
        if item_start {
            context.clear();
        }
        let Some(path) = as_path(&span) else { continue };
        if NOT_IN_REPO.iter().any(|(p, _)| *p == path) {
            continue;
        }
        let found = BASES
            .iter()
            .map(|b| b.to_string())
            .chain(context.iter().rev().cloned())
            .map(|base| join(&base, path))
            .find(|p| exists(p));
        match found {
            Some(p) => {
                let dir =
                    if is_dir(&p) { p } else { p.rsplit_once('/').map(|(d, _)| d.to_string()).unwrap_or_default() };
                let src = join(&dir, "src");
                if is_dir(&src) {
                    context.push(src);
                }
                context.push(dir);
            }
            None => out.push(format!("{FILE}:{line}: `{span}` does not exist")),
        }
    }
    out
}

fn join(base: &str, path: &str) -> String {
    let path = path.trim_end_matches('/');
    if base.is_empty() { path.to_string() } else { format!("{base}/{path}") }
}

/// The repository path a backtick span names, if it names one.
fn as_path(span: &str) -> Option<&str> {
    if span.is_empty()
        || span.starts_with('/')
        || span.contains("://")
        || [" ", "::", "*", "{", "<", "$", "~"].iter().any(|bad| span.contains(bad))
    {
        return None;
    }
    let mut path = span.split('#').next().unwrap_or(span);
    if let Some((head, tail)) = path.rsplit_once(':')
        && !tail.is_empty()
        && tail.chars().all(|c| c.is_ascii_digit())
    {
        path = head;
    }
    let has_ext = path.rsplit_once('.').is_some_and(|(stem, ext)| !stem.is_empty() && EXTENSIONS.contains(&ext));
    (path.contains('/') || has_ext).then_some(path)
}

/// Each inline code span outside fenced blocks: its line, whether a new top-level list item (or
/// paragraph or heading) started since the previous span, and its text.
fn spans(text: &str) -> Vec<(usize, bool, String)> {
    let mut out = Vec::new();
    let mut fenced = false;
    let mut item_start = true;
    let mut open: Option<(usize, usize, String)> = None; // line, backtick count, text so far
    for (n, line) in text.lines().enumerate() {
        let n = n + 1;
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
            continue;
        }
        if fenced {
            continue;
        }
        if open.is_none() && (line.starts_with("- ") || line.starts_with('#') || line.trim().is_empty()) {
            item_start = true;
        }
        let chars: Vec<char> = line.chars().collect();
        let mut i = 0;
        if let Some((_, _, buf)) = open.as_mut() {
            buf.push(' ');
        }
        while i < chars.len() {
            if chars[i] != '`' {
                if let Some((_, _, buf)) = open.as_mut() {
                    buf.push(chars[i]);
                }
                i += 1;
                continue;
            }
            let run = chars[i..].iter().take_while(|c| **c == '`').count();
            i += run;
            match open.take() {
                None => open = Some((n, run, String::new())),
                Some((start, want, buf)) if want == run => {
                    out.push((start, std::mem::take(&mut item_start), buf.trim().to_string()));
                }
                Some((start, want, mut buf)) => {
                    buf.extend(std::iter::repeat_n('`', run));
                    open = Some((start, want, buf));
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_counts_as_a_path() {
        assert_eq!(as_path("api/src/lib.rs"), Some("api/src/lib.rs"));
        assert_eq!(as_path("lib.rs:12"), Some("lib.rs"));
        assert_eq!(as_path("docs/benchmarks.md#first-visit"), Some("docs/benchmarks.md"));
        assert_eq!(as_path("Cargo.toml"), Some("Cargo.toml"));
        assert_eq!(as_path("web/"), Some("web/"));
        for not in [
            "/api/v1",
            "/staff",
            "services::audit::verify_chain",
            "api/templates/*.typ",
            "<data dir>/templates/",
            "ttis-api backup",
            "~/.cache/ttis-venv",
            "https://",
            "tickets.step_started_at",
            "index.html",
            "ReportState",
        ] {
            assert_eq!(as_path(not), None, "{not}");
        }
    }

    #[test]
    fn spans_skip_fences_and_join_lines() {
        let text = "a `x/y.rs` b\n```\n`fenced/z.rs`\n```\n- `multi\nline` and ``a`b``";
        assert_eq!(
            spans(text),
            [(1, true, "x/y.rs".to_string()), (5, true, "multi line".to_string()), (6, false, "a`b".to_string())]
        );
    }

    #[test]
    fn paths_resolve_from_the_root_the_crates_and_earlier_folders_in_the_item() {
        let files = [
            "web",
            "web/src",
            "web/src/pages",
            "web/src/pages/staff",
            "web/src/pages/staff/admin_home.rs",
            "shared/src/sla.rs",
            "docs/a.md",
        ];
        let exists = |p: &str| files.contains(&p);
        let is_dir = |p: &str| !p.ends_with(".rs") && !p.ends_with(".md");
        let text = "- `web/`: `pages/` (`staff/` with `admin_home.rs`), `sla.rs`, `docs/a.md`, `gone.rs`\n- `admin_home.rs`, `/api/v1/x`";
        assert_eq!(
            missing(text, &exists, &is_dir),
            ["ARCHITECTURE.md:1: `gone.rs` does not exist", "ARCHITECTURE.md:2: `admin_home.rs` does not exist"]
        );
    }
}
