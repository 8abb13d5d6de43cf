//! The module graph of `api/src` and its cycles.
//!
//! A node is a module path cut to two levels (`services::tickets::queue` → `services::tickets`);
//! the crate root is `crate`. Edges come from `crate::`/`super::`/`self::` paths (see `parse`),
//! each pointing at the longest known module its path starts with. Edges between a module and
//! its ancestor or descendant are left out (a module may use what its parent or children define),
//! and so are the exempt modules below. The tree is walked from `lib.rs` along `mod` declarations,
//! so a file reached only through a `#[cfg(test)]` module is never read; `main.rs` is a crate of
//! its own that reaches the library as `ttis_api::`, so nothing can point back at it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};

use super::parse::{ModPath, parse};

pub const CRATE_SRC: &str = "api/src";

/// Top-level modules left out of the graph, with why.
pub const EXEMPT: &[(&str, &str)] = &[
    ("entities", "sea-orm entities: `Related` impls point both ways by design"),
    ("migrations", "a migration set written once per schema change, never imported by the rules"),
];

/// Where an edge comes from: one file and line that causes it.
pub type Place = (String, usize);

#[derive(Debug, Default)]
pub struct Graph {
    pub nodes: BTreeSet<String>,
    /// node → target → the first place (by file, then line) that makes the edge.
    pub edges: BTreeMap<String, BTreeMap<String, Place>>,
}

/// The source files of the crate's module tree, each with its module path.
pub struct Source {
    pub file: String,
    pub module: ModPath,
    pub text: String,
}

/// Reads the module tree of the crate under `root/CRATE_SRC`, starting at `lib.rs`.
pub fn read_tree(root: &Path) -> anyhow::Result<Vec<Source>> {
    let src = root.join(CRATE_SRC);
    let mut out = Vec::new();
    let mut todo = vec![(src.join("lib.rs"), ModPath::new())];
    while let Some((path, module)) = todo.pop() {
        let text = std::fs::read_to_string(&path).with_context(|| format!("cannot read {}", path.display()))?;
        let parsed = parse(&text, &module);
        let dir = module_dir(&path);
        for (inline, name) in parsed.file_mods {
            let mut child = module.clone();
            child.extend(inline.iter().cloned());
            child.push(name.clone());
            if is_exempt(&child) {
                continue;
            }
            let base = inline.iter().fold(dir.clone(), |d, seg| d.join(seg));
            let candidates = [base.join(format!("{name}.rs")), base.join(&name).join("mod.rs")];
            let Some(file) = candidates.into_iter().find(|c| c.is_file()) else {
                bail!("{}: `mod {name};` has no file {name}.rs or {name}/mod.rs", rel(root, &path));
            };
            todo.push((file, child));
        }
        out.push(Source { file: rel(root, &path), module, text });
    }
    out.sort_by(|a, b| a.file.cmp(&b.file));
    Ok(out)
}

/// The directory a file's `mod x;` declarations are looked up in.
fn module_dir(file: &Path) -> PathBuf {
    let parent = file.parent().map(Path::to_path_buf).unwrap_or_default();
    match file.file_name().and_then(|n| n.to_str()) {
        Some("lib.rs" | "main.rs" | "mod.rs") => parent,
        _ => parent.join(file.file_stem().unwrap_or_default()),
    }
}

fn rel(root: &Path, path: &Path) -> String {
    path.strip_prefix(root).unwrap_or(path).to_string_lossy().replace('\\', "/")
}

fn is_exempt(module: &[String]) -> bool {
    module.first().is_some_and(|top| EXEMPT.iter().any(|(name, _)| top == name))
}

/// The graph node of a module path.
pub fn node(module: &[String]) -> String {
    if module.is_empty() { "crate".to_string() } else { module.iter().take(2).cloned().collect::<Vec<_>>().join("::") }
}

/// Whether `a` contains `b` or `b` contains `a` (or they are the same node).
fn related(a: &str, b: &str) -> bool {
    a == b
        || a == "crate"
        || b == "crate"
        || b.strip_prefix(a).is_some_and(|r| r.starts_with("::"))
        || a.strip_prefix(b).is_some_and(|r| r.starts_with("::"))
}

/// Builds the graph from the sources of one crate (as `read_tree` returns them).
pub fn graph(sources: &[Source]) -> Graph {
    let parsed: Vec<_> = sources.iter().map(|s| (s, parse(&s.text, &s.module))).collect();
    let mut known: BTreeSet<ModPath> = BTreeSet::new();
    for (s, p) in &parsed {
        known.insert(s.module.clone());
        known.extend(p.inline_mods.iter().cloned());
        for (inline, name) in &p.file_mods {
            let mut child = s.module.clone();
            child.extend(inline.iter().cloned());
            child.push(name.clone());
            known.insert(child);
        }
    }
    let mut g = Graph { nodes: known.iter().filter(|m| !is_exempt(m)).map(|m| node(m)).collect(), ..Graph::default() };
    for (s, p) in &parsed {
        for r in &p.refs {
            let target = (0..=r.to.len()).rev().map(|n| &r.to[..n]).find(|m| known.contains(*m)).unwrap_or(&[]);
            let (from, to) = (node(&r.from), node(target));
            if is_exempt(target) || related(&from, &to) {
                continue;
            }
            let place = (s.file.clone(), r.line);
            let slot = g.edges.entry(from).or_default().entry(to).or_insert_with(|| place.clone());
            if place < *slot {
                *slot = place;
            }
        }
    }
    g
}

/// The strongly connected components with more than one node, each sorted, in name order.
pub fn cycles(g: &Graph) -> Vec<Vec<String>> {
    struct Tarjan<'a> {
        g: &'a Graph,
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        on_stack: BTreeSet<&'a str>,
        out: Vec<Vec<String>>,
    }
    impl<'a> Tarjan<'a> {
        fn visit(&mut self, v: &'a str) {
            let i = self.index.len();
            self.index.insert(v, i);
            self.low.insert(v, i);
            self.stack.push(v);
            self.on_stack.insert(v);
            for w in self.g.edges.get(v).into_iter().flat_map(|t| t.keys()) {
                let w = w.as_str();
                if !self.index.contains_key(w) {
                    self.visit(w);
                    let lw = self.low[w];
                    let lv = self.low.entry(v).or_default();
                    *lv = (*lv).min(lw);
                } else if self.on_stack.contains(w) {
                    let iw = self.index[w];
                    let lv = self.low.entry(v).or_default();
                    *lv = (*lv).min(iw);
                }
            }
            if self.low[v] == self.index[v] {
                let mut comp = Vec::new();
                while let Some(w) = self.stack.pop() {
                    self.on_stack.remove(w);
                    comp.push(w.to_string());
                    if w == v {
                        break;
                    }
                }
                if comp.len() > 1 {
                    comp.sort();
                    self.out.push(comp);
                }
            }
        }
    }
    let mut t = Tarjan {
        g,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        out: Vec::new(),
    };
    let all: BTreeSet<&str> = g.nodes.iter().map(String::as_str).chain(g.edges.keys().map(String::as_str)).collect();
    for v in all {
        if !t.index.contains_key(v) {
            t.visit(v);
        }
    }
    t.out.sort();
    t.out
}

/// One violation per cycle: its nodes, then each edge inside it with the place that causes it.
pub fn report(g: &Graph) -> Vec<String> {
    cycles(g)
        .into_iter()
        .map(|comp| {
            let mut text = format!("module cycle ({} modules): {}", comp.len(), comp.join(", "));
            let members: BTreeSet<&String> = comp.iter().collect();
            for from in &comp {
                for (to, (file, line)) in g.edges.get(from).into_iter().flatten() {
                    if members.contains(to) {
                        text.push_str(&format!("\n    {from} -> {to}  ({file}:{line})"));
                    }
                }
            }
            text
        })
        .collect()
}

/// The graph as text: `node -> target, target` for each node whose name starts with `prefix`.
pub fn render(g: &Graph, prefix: &str) -> String {
    let mut out = String::new();
    for n in g.nodes.iter().filter(|n| n.starts_with(prefix)) {
        let targets: Vec<&str> = g.edges.get(n).into_iter().flat_map(|t| t.keys()).map(String::as_str).collect();
        out.push_str(&format!(
            "{n} -> {}\n",
            if targets.is_empty() { "(none)".to_string() } else { targets.join(", ") }
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn src(file: &str, module: &str, text: &str) -> Source {
        Source {
            file: file.into(),
            module: module.split("::").filter(|s| !s.is_empty()).map(String::from).collect(),
            text: text.into(),
        }
    }

    fn crate_of(files: &[(&str, &str, &str)]) -> Graph {
        graph(&files.iter().map(|(f, m, t)| src(f, m, t)).collect::<Vec<_>>())
    }

    #[test]
    fn nodes_are_cut_to_two_levels() {
        assert_eq!(node(&["services".into(), "tickets".into(), "queue".into()]), "services::tickets");
        assert_eq!(node(&["startup".into()]), "startup");
        assert_eq!(node(&[]), "crate");
    }

    #[test]
    fn ancestor_and_descendant_edges_are_ignored() {
        let g = crate_of(&[
            ("lib.rs", "", "pub mod services; pub mod spa; use crate::spa::x;"),
            ("services/mod.rs", "services", "pub mod tickets; pub fn now() {} use crate::services::tickets::T;"),
            (
                "services/tickets.rs",
                "services::tickets",
                "use super::now; use crate::services::Thing; use crate::spa::y;",
            ),
            ("spa.rs", "spa", "mod assets; use crate::spa::assets::a;"),
            ("spa/assets.rs", "spa::assets", "use super::z;"),
        ]);
        assert_eq!(
            render(&g, ""),
            "crate -> (none)\nservices -> (none)\nservices::tickets -> spa\nspa -> (none)\nspa::assets -> (none)\n"
        );
        assert_eq!(g.edges["services::tickets"]["spa"], ("services/tickets.rs".to_string(), 1));
    }

    #[test]
    fn exempt_modules_are_left_out() {
        let g = crate_of(&[
            ("lib.rs", "", "pub mod entities; pub mod state;"),
            ("state.rs", "state", "use crate::entities::ticket::Model;"),
        ]);
        assert!(g.edges.is_empty());
        assert!(!g.nodes.iter().any(|n| n.starts_with("entities")));
    }

    #[test]
    fn cycles_are_reported_with_the_edges_that_make_them() {
        let g = crate_of(&[
            ("lib.rs", "", "pub mod a; pub mod b; pub mod c; pub mod d; pub mod services;"),
            ("a.rs", "a", "use crate::b::x;"),
            ("b.rs", "b", "fn f() {\n crate::c::y();\n crate::a::z();\n}"),
            ("c.rs", "c", "use crate::d;"),
            ("d.rs", "d", ""),
            ("services/mod.rs", "services", "pub mod one; pub mod two;"),
            ("services/one.rs", "services::one", "use super::two::T;"),
            (
                "services/two.rs",
                "services::two",
                "#[cfg(test)]\nmod tests { use crate::services::one; }\nuse super::one::U;",
            ),
        ]);
        assert_eq!(
            cycles(&g),
            [vec!["a".to_string(), "b".to_string()], vec!["services::one".into(), "services::two".into()]]
        );
        let report = report(&g);
        assert_eq!(report[0], "module cycle (2 modules): a, b\n    a -> b  (a.rs:1)\n    b -> a  (b.rs:3)");
        assert_eq!(
            report[1],
            "module cycle (2 modules): services::one, services::two\n    services::one -> services::two  (services/one.rs:1)\n    services::two -> services::one  (services/two.rs:3)"
        );
    }

    #[test]
    fn no_cycle_without_a_way_back() {
        let g = crate_of(&[
            ("lib.rs", "", "pub mod a; pub mod b;"),
            ("a.rs", "a", "use crate::b;"),
            ("b.rs", "b", "#[cfg(test)]\nmod tests { use crate::a; }"),
        ]);
        assert!(cycles(&g).is_empty());
    }
}
