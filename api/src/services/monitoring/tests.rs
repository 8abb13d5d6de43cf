//! The detectors over the test corpus (`corpus/`), the same pages the monitoring integration test
//! serves: each gives exactly its expected finding, and the clean pages none.

use ttis_shared::dto::monitoring::{FindingKind, FindingPlace};

use super::detect::*;

const CLEAN: &str = include_str!("corpus/clean.html");
const CLEAN_UPDATED: &str = include_str!("corpus/clean_updated.html");
const DEFACED: &str = include_str!("corpus/defaced.html");
const HIDDEN_GAMBLING: &str = include_str!("corpus/hidden_gambling.html");
const LINK_FARM: &str = include_str!("corpus/link_farm.html");

fn base() -> url::Url {
    url::Url::parse("https://disdik.kukarkab.go.id/").unwrap_or_else(|_| unreachable!())
}

fn findings(html: &str) -> Vec<Finding> {
    let baseline = read(CLEAN, &base()).visible;
    judge(&read(html, &base()), &Words::default(), Some(&baseline))
}

#[test]
fn clean_pages_give_nothing() {
    assert_eq!(findings(CLEAN), vec![]);
    assert_eq!(findings(CLEAN_UPDATED), vec![], "a news item changed: not a finding");
    // Hidden navigation and a script's comment are not read as content.
    let page = read(CLEAN, &base());
    assert!(!page.visible.contains("owned by") && page.hidden.contains("Masuk admin"), "{page:?}");
}

#[test]
fn a_defacement_is_named_by_its_phrase_and_not_also_as_a_change() {
    let found = findings(DEFACED);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].kind, FindingKind::Defacement);
    assert!(found[0].excerpt.to_lowercase().contains("hacked by garuda sec"), "{:?}", found[0]);
    assert_eq!(found[0].places, vec![FindingPlace::Title]);
}

#[test]
fn a_hidden_gambling_block_is_found_where_it_hides() {
    let found = findings(HIDDEN_GAMBLING);
    assert_eq!(found.len(), 1, "{found:?}");
    let f = &found[0];
    assert_eq!(f.kind, FindingKind::Gambling);
    assert_eq!(f.places, vec![FindingPlace::HiddenElement, FindingPlace::ExternalLink]);
    assert!(f.excerpt.contains("slot gacor") || f.excerpt.contains("Situs slot"), "{f:?}");
    assert!(f.summary.contains("elemen tersembunyi") && f.summary.contains("3 tautan"), "{}", f.summary);
}

#[test]
fn a_link_farm_is_counted() {
    let found = findings(LINK_FARM);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!((found[0].kind, found[0].places.clone()), (FindingKind::Gambling, vec![FindingPlace::ExternalLink]));
    assert!(found[0].summary.contains("40 tautan"), "{}", found[0].summary);
}

#[test]
fn a_page_replaced_without_a_known_phrase_is_a_large_change() {
    let replaced = "<html><head><title>Dinas Pendidikan</title></head><body><h1>Situs sedang dalam perbaikan</h1>\
        <p>Mohon maaf, kunjungi kami kembali nanti.</p></body></html>";
    let found = findings(replaced);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].kind, FindingKind::Changed);
    // Without a baseline there is nothing to compare with.
    assert!(judge(&read(replaced, &base()), &Words::default(), None).is_empty());
}

#[test]
fn registrable_domains_know_indonesias_second_levels() {
    assert_eq!(registrable("disdik.kukarkab.go.id"), "kukarkab.go.id");
    assert_eq!(registrable("www.kemdikbud.go.id"), "kemdikbud.go.id");
    assert_eq!(registrable("a.b.example.com"), "example.com");
    assert_eq!(registrable("127.0.0.1"), "127.0.0.1");
    assert!(similarity("satu dua tiga empat", "satu dua tiga empat") > 0.99);
    assert!(similarity("satu dua tiga empat", "lima enam tujuh") < 0.01);
}

#[test]
fn operators_lists_replace_the_defaults() {
    let words = Words::from_settings(&["Diretas Oleh".into()], &[]);
    let page = read("<html><body><p>Situs ini diretas oleh seseorang</p></body></html>", &base());
    assert_eq!(defacement(&page, &words).map(|f| f.kind), Some(FindingKind::Defacement));
    assert!(words.gambling.contains(&"slot gacor".to_string()));
}

/// Certificates made with `openssl req -x509 -newkey ec -days 5` (UTCTime) and `-days 10000`
/// (GeneralizedTime, after 2049): their `notAfter` read from the DER.
#[test]
fn a_certificates_expiry_is_read_from_its_der() {
    use base64::Engine as _;
    let der = |b64: &str| base64::engine::general_purpose::STANDARD.decode(b64).unwrap_or_default();
    let utc = der(
        "MIIBfDCCASOgAwIBAgIUHJldWnzQRuAGV6b4L+e2jrUDoWYwCgYIKoZIzj0EAwIwFDESMBAGA1UEAwwJbG9jYWxob3N0MB4XDTI2MTIwNjE4NDg0OVoXDTI2MTIxMTE4NDg0OVowFDESMBAGA1UEAwwJbG9jYWxob3N0MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAESAkhCAx7wejyOzTRz09AMx0YAzGbhio/SOWQz+s344w2xsUiECUVRKo0P+Iy+skp8Dcg08b3FV2s4sY9ami8jqNTMFEwHQYDVR0OBBYEFFajq1Jc3emPQelmIYyTeTHICeEWMB8GA1UdIwQYMBaAFFajq1Jc3emPQelmIYyTeTHICeEWMA8GA1UdEwEB/wQFMAMBAf8wCgYIKoZIzj0EAwIDRwAwRAIgIuSLRuTuADxK/fDJ5V30MlitrmVtnbuyZso+xjJ6DX8CIEwVxIfxgAmMp+BUCdw5H6Efzq+IcWtUzTYF+/IBxFd2",
    );
    let generalized = der(
        "MIIBiTCCAS+gAwIBAgIUBB5WfwXeR6wk51nZPp9uuCBLHn4wCgYIKoZIzj0EAwIwGTEXMBUGA1UEAwwOcGVta2FiLmV4YW1wbGUwIBcNMjYxMjA2MTg0ODQ5WhgPMjA1NDA0MjMxODQ4NDlaMBkxFzAVBgNVBAMMDnBlbWthYi5leGFtcGxlMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE4RGjnRSy2YqRR/OLn0qSaoHHKio2a2QWAP0ir/TsFhD8t6C4MV81flVU4gQqXvlq+1jDN68sSKEZO9yI1KbydKNTMFEwHQYDVR0OBBYEFNgIJt8IEznK7ZPuJqpN6/NP/b4DMB8GA1UdIwQYMBaAFNgIJt8IEznK7ZPuJqpN6/NP/b4DMA8GA1UdEwEB/wQFMAMBAf8wCgYIKoZIzj0EAwIDSAAwRQIhAIFSePCktKaUMPksg4cy7UIuGkH5qTcwH1vodw2tOYq7AiAy7npfWws3ReT/OWUfTqBVRcxTJH9FWWbrRZvLpBgKjw==",
    );
    assert_eq!(super::fetch::not_after(&utc).map(|d| d.to_rfc3339()).as_deref(), Some("2026-12-11T18:48:49+00:00"));
    assert_eq!(
        super::fetch::not_after(&generalized).map(|d| d.to_rfc3339()).as_deref(),
        Some("2054-04-23T18:48:49+00:00")
    );
    assert_eq!(super::fetch::not_after(&utc[..40]), None, "a cut certificate is no date");
    assert_eq!(super::fetch::not_after(b""), None);
}

#[test]
fn hostile_text_and_nesting_neither_panic_nor_take_long() {
    // `İ` lower-cases to two chars: positions must not drift.
    let html = format!("<html><body><p>{} hacked by someone</p></body></html>", "İ".repeat(300));
    let found = findings(&html);
    assert_eq!(found.first().map(|f| f.kind), Some(FindingKind::Defacement));
    let deep = format!("<html><body>{}slot gacor{}</body></html>", "<div>".repeat(60_000), "</div>".repeat(60_000));
    let flat = format!("<html><body>{}<p>akhir</p></body></html>", "<p>baris<br></p>".repeat(5_000));
    assert!(read(&flat, &base()).visible.ends_with("akhir"), "a long flat page is read whole");
    let started = std::time::Instant::now();
    let _ = read(&deep, &base());
    assert!(started.elapsed() < std::time::Duration::from_secs(20), "{:?}", started.elapsed());
}

#[test]
fn news_about_gambling_and_small_negative_margins_are_not_spam() {
    let news = "<html><body><h2>Pemkab dukung pemberantasan judi online</h2><p>Bupati mengajak warga \
        melaporkan praktik judi online di lingkungannya.</p><p style=\"margin-left:-15px\">Berita lain</p></body></html>";
    assert_eq!(judge(&read(news, &base()), &Words::default(), None), vec![]);
    let page =
        read("<div style=\"margin-left: -15px\">tampil</div><div style=\"left:-9999px\">sembunyi</div>", &base());
    assert!(page.visible.contains("tampil") && page.hidden.contains("sembunyi"), "{page:?}");
    // A phrase inside a longer word is not the phrase.
    let page = read("<p>haveibeenpwned dan penghacked by-pass</p>", &base());
    assert!(defacement(&page, &Words::default()).is_none());
}
