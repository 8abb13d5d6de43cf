//! A small Rust tokenizer for `tidy`: enough to find paths in code while skipping comments,
//! string, byte-string, raw-string and char literals. It never fails: unknown input becomes
//! punctuation, and an unterminated literal or comment runs to the end of the file.

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Tok {
    Ident(String),
    /// `::`
    PathSep,
    Punct(char),
    /// A string, char or number literal, or a lifetime: nothing in it is a path.
    Literal,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub tok: Tok,
    pub line: usize,
}

impl Token {
    pub fn is_ident(&self, name: &str) -> bool {
        matches!(&self.tok, Tok::Ident(s) if s == name)
    }

    pub fn is_punct(&self, c: char) -> bool {
        self.tok == Tok::Punct(c)
    }
}

fn is_ident_start(c: char) -> bool {
    c == '_' || c.is_alphabetic()
}

fn is_ident_char(c: char) -> bool {
    c == '_' || c.is_alphanumeric()
}

struct Lexer {
    chars: Vec<char>,
    pos: usize,
    line: usize,
}

impl Lexer {
    fn peek(&self, ahead: usize) -> Option<char> {
        self.chars.get(self.pos + ahead).copied()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek(0)?;
        self.pos += 1;
        if c == '\n' {
            self.line += 1;
        }
        Some(c)
    }

    fn line_comment(&mut self) {
        while let Some(c) = self.peek(0) {
            if c == '\n' {
                return;
            }
            self.bump();
        }
    }

    /// After the opening `/*`; block comments nest.
    fn block_comment(&mut self) {
        let mut depth = 1;
        while depth > 0 {
            match (self.bump(), self.peek(0)) {
                (None, _) => return,
                (Some('/'), Some('*')) => {
                    self.bump();
                    depth += 1;
                }
                (Some('*'), Some('/')) => {
                    self.bump();
                    depth -= 1;
                }
                _ => {}
            }
        }
    }

    /// After the opening quote of a string with escapes.
    fn quoted(&mut self, quote: char) {
        while let Some(c) = self.bump() {
            if c == '\\' {
                self.bump();
            } else if c == quote {
                return;
            }
        }
    }

    /// At the `#`s or the quote of a raw string (the `r` is consumed); false when not a raw string.
    fn raw_string(&mut self) -> bool {
        let mut hashes = 0;
        while self.peek(hashes) == Some('#') {
            hashes += 1;
        }
        if self.peek(hashes) != Some('"') {
            return false;
        }
        for _ in 0..=hashes {
            self.bump();
        }
        loop {
            match self.bump() {
                None => return true,
                Some('"') if (0..hashes).all(|k| self.peek(k) == Some('#')) => {
                    for _ in 0..hashes {
                        self.bump();
                    }
                    return true;
                }
                _ => {}
            }
        }
    }

    /// At a `'`: a char literal or a lifetime/label; both are skipped as one literal.
    fn quote_or_lifetime(&mut self) {
        self.bump();
        if self.peek(0) == Some('\\') || self.peek(1) == Some('\'') {
            self.quoted('\'');
        } else {
            while self.peek(0).is_some_and(is_ident_char) {
                self.bump();
            }
        }
    }

    fn number(&mut self) {
        while let Some(c) = self.peek(0) {
            if is_ident_char(c) || (c == '.' && self.peek(1).is_some_and(|d| d.is_ascii_digit())) {
                self.bump();
            } else {
                return;
            }
        }
    }
}

pub fn tokenize(src: &str) -> Vec<Token> {
    let mut lx = Lexer { chars: src.chars().collect(), pos: 0, line: 1 };
    let mut out = Vec::new();
    while let Some(c) = lx.peek(0) {
        let line = lx.line;
        let mut push = |tok| out.push(Token { tok, line });
        match c {
            c if c.is_whitespace() => {
                lx.bump();
            }
            '/' if lx.peek(1) == Some('/') => lx.line_comment(),
            '/' if lx.peek(1) == Some('*') => {
                lx.bump();
                lx.bump();
                lx.block_comment();
            }
            '"' => {
                lx.bump();
                lx.quoted('"');
                push(Tok::Literal);
            }
            '\'' => {
                lx.quote_or_lifetime();
                push(Tok::Literal);
            }
            ':' if lx.peek(1) == Some(':') => {
                lx.bump();
                lx.bump();
                push(Tok::PathSep);
            }
            c if c.is_ascii_digit() => {
                lx.number();
                push(Tok::Literal);
            }
            c if is_ident_start(c) => {
                let start = lx.pos;
                while lx.peek(0).is_some_and(is_ident_char) {
                    lx.bump();
                }
                let word: String = lx.chars[start..lx.pos].iter().collect();
                let next = lx.peek(0);
                match (word.as_str(), next) {
                    ("b" | "c", Some('"')) => {
                        lx.bump();
                        lx.quoted('"');
                        push(Tok::Literal);
                    }
                    ("b", Some('\'')) => {
                        lx.quote_or_lifetime();
                        push(Tok::Literal);
                    }
                    ("r" | "br" | "cr", Some('"' | '#')) if lx.raw_string() => push(Tok::Literal),
                    // A raw identifier such as `r#type`.
                    ("r", Some('#')) if lx.peek(1).is_some_and(is_ident_start) => {
                        lx.bump();
                        let start = lx.pos;
                        while lx.peek(0).is_some_and(is_ident_char) {
                            lx.bump();
                        }
                        push(Tok::Ident(lx.chars[start..lx.pos].iter().collect()));
                    }
                    _ => push(Tok::Ident(word)),
                }
            }
            c => {
                lx.bump();
                push(Tok::Punct(c));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn idents(src: &str) -> Vec<String> {
        tokenize(src)
            .into_iter()
            .filter_map(|t| match t.tok {
                Tok::Ident(s) => Some(s),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn comments_and_literals_hide_their_content() {
        let src = r###"
            // crate::a::b
            /* crate::c /* nested crate::d */ still comment crate::e */
            let s = "crate::f \" crate::g";
            let r = r#"crate::h "quoted" "#;
            let b = b"crate::i";
            let c = '"';
            let l: &'static str = x;
            let e = '\'';
            keep
        "###;
        assert_eq!(
            idents(src),
            ["let", "s", "let", "r", "let", "b", "let", "c", "let", "l", "str", "x", "let", "e", "keep"]
        );
    }

    #[test]
    fn lines_are_counted_through_multiline_literals() {
        let toks = tokenize("a\n\"x\ny\"\n/* \n */ b");
        assert_eq!(toks.last().map(|t| t.line), Some(5));
    }

    #[test]
    fn path_separators_and_raw_identifiers() {
        let toks = tokenize("crate::r#type::x");
        let kinds: Vec<Tok> = toks.into_iter().map(|t| t.tok).collect();
        assert_eq!(
            kinds,
            [Tok::Ident("crate".into()), Tok::PathSep, Tok::Ident("type".into()), Tok::PathSep, Tok::Ident("x".into())]
        );
    }
}
