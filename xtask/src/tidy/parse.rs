//! What one source file declares and references, for the module graph: its `mod` declarations and
//! every `crate::`, `super::` and `self::` path (in `use` trees and in code), resolved against the
//! file's module path. Items under `#[cfg(test)]` (a test module inline, or a test module's file)
//! are skipped whole.

use super::lexer::{Tok, Token, tokenize};

/// A module path below the crate root, e.g. `["services", "tickets"]`.
pub type ModPath = Vec<String>;

#[derive(Debug, Default, PartialEq, Eq)]
pub struct Parsed {
    /// `mod name;`: modules whose source is another file, with the directory segments of the inline
    /// modules they are declared in (`mod a { mod b; }` in `x.rs` names `x/a/b.rs`).
    pub file_mods: Vec<(Vec<String>, String)>,
    /// `mod name { ... }` outside test code, as full module paths.
    pub inline_mods: Vec<ModPath>,
    /// Every path into the crate.
    pub refs: Vec<Ref>,
}

/// A path into the crate written in module `from` (the file's module or an inline module in it).
#[derive(Debug, PartialEq, Eq)]
pub struct Ref {
    pub from: ModPath,
    /// Absolute: a module path plus item names, not yet cut to a module.
    pub to: ModPath,
    pub line: usize,
}

/// Parses `src`, the source of the module at `module`.
pub fn parse(src: &str, module: &[String]) -> Parsed {
    let toks = tokenize(src);
    let mut p =
        Parser { toks: &toks, i: 0, module: module.to_vec(), inline: Vec::new(), depth: 0, out: Parsed::default() };
    p.run();
    p.out
}

struct Parser<'a> {
    toks: &'a [Token],
    i: usize,
    /// The file's module path.
    module: ModPath,
    /// Inline modules we are inside: name and the brace depth their body starts at.
    inline: Vec<(String, usize)>,
    depth: usize,
    out: Parsed,
}

impl<'a> Parser<'a> {
    fn at(&self, k: usize) -> Option<&'a Token> {
        self.toks.get(self.i + k)
    }

    fn current(&self) -> ModPath {
        let mut m = self.module.clone();
        m.extend(self.inline.iter().map(|(name, _)| name.clone()));
        m
    }

    fn run(&mut self) {
        let mut test_item = false;
        while let Some(t) = self.at(0) {
            let line = t.line;
            if t.is_punct('#') {
                let inner = self.at(1).is_some_and(|t| t.is_punct('!'));
                let is_test = self.attribute(inner);
                if is_test && inner {
                    // `#![cfg(test)]`: the rest of this module is test code.
                    self.skip_rest_of_module();
                } else {
                    test_item |= is_test;
                }
                continue;
            }
            if std::mem::take(&mut test_item) {
                self.skip_item();
                continue;
            }
            match &t.tok {
                Tok::Punct('{') => {
                    self.depth += 1;
                    self.i += 1;
                }
                Tok::Punct('}') => {
                    self.depth = self.depth.saturating_sub(1);
                    while self.inline.last().is_some_and(|(_, d)| *d > self.depth) {
                        self.inline.pop();
                    }
                    self.i += 1;
                }
                Tok::Ident(w) if w == "mod" => self.module_decl(),
                Tok::Ident(w) if w == "use" => {
                    self.i += 1;
                    let mut paths = Vec::new();
                    self.use_tree(Vec::new(), &mut paths);
                    self.skip_to_semicolon();
                    let here = self.current();
                    for (path, line) in paths {
                        if let Some(to) = resolve(&here, &path) {
                            self.out.refs.push(Ref { from: here.clone(), to, line });
                        }
                    }
                }
                Tok::Ident(w)
                    if matches!(w.as_str(), "crate" | "super" | "self")
                        && self.at(1).is_some_and(|t| t.tok == Tok::PathSep) =>
                {
                    let path = self.inline_path();
                    let from = self.current();
                    if let Some(to) = resolve(&from, &path) {
                        self.out.refs.push(Ref { from, to, line });
                    }
                }
                _ => self.i += 1,
            }
        }
    }

    /// At `#`: consumes the attribute and says whether it is a `cfg` that holds only in tests.
    fn attribute(&mut self, inner: bool) -> bool {
        self.i += if inner { 2 } else { 1 };
        if !self.at(0).is_some_and(|t| t.is_punct('[')) {
            return false;
        }
        let start = self.i;
        let mut depth = 0usize;
        while let Some(t) = self.at(0) {
            self.i += 1;
            match t.tok {
                Tok::Punct('[' | '(' | '{') => depth += 1,
                Tok::Punct(']' | ')' | '}') => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        break;
                    }
                }
                _ => {}
            }
        }
        let body = &self.toks[start..self.i];
        body.get(1).is_some_and(|t| t.is_ident("cfg"))
            && body.iter().any(|t| t.is_ident("test"))
            && !body.iter().any(|t| t.is_ident("not"))
    }

    /// Skips one item (or statement): up to a `;` or the `}` closing its body, at its own depth.
    fn skip_item(&mut self) {
        let mut depth = 0usize;
        while let Some(t) = self.at(0) {
            self.i += 1;
            match t.tok {
                Tok::Punct(';') if depth == 0 => return,
                Tok::Punct('[' | '(' | '{') => depth += 1,
                Tok::Punct(']' | ')') => depth = depth.saturating_sub(1),
                Tok::Punct('}') => {
                    if depth <= 1 {
                        // Either the item's body closed, or (depth 0) the enclosing block did and
                        // the attribute stood on nothing: give that brace back.
                        if depth == 0 {
                            self.i -= 1;
                        }
                        return;
                    }
                    depth -= 1;
                }
                _ => {}
            }
        }
    }

    fn skip_rest_of_module(&mut self) {
        let target = self.depth;
        let mut depth = self.depth;
        while let Some(t) = self.at(0) {
            if t.is_punct('{') {
                depth += 1;
            } else if t.is_punct('}') {
                if depth == target {
                    return;
                }
                depth -= 1;
            }
            self.i += 1;
        }
    }

    fn skip_to_semicolon(&mut self) {
        while let Some(t) = self.at(0) {
            self.i += 1;
            if t.is_punct(';') {
                return;
            }
        }
    }

    /// At `mod`: `mod name;` or `mod name {`.
    fn module_decl(&mut self) {
        self.i += 1;
        let Some(Tok::Ident(name)) = self.at(0).map(|t| t.tok.clone()) else {
            return;
        };
        self.i += 1;
        match self.at(0) {
            Some(t) if t.is_punct(';') => {
                self.i += 1;
                let dirs = self.inline.iter().map(|(n, _)| n.clone()).collect();
                self.out.file_mods.push((dirs, name));
            }
            Some(t) if t.is_punct('{') => {
                self.i += 1;
                self.depth += 1;
                self.inline.push((name, self.depth));
                self.out.inline_mods.push(self.current());
            }
            _ => {}
        }
    }

    /// One `use` tree after `prefix`; every leaf path (a `*` glob names its module) with its line.
    fn use_tree(&mut self, mut path: Vec<String>, out: &mut Vec<(Vec<String>, usize)>) {
        while let Some(t) = self.at(0) {
            match &t.tok {
                Tok::PathSep => self.i += 1,
                Tok::Ident(seg) => {
                    path.push(seg.clone());
                    let line = t.line;
                    self.i += 1;
                    if self.at(0).is_some_and(|t| t.tok == Tok::PathSep) {
                        continue;
                    }
                    if self.at(0).is_some_and(|t| t.is_ident("as")) {
                        self.i += 2;
                    }
                    out.push((path, line));
                    return;
                }
                Tok::Punct('*') => {
                    self.i += 1;
                    out.push((path, t.line));
                    return;
                }
                Tok::Punct('{') => {
                    self.i += 1;
                    while let Some(t) = self.at(0) {
                        if t.is_punct('}') {
                            self.i += 1;
                            return;
                        }
                        if t.is_punct(',') {
                            self.i += 1;
                            continue;
                        }
                        let before = self.i;
                        self.use_tree(path.clone(), out);
                        if self.i == before {
                            self.i += 1;
                        }
                    }
                    return;
                }
                _ => return,
            }
        }
    }

    /// At `crate`, `super` or `self` followed by `::`: the identifiers of the path.
    fn inline_path(&mut self) -> Vec<String> {
        let mut path = Vec::new();
        while let Some(Tok::Ident(seg)) = self.at(0).map(|t| &t.tok) {
            path.push(seg.clone());
            self.i += 1;
            if self.at(0).is_some_and(|t| t.tok == Tok::PathSep) {
                self.i += 1;
            } else {
                break;
            }
        }
        path
    }
}

/// `path` as written in module `here`, made absolute; None for a path that does not start at the
/// crate (`std::…`, another crate, a local name) or climbs above it.
pub fn resolve(here: &[String], path: &[String]) -> Option<ModPath> {
    let (first, rest) = path.split_first()?;
    let mut abs: ModPath = match first.as_str() {
        "crate" => Vec::new(),
        "self" => here.to_vec(),
        "super" => {
            let mut m = here.to_vec();
            m.pop()?;
            m
        }
        _ => return None,
    };
    let mut rest = rest.iter().peekable();
    if first == "super" {
        while rest.next_if(|s| *s == "super").is_some() {
            abs.pop()?;
        }
    }
    abs.extend(rest.filter(|s| *s != "self").cloned());
    Some(abs)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(path: &str) -> ModPath {
        path.split("::").filter(|s| !s.is_empty()).map(String::from).collect()
    }

    fn refs(src: &str, module: &str) -> Vec<(String, usize)> {
        parse(src, &m(module)).refs.into_iter().map(|r| (r.to.join("::"), r.line)).collect()
    }

    #[test]
    fn grouped_use_trees_are_expanded() {
        let src = "use crate::{a::b, c::{self, d as e}, f::*};\nuse std::fmt;";
        assert_eq!(refs(src, "x"), [("a::b".into(), 1), ("c".into(), 1), ("c::d".into(), 1), ("f".into(), 1)]);
    }

    #[test]
    fn multiline_use_reports_the_line_of_each_leaf() {
        let src = "use crate::{\n    a,\n    b::c,\n};";
        assert_eq!(refs(src, "x"), [("a".into(), 2), ("b::c".into(), 3)]);
    }

    #[test]
    fn super_and_self_resolve_against_the_module() {
        let src = "use super::audit::{self, Actor};\nuse super::super::top;\nfn f() { super::sla::load(); self::inner::g(); }";
        assert_eq!(
            refs(src, "services::reports::deep"),
            [
                ("services::reports::audit".into(), 1),
                ("services::reports::audit::Actor".into(), 1),
                ("services::top".into(), 2),
                ("services::reports::sla::load".into(), 3),
                ("services::reports::deep::inner::g".into(), 3),
            ]
        );
        assert_eq!(resolve(&[], &m("super::x")), None);
    }

    #[test]
    fn inline_paths_in_code_count_but_not_in_comments_or_strings() {
        let src = "//! [`crate::doc::link`]\nfn f() {\n    let s = \"crate::text\"; // crate::comment\n    crate::uploads::discard(x);\n    $crate::mac::m!();\n    pub(crate) fn g() {}\n}";
        assert_eq!(refs(src, "x"), [("uploads::discard".into(), 4), ("mac::m".into(), 5)]);
    }

    #[test]
    fn cfg_test_items_are_skipped() {
        let src = "\
use crate::kept;
#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::in_tests;
    fn f() { if x { crate::also_in_tests(); } }
}
#[cfg(test)]
mod file_tests;
#[cfg(all(test, feature = \"x\"))]
use crate::only_in_tests;
#[cfg(not(test))]
use crate::not_test;
fn g() { crate::after::h(); }
";
        let parsed = parse(src, &m("x"));
        let got: Vec<String> = parsed.refs.iter().map(|r| r.to.join("::")).collect();
        assert_eq!(got, ["kept", "not_test", "after::h"]);
        assert!(parsed.file_mods.is_empty());
    }

    #[test]
    fn module_declarations_and_inline_modules() {
        let src = "pub mod a;\nmod b { mod c; fn f() { super::d::e(); } }\nmod g;\nfn h() { self::a::x(); }";
        let parsed = parse(src, &m("top"));
        assert_eq!(
            parsed.file_mods,
            [(vec![], "a".to_string()), (vec!["b".to_string()], "c".to_string()), (vec![], "g".to_string())]
        );
        assert_eq!(parsed.inline_mods, [m("top::b")]);
        let got: Vec<String> = parsed.refs.iter().map(|r| r.to.join("::")).collect();
        assert_eq!(got, ["top::d::e", "top::a::x"]);
        let from: Vec<String> = parsed.refs.iter().map(|r| r.from.join("::")).collect();
        assert_eq!(from, ["top::b", "top"]);
    }

    #[test]
    fn inner_cfg_test_skips_the_rest_of_the_file() {
        let src = "#![cfg(test)]\nuse crate::a;\nmod b;";
        assert_eq!(parse(src, &m("x")), Parsed::default());
    }
}
