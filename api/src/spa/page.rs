//! The two pages, `index.html` (public build) and `staff.html` (staff build), as they are sent:
//! the built file with this deployment's names filled in (the loading state and the `<noscript>`
//! block name the government, the agency, the report email and the security contact), with a
//! gzip copy and an ETag. Filled once, and again when the file on disk changes (a rebuilt SPA
//! names other hashed assets).

use std::collections::HashMap;
use std::io::Write;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

use actix_web::web::Bytes;
use sha2::{Digest, Sha256};

use crate::config::SiteSettings;

/// A page ready to send.
#[derive(Debug)]
pub struct Page {
    pub body: Bytes,
    /// The body gzipped (`None` when that is not smaller).
    pub gzip: Option<Bytes>,
    /// A strong validator of the body (the gzip copy's is this with `-gzip`).
    pub etag: String,
}

/// The words the pages take from the configuration, ready to put into HTML.
#[derive(Debug, Clone)]
pub struct Fill {
    government: String,
    agency: String,
    report_email: String,
    contact_href: String,
    contact_text: String,
}

impl Fill {
    pub fn from_site(site: &SiteSettings) -> Fill {
        let contact = site.security_contact.trim();
        let (contact_href, contact_text) = if let Some(address) = contact.strip_prefix("mailto:") {
            (contact.to_string(), address.split('?').next().unwrap_or_default().to_string())
        } else if contact.starts_with("https://") || contact.starts_with("http://") {
            (contact.to_string(), contact.to_string())
        } else {
            // Anything else is shown as written, with `security.txt` (which carries it) as the link.
            ("/.well-known/security.txt".to_string(), contact.to_string())
        };
        Fill {
            government: escape(&display_name(&site.government_name)),
            agency: escape(&display_name(&site.agency_name)),
            report_email: escape(&site.report_email),
            contact_href: escape(&contact_href),
            contact_text: escape(&contact_text),
        }
    }

    /// The page with its placeholders (`{{government_name}}`, `{{agency_name}}`, `{{report_email}}`,
    /// `{{security_contact_href}}`, `{{security_contact}}`) replaced.
    pub fn apply(&self, html: &str) -> String {
        html.replace("{{government_name}}", &self.government)
            .replace("{{agency_name}}", &self.agency)
            .replace("{{report_email}}", &self.report_email)
            .replace("{{security_contact_href}}", &self.contact_href)
            .replace("{{security_contact}}", &self.contact_text)
    }
}

/// Text for HTML content and quoted attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Words that stay in lower case inside an Indonesian name (`Dinas Komunikasi dan Informatika`).
const SMALL_WORDS: [&str; 9] = ["dan", "di", "ke", "dari", "untuk", "atau", "serta", "yang", "pada"];

/// A name as the SPA's header writes it. The configuration holds the letterhead's capitals
/// (`DINAS KOMUNIKASI DAN INFORMATIKA`); a name written in capitals becomes
/// `Dinas Komunikasi dan Informatika`, keeping short words that are not Indonesian conjunctions
/// as they are (acronyms such as `DKI`), so the loading state and the SPA's header read the same.
/// A name with any lower-case letter is the operator's own spelling and stays as written.
pub fn display_name(name: &str) -> String {
    let name = name.trim();
    if name.chars().any(char::is_lowercase) {
        return name.to_string();
    }
    name.split(' ')
        .enumerate()
        .map(|(i, word)| {
            let lower = word.to_lowercase();
            let letters = word.chars().filter(|c| c.is_alphabetic()).count();
            if i > 0 && SMALL_WORDS.contains(&lower.as_str()) {
                lower
            } else if letters <= 3 {
                word.to_string()
            } else {
                let mut seen_letter = false;
                lower
                    .chars()
                    .map(|c| {
                        if !seen_letter && c.is_alphabetic() {
                            seen_letter = true;
                            c.to_uppercase().collect::<String>()
                        } else {
                            c.to_string()
                        }
                    })
                    .collect()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn gzip(bytes: &[u8]) -> Option<Bytes> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    enc.write_all(bytes).ok()?;
    let packed = enc.finish().ok()?;
    (packed.len() < bytes.len()).then(|| Bytes::from(packed))
}

impl Page {
    pub fn new(html: String) -> Page {
        let digest = Sha256::digest(html.as_bytes());
        let etag: String = digest.iter().take(12).map(|b| format!("{b:02x}")).collect();
        let gzip = gzip(html.as_bytes());
        Page { body: Bytes::from(html), gzip, etag: format!("\"{etag}\"") }
    }

    /// The ETag of the gzip copy: another representation, so another validator.
    pub fn gzip_etag(&self) -> String {
        format!("{}-gzip\"", self.etag.trim_end_matches('"'))
    }
}

/// The pages of one web dir, filled on first use and whenever the file changes.
pub struct Pages {
    dir: PathBuf,
    fill: Fill,
    cache: Mutex<HashMap<&'static str, (Stamp, Arc<Page>)>>,
}

/// What tells a changed file: its modification time and length.
type Stamp = (Option<SystemTime>, u64);

impl Pages {
    pub fn new(dir: PathBuf, site: &SiteSettings) -> Pages {
        Pages { dir, fill: Fill::from_site(site), cache: Mutex::new(HashMap::new()) }
    }

    /// `name` (`index.html` or `staff.html`) as sent; `None` when the file is not there.
    pub fn get(&self, name: &'static str) -> Option<Arc<Page>> {
        let path = self.dir.join(name);
        let meta = std::fs::metadata(&path).ok().filter(|m| m.is_file())?;
        let stamp = (meta.modified().ok(), meta.len());
        if let Ok(cache) = self.cache.lock()
            && let Some((seen, page)) = cache.get(name)
            && *seen == stamp
        {
            return Some(page.clone());
        }
        let html = std::fs::read_to_string(&path).ok()?;
        let page = Arc::new(Page::new(self.fill.apply(&html)));
        if let Ok(mut cache) = self.cache.lock() {
            cache.insert(name, (stamp, page.clone()));
        }
        Some(page)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_in_capitals_read_like_the_header() {
        assert_eq!(display_name("PEMERINTAH KABUPATEN KUTAI KARTANEGARA"), "Pemerintah Kabupaten Kutai Kartanegara");
        assert_eq!(display_name("DINAS KOMUNIKASI DAN INFORMATIKA"), "Dinas Komunikasi dan Informatika");
        assert_eq!(display_name("PEMERINTAH PROVINSI DKI JAKARTA"), "Pemerintah Provinsi DKI Jakarta");
        assert_eq!(
            display_name("DINAS KOMUNIKASI, INFORMATIKA, STATISTIK DAN PERSANDIAN"),
            "Dinas Komunikasi, Informatika, Statistik dan Persandian"
        );
        assert_eq!(display_name("Diskominfo Kota Bontang"), "Diskominfo Kota Bontang", "the operator's spelling");
    }

    fn site(contact: &str) -> SiteSettings {
        SiteSettings {
            government_name: "PEMERINTAH KOTA <CONTOH>".into(),
            agency_name: "DINAS \"KOMINFO\"".into(),
            security_contact: contact.into(),
            report_email: "lapor@contoh.go.id".into(),
            safe_harbor_id: String::new(),
            safe_harbor_en: String::new(),
            city: String::new(),
            address: String::new(),
            phone: String::new(),
            head_title: String::new(),
            letter_number_pattern: String::new(),
            certificate_number_pattern: String::new(),
        }
    }

    #[test]
    fn the_placeholders_take_the_configuration_escaped() {
        let page = "<p>{{government_name}} · {{agency_name}}</p><a href=\"mailto:{{report_email}}\">{{report_email}}</a>\
                    <a href=\"{{security_contact_href}}\">{{security_contact}}</a>";
        let filled = Fill::from_site(&site("mailto:csirt@contoh.go.id?subject=Lapor")).apply(page);
        assert_eq!(
            filled,
            "<p>Pemerintah Kota &lt;Contoh&gt; · Dinas &quot;Kominfo&quot;</p>\
             <a href=\"mailto:lapor@contoh.go.id\">lapor@contoh.go.id</a>\
             <a href=\"mailto:csirt@contoh.go.id?subject=Lapor\">csirt@contoh.go.id</a>"
        );
        let web = Fill::from_site(&site("https://contoh.go.id/csirt"))
            .apply("{{security_contact_href}} {{security_contact}}");
        assert_eq!(web, "https://contoh.go.id/csirt https://contoh.go.id/csirt");
        let other = Fill::from_site(&site("telepon 0541-123")).apply("{{security_contact_href}} {{security_contact}}");
        assert_eq!(other, "/.well-known/security.txt telepon 0541-123");
    }

    #[test]
    fn a_page_is_read_again_when_its_file_changes() {
        let dir = std::env::temp_dir().join(format!("ttis-pages-{}", std::process::id()));
        let _ = std::fs::create_dir_all(&dir);
        let _ = std::fs::write(dir.join("index.html"), "one {{report_email}}");
        let pages = Pages::new(dir.clone(), &site("mailto:a@b.c"));
        let first = pages.get("index.html").map(|p| p.body.clone());
        assert_eq!(first.as_deref(), Some(&b"one lapor@contoh.go.id"[..]));
        let _ = std::fs::write(dir.join("index.html"), "second version {{agency_name}}");
        let second = pages.get("index.html").map(|p| p.body.clone());
        assert_eq!(second.as_deref(), Some(&b"second version Dinas &quot;Kominfo&quot;"[..]));
        assert!(pages.get("staff.html").is_none());
        let _ = std::fs::remove_dir_all(&dir);
    }
}
