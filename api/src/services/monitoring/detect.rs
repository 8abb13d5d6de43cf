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
            defacement: list(&[
                "hacked by",
                "defaced by",
                "owned by",
                "h4ck3d",
                "hacked",
                "was here",
                "greetz",
                "pwned",
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

/// Whether an element hides itself (and so its text) from a visitor.
fn hides(el: &ElementRef<'_>) -> bool {
    let v = el.value();
    if v.attr("hidden").is_some() {
        return true;
    }
    let Some(style) = v.attr("style") else { return false };
    let style: String = style.to_lowercase().chars().filter(|c| !c.is_whitespace()).collect();
    style.contains("display:none")
        || style.contains("visibility:hidden")
        || style.contains("opacity:0;")
        || style.ends_with("opacity:0")
        || style.contains("font-size:0")
        || style.contains("left:-")
        || style.contains("top:-")
        || style.contains("text-indent:-")
        || (style.contains("height:0") && style.contains("overflow:hidden"))
}

/// Reads the page: title, visible and hidden text, `<meta>` contents, links to other domains.
pub fn read(html: &str, base: &url::Url) -> Page {
    let doc = Html::parse_document(html);
    let mut page = Page::default();
    let own = base.host_str().map(registrable).unwrap_or_default();
    for node in doc.tree.nodes() {
        match node.value() {
            Node::Text(text) => {
                let mut hidden = false;
                let mut skip = false;
                let mut in_title = false;
                for a in node.ancestors() {
                    if let Some(el) = ElementRef::wrap(a) {
                        match el.value().name() {
                            "script" | "style" | "noscript" | "template" => skip = true,
                            "title" => in_title = true,
                            "head" => skip = true,
                            _ => {}
                        }
                        if hides(&el) {
                            hidden = true;
                        }
                    }
                }
                if in_title {
                    page.title.push_str(text);
                } else if !skip {
                    let target = if hidden { &mut page.hidden } else { &mut page.visible };
                    target.push_str(text);
                    target.push(' ');
                }
            }
            Node::Element(el) if el.name() == "meta" => {
                let name = el.attr("name").or_else(|| el.attr("property")).unwrap_or_default().to_lowercase();
                if matches!(name.as_str(), "description" | "keywords" | "og:title" | "og:description" | "twitter:title")
                    && let Some(content) = el.attr("content")
                {
                    page.meta.push(collapse(content));
                }
            }
            _ => {}
        }
    }
    for el in doc.select(&scraper::Selector::parse("a[href]").unwrap_or_else(|_| unreachable_selector())) {
        let Some(href) = el.value().attr("href") else { continue };
        let Ok(target) = base.join(href) else { continue };
        let Some(host) = target.host_str() else { continue };
        if registrable(host) == own {
            continue;
        }
        let hidden = el.ancestors().filter_map(ElementRef::wrap).any(|a| hides(&a)) || hides(&el);
        page.external_links.push((target.to_string(), collapse(&el.text().collect::<String>()), hidden));
    }
    page.title = collapse(&page.title);
    page.visible = collapse(&page.visible);
    page.hidden = collapse(&page.hidden);
    page
}

/// `a[href]` always parses; this only satisfies the types.
fn unreachable_selector() -> scraper::Selector {
    scraper::Selector::parse("a").unwrap_or_else(|_| unreachable!("a CSS type selector parses"))
}

/// About 120 characters on each side of the first match of `needle` (lower-case) in `text`.
fn excerpt(text: &str, needle: &str) -> Option<String> {
    let lower = text.to_lowercase();
    let at = lower.find(needle)?;
    // Lower-casing can change byte lengths; map back through char positions.
    let chars: Vec<char> = text.chars().collect();
    let at_chars = lower[..at].chars().count();
    let from = at_chars.saturating_sub(120);
    let to = (at_chars + needle.chars().count() + 120).min(chars.len());
    let mut s: String = chars[from..to].iter().collect();
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
            if text.to_lowercase().contains(word.as_str()) {
                note(place, text, word);
                found = true;
            }
        }
        for m in &page.meta {
            if m.to_lowercase().contains(word.as_str()) {
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
