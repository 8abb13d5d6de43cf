//! The common-password check of the password policy (OWASP ASVS 5.0 6.2.4 and 6.2.11): a bundled
//! list of about 49,000 leaked passwords, and the trivial variations people make to pass a length
//! rule (digits or symbols around a listed word, a word repeated, one character or a keyboard run).
//! Server-side only: the SPA does not carry the list, the API's answer names the rule.

use std::collections::HashSet;
use std::sync::OnceLock;

const LIST: &str = include_str!("../data/common-passwords.txt");

/// Shortest word that counts as a word; anything shorter around digits and symbols is weak.
const MIN_CORE: usize = 4;

fn list() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| LIST.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect())
}

/// Whether the password is listed or a trivial variation of a listed one.
pub fn is_common(password: &str) -> bool {
    let lower: String = password.to_lowercase();
    let words = list();
    if words.contains(lower.as_str()) {
        return true;
    }
    // Digits, spaces and symbols around a word add little ("Password2026!", "  indonesia123  ").
    let core: Vec<char> = lower.trim_matches(|c: char| !c.is_alphabetic()).chars().collect();
    if core.len() < MIN_CORE {
        return true;
    }
    let core_str: String = core.iter().collect();
    if words.contains(core_str.as_str()) {
        return true;
    }
    // Without separators: "kutai kartanegara" and "kutai-kartanegara" are "kutaikartanegara".
    let joined: String = core.iter().filter(|c| c.is_alphanumeric()).collect();
    if words.contains(joined.as_str()) {
        return true;
    }
    is_repetition(&core, words) || is_run(&core) || is_keyboard_walk(&joined)
}

/// Keyboard rows and columns people type along.
const WALKS: [&str; 4] = [
    "qwertyuiopasdfghjklzxcvbnm",
    "qazwsxedcrfvtgbyhnujmikolp",
    "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p",
    "azertyuiopqsdfghjklmwxcvbn",
];

/// A stretch of one of [`WALKS`], either way: "qwertyuiopasdfgh", "lkjhgfdsa".
fn is_keyboard_walk(text: &str) -> bool {
    text.chars().count() >= MIN_CORE
        && WALKS.iter().any(|w| w.contains(text) || w.chars().rev().collect::<String>().contains(text))
}

/// A short unit, or a listed word, repeated: "abcabcabcabc", "passwordpassword".
fn is_repetition(chars: &[char], words: &HashSet<&str>) -> bool {
    let n = chars.len();
    (1..=n / 2).filter(|d| n.is_multiple_of(*d)).any(|d| {
        let unit = &chars[..d];
        chars.chunks(d).all(|c| c == unit) && (d < MIN_CORE || words.contains(unit.iter().collect::<String>().as_str()))
    })
}

/// Every character one step from the previous one: "abcdefghijklm", "987654321098".
fn is_run(chars: &[char]) -> bool {
    let steps: Vec<i64> = chars.windows(2).map(|w| i64::from(u32::from(w[1])) - i64::from(u32::from(w[0]))).collect();
    !steps.is_empty() && (steps.iter().all(|&s| s == 1) || steps.iter().all(|&s| s == -1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_is_loaded() {
        assert!(list().len() > 40_000, "{}", list().len());
    }

    #[test]
    fn listed_passwords_and_trivial_variations_are_common() {
        for weak in [
            "password",
            "qwertyuiopasdfgh",
            "1q2w3e4r5t6y",
            "Password2026!",
            "  indonesia123  ",
            "123456789012",
            "!!!!!!!!!!!!",
            "aaaaaaaaaaaa",
            "abcabcabcabc",
            "passwordpassword",
            "abcdefghijklmn",
            "Kutai Kartanegara 2026",
            "bismillah12345",
            "Diskominfo@2026",
        ] {
            assert!(is_common(weak), "{weak}");
        }
    }

    #[test]
    fn phrases_and_random_strings_are_not() {
        for fine in [
            "kuda-laut berenang di mahakam",
            "correct horse battery staple",
            "Xq7!mR2#vL9@",
            "tanggap insiden siber kukar",
            "ğüşöç-ðþæ-ßřž",
        ] {
            assert!(!is_common(fine), "{fine}");
        }
    }
}
