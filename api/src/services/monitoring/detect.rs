//! What a fetched page says, judged by detectors that each explain what they found with the
//! matching excerpt: defacement phrases, online-gambling spam (and where it sits: visible text,
//! hidden elements, links to other domains, `<meta>`, `<title>`), and a large change against the
//! known-good baseline. Pure functions over the HTML: no network, no database.

use std::collections::HashSet;

use scraper::{ElementRef, Html, Node};
use ttis_shared::dto::monitoring::{FindingKind, FindingPlace};

/// The configurable word lists (`TTIS_MONITOR_DEFACEMENT_PHRASES`, `TTIS_MONITOR_GAMBLING_WORDS`,
/// comma-separated, lower-case compared).
#[derive(Debug, Clone)]
pub struct Words {
    pub defacement: Vec<String>,
    pub gambling: Vec<String>,
}

impl Default for Words {
    fn default() -> Self {
        let list = |s: &[&str]| s.iter().map(|w| w.to_string()).collect();
        Words {
            // Whole phrases only; bare "hacked" or "pwned" match news and security advice.
            defacement: list(&[
                "hacked by",
                "defaced by",
                "deface by",
                "owned by",
                "h4ck3d",
                "hacked by:",
                "greetz to",
            ]),
            gambling: list(&[
                "slot gacor",
                "judi online",
                "judi slot",
                "togel",
                "maxwin",
                "situs slot",
                "rtp live",
                "slot online",
                "scatter hitam",
                "bandar bola",
                "sbobet",
                "online casino",
                "online gambling",
            ]),
        }
    }
}

impl Words {
    /// The defaults, or the lists an operator set.
    pub fn from_settings(defacement: &[String], gambling: &[String]) -> Words {
        let clean = |v: &[String]| -> Vec<String> {
            v.iter().map(|w| w.trim().to_lowercase()).filter(|w| !w.is_empty()).collect()
        };
        let d = Words::default();
        Words {
            defacement: if defacement.is_empty() { d.defacement } else { clean(defacement) },
            gambling: if gambling.is_empty() { d.gambling } else { clean(gambling) },
        }
    }
}

/// One detector's word on a page.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub kind: FindingKind,
    /// What was found, in Indonesian (the ticket's text).
    pub summary: String,
    /// The matching excerpt (whitespace collapsed, at most about 240 characters).
    pub excerpt: String,
    /// Where on the page (gambling spam): each place once.
    pub places: Vec<FindingPlace>,
}

/// A page reduced to what the detectors read.
#[derive(Debug, Default, Clone)]
pub struct Page {
    pub title: String,
    pub visible: String,
    pub hidden: String,
    /// `<meta>` contents (description, keywords, Open Graph).
    pub meta: Vec<String>,
    /// Links to another registrable domain: (href, text, hidden).
    pub external_links: Vec<(String, String, bool)>,
}

pub use crate::services::hosts::registrable;

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A CSS length's magnitude in pixels, roughly (`-9999px`, `-100em`): for telling an off-screen
/// block from a small negative margin.
fn far_negative(value: &str) -> bool {
    let v = value.trim();
    let Some(rest) = v.strip_prefix('-') else { return false };
    let digits: String = rest.chars().take_while(|c| c.is_ascii_digit() || *c == '.').collect();
    let n: f64 = digits.parse().unwrap_or(0.0);
    let unit = &rest[digits.len()..];
    let px = match unit.trim() {
        "em" | "rem" => n * 16.0,
        "%" | "vw" | "vh" => n * 10.0,
        _ => n,
    };
    px >= 500.0
}

/// Whether an element hides itself (and so its text) from a visitor: `hidden`, or a style of
/// `display:none`, `visibility:hidden`, `opacity:0`, `font-size:0`, a height of 0 with the
/// overflow hidden, or a position, indent or margin far off-screen (a small negative margin
/// is layout, not hiding).
fn hides(el: &scraper::node::Element) -> bool {
    if el.attr("hidden").is_some() {
        return true;
    }
    let Some(style) = el.attr("style") else { return false };
    let mut zero_height = false;
    let mut overflow_hidden = false;
    for declaration in style.split(';') {
        let Some((prop, value)) = declaration.split_once(':') else { continue };
        let prop = prop.trim().to_ascii_lowercase();
        let value = value.trim().trim_end_matches("!important").trim().to_ascii_lowercase();
        let zero = matches!(value.as_str(), "0" | "0px" | "0em" | "0rem" | "0%" | "0.0");
        match prop.as_str() {
            "display" if value == "none" => return true,
            "visibility" if value == "hidden" || value == "collapse" => return true,
            "opacity" if zero => return true,
            "font-size" if zero => return true,
            "left" | "top" | "right" | "text-indent" | "margin-left" | "margin-top" if far_negative(&value) => {
                return true;
            }
            "height" | "max-height" if zero => zero_height = true,
            "overflow" if value == "hidden" => overflow_hidden = true,
            _ => {}
        }
    }
    zero_height && overflow_hidden
}

/// The most elements read of one page: beyond, a page is judged on its beginning (a hostile page
/// cannot make a check run for long).
const MAX_NODES: usize = 200_000;

/// Reads the page in one pass, each element's hidden and skipped state carried down to its
/// children: title, visible and hidden text, `<meta>` contents, links to other domains.
pub fn read(html: &str, base: &url::Url) -> Page {
    let doc = Html::parse_document(shallow_prefix(html));
    let mut page = Page::default();
    let own = base.host_str().map(registrable).unwrap_or_default();
    // (node, hidden, skipped, in title)
    let mut stack = vec![(doc.tree.root(), false, false, false)];
    let mut seen = 0usize;
    while let Some((node, hidden, skip, in_title)) = stack.pop() {
        seen += 1;
        if seen > MAX_NODES {
            break;
        }
        let (mut hidden, mut skip, mut in_title) = (hidden, skip, in_title);
        match node.value() {
            Node::Text(text) => {
                if in_title {
                    page.title.push_str(text);
                } else if !skip {
                    let target = if hidden { &mut page.hidden } else { &mut page.visible };
                    target.push_str(text);
                    target.push(' ');
                }
                continue;
            }
            Node::Element(el) => {
                match el.name() {
                    "script" | "style" | "noscript" | "template" | "head" => skip = true,
                    "title" => in_title = true,
                    _ => {}
                }
                hidden = hidden || hides(el);
                if el.name() == "meta" {
                    let name = el.attr("name").or_else(|| el.attr("property")).unwrap_or_default().to_lowercase();
                    if matches!(
                        name.as_str(),
                        "description" | "keywords" | "og:title" | "og:description" | "twitter:title"
                    ) && let Some(content) = el.attr("content")
                    {
                        page.meta.push(collapse(content));
                    }
                }
                if el.name() == "a"
                    && let Some(href) = el.attr("href")
                    && let Ok(target) = base.join(href)
                    && let Some(host) = target.host_str()
                    && registrable(host) != own
                {
                    let text =
                        ElementRef::wrap(node).map(|e| collapse(&e.text().collect::<String>())).unwrap_or_default();
                    page.external_links.push((target.to_string(), text, hidden));
                }
            }
            _ => {}
        }
        // Children in document order: pushed in reverse.
        let children: Vec<_> = node.children().collect();
        for child in children.into_iter().rev() {
            stack.push((child, hidden, skip, in_title));
        }
    }
    page.title = collapse(&page.title);
    page.visible = collapse(&page.visible);
    page.hidden = collapse(&page.hidden);
    page
}

/// The deepest nesting read: real pages stay far below it; a hostile page nested deeper would
/// make the parser's scope checks quadratic, so it is judged on what comes before that depth.
const MAX_DEPTH: usize = 1000;

/// `html` up to the point where its elements nest deeper than [`MAX_DEPTH`] (a tag count, not a
/// parse: void and self-closing elements do not open a level).
fn shallow_prefix(html: &str) -> &str {
    const VOID: [&str; 14] =
        ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"];
    let bytes = html.as_bytes();
    let mut depth = 0usize;
    let mut i = 0usize;
    while let Some(off) = bytes.get(i..).and_then(|rest| rest.iter().position(|b| *b == b'<')) {
        let at = i + off;
        let closing = bytes.get(at + 1) == Some(&b'/');
        let name_start = if closing { at + 2 } else { at + 1 };
        let name_len =
            bytes.get(name_start..).map_or(0, |r| r.iter().take_while(|b| b.is_ascii_alphanumeric()).count());
        let end = bytes.get(at..).and_then(|r| r.iter().position(|b| *b == b'>')).map(|e| at + e);
        if name_len > 0 {
            let name = html.get(name_start..name_start + name_len).unwrap_or("").to_ascii_lowercase();
            let self_closing = end.is_some_and(|e| e > 0 && bytes.get(e - 1) == Some(&b'/'));
            if closing {
                depth = depth.saturating_sub(1);
            } else if !VOID.contains(&name.as_str()) && !self_closing {
                depth += 1;
                if depth > MAX_DEPTH {
                    return html.get(..at).unwrap_or(html);
                }
            }
        }
        i = at + 1;
    }
    html
}

/// Lower-case, one char for one char (`İ` would otherwise become two and move every position).
fn fold(text: &str) -> Vec<char> {
    text.chars().map(|c| c.to_lowercase().next().unwrap_or(c)).collect()
}

/// Where `needle` (lower-case) first occurs in `text` as a whole phrase: not inside a longer
/// word. A char index.
fn find_phrase(text: &[char], needle: &str) -> Option<usize> {
    let needle: Vec<char> = needle.chars().collect();
    if needle.is_empty() || needle.len() > text.len() {
        return None;
    }
    (0..=text.len() - needle.len()).find(|&i| {
        text[i..i + needle.len()] == needle[..]
            && (i == 0 || !text[i - 1].is_alphanumeric())
            && text.get(i + needle.len()).is_none_or(|c| !c.is_alphanumeric())
    })
}

/// Whether `text` holds `needle` as a whole phrase.
fn has_phrase(text: &str, needle: &str) -> bool {
    find_phrase(&fold(text), needle).is_some()
}

/// About 120 characters on each side of the first match of `needle` (lower-case, a whole
/// phrase) in `text`.
fn excerpt(text: &str, needle: &str) -> Option<String> {
    let folded = fold(text);
    let at = find_phrase(&folded, needle)?;
    let chars: Vec<char> = text.chars().collect();
    let from = at.saturating_sub(120);
    let to = (at + needle.chars().count() + 120).min(chars.len());
    let mut s: String = chars.get(from..to)?.iter().collect();
    if from > 0 {
        s.insert(0, '…');
    }
    if to < chars.len() {
        s.push('…');
    }
    Some(s)
}

fn place_label(p: FindingPlace) -> &'static str {
    match p {
        FindingPlace::Title => "judul halaman (<title>)",
        FindingPlace::Meta => "metadata (<meta>)",
        FindingPlace::VisibleText => "teks yang tampil",
        FindingPlace::HiddenElement => "elemen tersembunyi",
        FindingPlace::ExternalLink => "tautan ke domain lain",
    }
}

/// Defacement phrases in the visible text or the title.
pub fn defacement(page: &Page, words: &Words) -> Option<Finding> {
    for phrase in &words.defacement {
        for (text, place) in [(&page.title, FindingPlace::Title), (&page.visible, FindingPlace::VisibleText)] {
            if let Some(found) = excerpt(text, phrase) {
                return Some(Finding {
                    kind: FindingKind::Defacement,
                    summary: format!("Frasa deface \"{phrase}\" ditemukan pada {}.", place_label(place)),
                    excerpt: found,
                    places: vec![place],
                });
            }
        }
    }
    None
}

/// Online-gambling spam, wherever it sits; one finding naming every place, its excerpt taken
/// from the most telling place (hidden text first: hidden injection is the common case).
pub fn gambling(page: &Page, words: &Words) -> Option<Finding> {
    let mut keywords: Vec<&str> = Vec::new();
    let mut excerpts: Vec<(FindingPlace, String)> = Vec::new();
    let mut note = |place: FindingPlace, text: &str, word: &str| {
        if !excerpts.iter().any(|(p, _)| *p == place) {
            excerpts.push((place, excerpt(text, word).unwrap_or_else(|| text.chars().take(240).collect())));
        }
    };
    let mut spam_links = 0usize;
    for word in &words.gambling {
        let mut found = false;
        for (text, place) in [
            (page.title.as_str(), FindingPlace::Title),
            (page.hidden.as_str(), FindingPlace::HiddenElement),
            (page.visible.as_str(), FindingPlace::VisibleText),
        ] {
            if has_phrase(text, word) {
                note(place, text, word);
                found = true;
            }
        }
        for m in &page.meta {
            if has_phrase(m, word) {
                note(FindingPlace::Meta, m, word);
                found = true;
            }
        }
        if found && !keywords.contains(&word.as_str()) {
            keywords.push(word);
        }
    }
    for (href, text, _hidden) in &page.external_links {
        let both = format!("{text} {href}").to_lowercase();
        let slug = both.replace(['-', '_', '/', '.'], " ");
        if let Some(word) = words.gambling.iter().find(|w| both.contains(w.as_str()) || slug.contains(w.as_str())) {
            spam_links += 1;
            let shown = format!("{text} ({href})");
            note(FindingPlace::ExternalLink, &shown, "");
            if !keywords.contains(&word.as_str()) {
                keywords.push(word);
            }
        }
    }
    if excerpts.is_empty() {
        return None;
    }
    let order = [
        FindingPlace::HiddenElement,
        FindingPlace::ExternalLink,
        FindingPlace::Meta,
        FindingPlace::Title,
        FindingPlace::VisibleText,
    ];
    let places: Vec<FindingPlace> = order.into_iter().filter(|p| excerpts.iter().any(|(q, _)| q == p)).collect();
    // In the visible text alone, a word or two is news ("pemberantasan judi online"); spam
    // piles them up.
    if places == [FindingPlace::VisibleText] && keywords.len() < 3 {
        return None;
    }
    let best = excerpts.iter().find(|(p, _)| Some(p) == places.first()).map(|(_, e)| e.clone()).unwrap_or_default();
    let mut summary = format!(
        "Kata kunci judi online ({}) ditemukan pada {}",
        keywords.join(", "),
        places.iter().map(|p| place_label(*p)).collect::<Vec<_>>().join(", ")
    );
    if spam_links > 0 {
        summary.push_str(&format!("; {spam_links} tautan ke domain lain"));
    }
    summary.push('.');
    Some(Finding { kind: FindingKind::Gambling, summary, excerpt: best, places })
}

fn words_of(text: &str) -> HashSet<String> {
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 3)
        .map(str::to_string)
        .collect()
}

/// How much of the visible text two pages share (Jaccard over their words): 1 the same words, 0 none.
pub fn similarity(a: &str, b: &str) -> f64 {
    let (a, b) = (words_of(a), words_of(b));
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let common = a.intersection(&b).count() as f64;
    common / (a.len() + b.len()).saturating_sub(common as usize).max(1) as f64
}

/// The visible text changed much from the known-good baseline.
pub const CHANGE_THRESHOLD: f64 = 0.5;

pub fn changed(page: &Page, baseline: Option<&str>) -> Option<Finding> {
    let baseline = baseline?;
    let s = similarity(baseline, &page.visible);
    (s < CHANGE_THRESHOLD).then(|| Finding {
        kind: FindingKind::Changed,
        summary: format!(
            "Isi halaman berubah besar dibanding baseline: hanya {:.0}% kata yang sama (batas {:.0}%).",
            s * 100.0,
            CHANGE_THRESHOLD * 100.0
        ),
        excerpt: page.visible.chars().take(240).collect(),
        places: vec![FindingPlace::VisibleText],
    })
}

/// Every content detector on a page: a defacement explains a large change, so the change is
/// not reported beside it.
pub fn judge(page: &Page, words: &Words, baseline: Option<&str>) -> Vec<Finding> {
    let mut out = Vec::new();
    let defaced = defacement(page, words);
    let changed = if defaced.is_some() { None } else { changed(page, baseline) };
    out.extend(defaced);
    out.extend(gambling(page, words));
    out.extend(changed);
    out
}
