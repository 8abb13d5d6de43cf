//! The templates, rendered with the sample data and read back as a person reads the PDF: pages,
//! text per page (poppler's `pdftotext`), link annotations (`pdfinfo -url`) and where words lie
//! (`pdftotext -bbox`). `Pdf` is the one place that shells out to poppler.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

use ttis_shared::dto::signers::SigningCapacity as Capacity;

use super::sample::{self, VERIFICATION_CODE, VERIFY_URL};
use super::*;

fn documents() -> Arc<Documents> {
    Documents::load(Path::new("/nonexistent")).unwrap()
}

/// Keeps a rendered sample when `TTIS_SAMPLE_DIR` is set, for a look (`pdftoppm -png`).
fn keep(name: &str, pdf: &[u8]) {
    if let Ok(dir) = std::env::var("TTIS_SAMPLE_DIR") {
        std::fs::write(Path::new(&dir).join(name), pdf).unwrap();
    }
}

/// A rendered PDF in a temporary file, read through poppler's command-line tools.
struct Pdf {
    path: PathBuf,
}

/// A word and its box on the page, in points from the top left.
#[derive(Debug)]
struct Word {
    text: String,
    x_min: f64,
    y_min: f64,
    x_max: f64,
    y_max: f64,
}

impl Pdf {
    fn new(name: &str, bytes: &[u8]) -> Pdf {
        static N: AtomicUsize = AtomicUsize::new(0);
        keep(&format!("{name}.pdf"), bytes);
        let n = N.fetch_add(1, Ordering::Relaxed);
        let path = std::env::temp_dir().join(format!("ttis-doc-{}-{n}-{name}.pdf", std::process::id()));
        std::fs::write(&path, bytes).unwrap();
        Pdf { path }
    }

    fn run(&self, tool: &str, args: &[&str]) -> String {
        let out = Command::new(tool)
            .args(args)
            .arg(&self.path)
            .args(if tool == "pdftotext" { &["-"][..] } else { &[][..] })
            .output()
            .unwrap_or_else(|e| panic!("{tool} (poppler-utils) is needed: {e}"));
        assert!(out.status.success(), "{tool} failed: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    }

    fn pages(&self) -> usize {
        let info = self.run("pdfinfo", &[]);
        let line = info.lines().find(|l| l.starts_with("Pages:")).unwrap();
        line["Pages:".len()..].trim().parse().unwrap()
    }

    /// The text of one page (from 1), lines as laid out.
    fn page_text(&self, page: usize) -> String {
        let page = page.to_string();
        self.run("pdftotext", &["-f", &page, "-l", &page])
    }

    fn text(&self) -> String {
        self.run("pdftotext", &[])
    }

    /// The addresses of the link annotations.
    fn urls(&self) -> Vec<String> {
        let out = self.run("pdfinfo", &["-url"]);
        out.lines().skip(1).filter_map(|l| l.split_whitespace().nth(2).map(String::from)).collect()
    }

    /// The size of the first page and its words.
    fn words(&self) -> ((f64, f64), Vec<Word>) {
        let html = self.run("pdftotext", &["-bbox", "-f", "1", "-l", "1"]);
        let attr = |tag: &str, name: &str| -> f64 {
            let start = tag.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
            tag[start..][..tag[start..].find('"').unwrap()].parse().unwrap()
        };
        let page = html.lines().find(|l| l.trim_start().starts_with("<page ")).unwrap();
        let size = (attr(page, "width"), attr(page, "height"));
        let words = html
            .lines()
            .map(str::trim)
            .filter(|l| l.starts_with("<word "))
            .map(|l| {
                let text = &l[l.find('>').unwrap() + 1..l.rfind("</word>").unwrap()];
                Word {
                    text: text.to_string(),
                    x_min: attr(l, "xMin"),
                    y_min: attr(l, "yMin"),
                    x_max: attr(l, "xMax"),
                    y_max: attr(l, "yMax"),
                }
            })
            .collect();
        (size, words)
    }
}

impl Drop for Pdf {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

/// The lines of `text` between the line starting with `from` and the next one starting with `to`.
fn section<'a>(text: &'a str, from: &str, to: &str) -> Vec<&'a str> {
    text.lines()
        .map(str::trim)
        .skip_while(|l| !l.contains(from))
        .skip(1)
        .take_while(|l| !l.contains(to))
        .filter(|l| !l.is_empty())
        .collect()
}

/// Whether a page's text carries the naskah-dinas page number `- n -` on a line of its own.
fn numbered(page_text: &str, n: usize) -> bool {
    let number = format!("-{n}-");
    page_text.lines().any(|l| l.split_whitespace().collect::<String>() == number)
}

fn signer_name(inputs: &Inputs) -> String {
    let value = inputs.0.iter().rev().find(|(k, _)| *k == "signer_name").map(|(_, v)| v.clone()).unwrap();
    match value {
        Value::Str(s) => s.to_string(),
        other => panic!("signer_name is {other:?}"),
    }
}

/// The built-in templates compile with embedded fonts only.
#[test]
fn the_analysis_template_renders_a_pdf() {
    let pdf = documents().analysis.render(sample::analysis()).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    keep("analysis.pdf", &pdf);
}

#[test]
fn the_letter_and_certificate_render_as_drafts_and_final() {
    let docs = documents();
    for final_ in [false, true] {
        let suffix = if final_ { "final" } else { "draft" };
        let letter = docs.letter.render(sample::letter(final_)).unwrap();
        assert!(letter.starts_with(b"%PDF-"));
        keep(&format!("letter-{suffix}.pdf"), &letter);
        let certificate = docs.certificate.render(sample::certificate(final_)).unwrap();
        assert!(certificate.starts_with(b"%PDF-"));
        keep(&format!("certificate-{suffix}.pdf"), &certificate);
    }
}

#[test]
fn the_recap_template_renders_a_pdf() {
    let pdf = documents().recap.render(sample::recap()).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    keep("recap.pdf", &pdf);
}

#[test]
fn an_operator_template_in_the_data_dir_replaces_the_built_in_one() {
    let dir = std::env::temp_dir().join(format!("ttis-templates-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("templates")).unwrap();
    std::fs::write(dir.join("templates/certificate.typ"), "Piagam untuk #d.recipient_name").unwrap();
    let docs = Documents::load(&dir).unwrap();
    let pdf = docs.certificate.render(sample::letter(true)).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    assert!(pdf.len() < docs.letter.render(sample::letter(true)).unwrap().len());
    let _ = std::fs::remove_dir_all(dir);
}

/// A normal incident letter (a summary of four lines, four findings, four recommendations, two
/// copies) keeps its signature and copies on its one page, whoever signs it.
#[test]
fn a_normal_letter_fits_on_one_page_in_every_capacity_signed_and_as_a_draft() {
    let docs = documents();
    for capacity in Capacity::ALL {
        for final_ in [true, false] {
            let inputs = sample::letter_as(final_, capacity);
            let name = signer_name(&inputs);
            let pdf = Pdf::new(&format!("letter-{capacity:?}-{final_}"), &docs.letter.render(inputs).unwrap());
            assert_eq!(pdf.pages(), 1, "{capacity:?}, signed: {final_}");
            let text = pdf.text();
            for expected in ["Demikian disampaikan", name.as_str(), "Tembusan:", "Arsip"] {
                assert!(text.contains(expected), "{capacity:?}, signed: {final_}: no {expected:?} in\n{text}");
            }
        }
    }
}

/// A personal-data incident's letter carries the controller's obligations as item 5 (the
/// deadline with its zone, the two recipients, the three required contents, the request to
/// confirm), and the closing request becomes item 6; a letter without personal data has none of it.
#[test]
fn a_personal_data_letter_states_the_controllers_obligations_and_its_deadline() {
    let docs = documents();
    let pdf = Pdf::new("letter-pdp", &docs.letter.render(sample::pdp_letter(true)).unwrap());
    keep("letter-pdp.pdf", &docs.letter.render(sample::pdp_letter(true)).unwrap());
    let text = pdf.text().split_whitespace().collect::<Vec<_>>().join(" ");
    for expected in [
        "5. Kewajiban pengendali data pribadi.",
        "Pasal 46 Undang-Undang Nomor 27 Tahun 2022",
        "3 x 24 (tiga kali dua puluh empat) jam",
        "1 Desember 2026 pukul 09.15 WITA",
        "a. subjek data pribadi yang terdampak",
        "b. lembaga penyelenggara pelindungan data pribadi",
        "a. data pribadi yang terungkap",
        "c. upaya penanganan dan pemulihan",
        "6. Kami mohon Saudara",
        "Demikian disampaikan",
    ] {
        assert!(text.contains(expected), "no {expected:?} in\n{text}");
    }
    let plain = Pdf::new("letter-no-pdp", &docs.letter.render(sample::letter(true)).unwrap()).text();
    assert!(!plain.contains("pengendali data pribadi") && plain.contains("5. Kami mohon"), "{plain}");
}

/// When the content is long, the closing paragraph and the signature block (with the copies) go
/// to the next page together, with the last numbered item before them so that they are not alone
/// there; that page is numbered, the first is not. (The sample is cut so that the closing would
/// end page 1 and the signature begin page 2.)
#[test]
fn a_long_letter_keeps_the_closing_with_the_signature_and_numbers_the_later_pages() {
    let docs = documents();
    for final_ in [true, false] {
        let inputs = sample::long_letter(final_);
        let name = signer_name(&inputs);
        let pdf = Pdf::new(&format!("long-letter-{final_}"), &docs.letter.render(inputs).unwrap());
        let pages = pdf.pages();
        assert!(pages >= 2, "the long sample should need two pages");
        let texts: Vec<String> = (1..=pages).map(|p| pdf.page_text(p)).collect();
        let closing = texts.iter().position(|t| t.contains("Demikian disampaikan")).unwrap();
        assert!(texts[closing].contains(&name), "the signer is not on the closing's page:\n{}", texts[closing]);
        assert!(texts[closing].contains("Tembusan:"));
        assert!(texts[closing].contains("Kami mohon Saudara"), "the closing is alone:\n{}", texts[closing]);
        assert!(numbered(&texts[1], 2), "page 2 has no number:\n{}", texts[1]);
        assert!(!numbered(&texts[0], 1) && !texts[0].contains("Halaman 1 dari"), "page 1 is numbered:\n{}", texts[0]);
    }
}

/// The same for the analysis report: its closing, the analyst's signature and the last
/// recommendation stay together (the sample's closing would otherwise end page 1).
#[test]
fn a_long_analysis_report_keeps_its_closing_with_the_analyst_and_numbers_the_later_pages() {
    let pdf = Pdf::new("long-analysis", &documents().analysis.render(sample::long_analysis()).unwrap());
    let pages = pdf.pages();
    assert!(pages >= 2, "the long sample should need two pages");
    let texts: Vec<String> = (1..=pages).map(|p| pdf.page_text(p)).collect();
    let closing = texts.iter().position(|t| t.contains("Demikian laporan")).unwrap();
    assert!(texts[closing].contains("Rina Analis"), "the analyst is not on the closing's page:\n{}", texts[closing]);
    assert!(texts[closing].contains("Ganti kata sandi"), "the closing is alone:\n{}", texts[closing]);
    assert!(numbered(&texts[1], 2), "page 2 has no number:\n{}", texts[1]);
    assert!(!numbered(&texts[0], 1) && !texts[0].contains("Halaman 1 dari"), "page 1 is numbered:\n{}", texts[0]);
}

/// The analysts type their own `1.` and `-` lists; inside the letter's numbered items they are
/// lettered sub-items, and an indented line under one of them a `1)` item (Permendagri 1/2023's
/// order 1., a., 1)). Nothing they type acts as markup.
#[test]
fn the_analysts_lists_print_as_lettered_sub_items() {
    let docs = documents();
    let pdf = Pdf::new("letter-items", &docs.letter.render(sample::letter(true)).unwrap());
    let text = pdf.text();
    let findings = section(&text, "Temuan.", "Rekomendasi.");
    let recommendations = section(&text, "Rekomendasi.", "Kami mohon");
    for (name, lines) in [("findings", &findings), ("recommendations", &recommendations)] {
        let markers: Vec<&str> = lines.iter().filter_map(|l| l.split_whitespace().next()).collect();
        for letter in ["a.", "b.", "c.", "d."] {
            assert!(markers.contains(&letter), "{name}: no {letter} item in {lines:#?}");
        }
        assert!(!lines.iter().any(|l| l.starts_with("1. ") || l.starts_with("- ")), "{name}: {lines:#?}");
    }
    assert!(text.contains("eval($_POST['c'])"), "the analyst's text changed:\n{text}");

    let long = Pdf::new("long-letter-items", &docs.letter.render(sample::long_letter(true)).unwrap());
    let text = long.text();
    let findings = section(&text, "Temuan.", "Rekomendasi.");
    let starts = |p: &str| findings.iter().any(|l| l.starts_with(p));
    assert!(starts("a. ") && starts("e. ") && starts("1) ") && starts("2) "), "{findings:#?}");

    // Items typed with an indent are one list; only a deeper indent makes a sub-item. A line
    // before the list stays a paragraph, and a line without a marker continues its item.
    let typed = "Tim menemukan:\n  1. berkas index.php diganti;\n  2. dua webshell:\n     - cache.php\n       di uploads/2026/11;\n     - thumb.php\n  3. log akses dari luar negeri.";
    let pdf = Pdf::new("letter-indented", &docs.letter.render(sample::letter(true).text("findings", typed)).unwrap());
    let text = pdf.text();
    let findings = section(&text, "Temuan.", "Rekomendasi.");
    assert_eq!(
        findings,
        [
            "Tim menemukan:",
            "a. berkas index.php diganti;",
            "b. dua webshell:",
            "1) cache.php di uploads/2026/11;",
            "2) thumb.php",
            "c. log akses dari luar negeri."
        ],
    );

    // Under the analysis report's lettered sections the same lists are 1., 2. with a., b. under them.
    let analysis = Pdf::new("analysis-items", &docs.analysis.render(sample::long_analysis()).unwrap());
    let text = analysis.text();
    let findings = section(&text, "C. Temuan", "D. Rekomendasi");
    let starts = |p: &str| findings.iter().any(|l| l.starts_with(p));
    assert!(starts("1. ") && starts("5. ") && starts("a. ") && starts("b. "), "{findings:#?}");
    assert!(!findings.iter().any(|l| l.starts_with("- ")), "{findings:#?}");
}

/// A deployment's long verification address, with hyphens where a line could break.
const HYPHENATED_URL: &str = "https://tanggap-insiden-siber.kutai-kartanegara-kab.go.id/verify/7K3M9QX2HP";

/// The verification address in the footer is one unbroken line of text and a link annotation,
/// even for a long address with hyphens; and the footer claims no certification by the national
/// CA (the documents are signed with the agency's own key on this platform).
#[test]
fn the_footer_verification_url_is_whole_and_a_link() {
    let docs = documents();
    for url in [VERIFY_URL, HYPHENATED_URL] {
        for (kind, template, inputs) in [
            ("letter", &docs.letter, sample::letter(true)),
            ("long-letter", &docs.letter, sample::long_letter(true)),
            ("certificate", &docs.certificate, sample::certificate(true)),
        ] {
            let pdf = Pdf::new(&format!("url-{kind}"), &template.render(inputs.text("verify_url", url)).unwrap());
            let text = pdf.text();
            assert!(text.lines().any(|l| l.contains(url)), "{kind}: {url} is broken in\n{text}");
            let urls = pdf.urls();
            assert!(urls.iter().any(|u| u == url), "{kind}: no link to {url} in {urls:?}");
            let lower = text.to_lowercase();
            for claim in ["bsre", "balai sertifikasi", "sertifikat elektronik", "tersertifikasi"] {
                assert!(!lower.contains(claim), "{kind} claims {claim:?}:\n{text}");
            }
        }
    }
}

/// A signed document prints its verification code under the QR code; a draft has none. Each
/// capacity's title lines and the signer's rank and NIP are printed.
#[test]
fn signed_documents_print_the_verification_code_and_the_capacitys_title_lines() {
    let docs = documents();
    for capacity in Capacity::ALL {
        for final_ in [true, false] {
            let letter = sample::letter_as(final_, capacity);
            let certificate = sample::certificate(final_).merge(sample::signer(capacity));
            let name = signer_name(&letter);
            for (kind, template, inputs) in
                [("letter", &docs.letter, letter), ("certificate", &docs.certificate, certificate)]
            {
                let pdf = Pdf::new(&format!("{kind}-{capacity:?}-{final_}"), &template.render(inputs).unwrap());
                let text = pdf.text();
                let at = |s: &str| text.find(s).unwrap_or_else(|| panic!("{kind} {capacity:?}: no {s:?} in\n{text}"));
                let mut last = 0;
                for line in sample::signer_lines(capacity) {
                    let here = at(&line);
                    assert!(here >= last, "{kind} {capacity:?}: title lines out of order");
                    last = here;
                }
                assert!(at(&name) > last, "{kind} {capacity:?}: the name comes before the title");
                at(if capacity == Capacity::Definitive { "Pembina Utama Muda" } else { "Pembina Tingkat I" });
                at(if capacity == Capacity::Definitive {
                    "NIP. 197001011995031001"
                } else {
                    "NIP. 197505152000031002"
                });
                if final_ {
                    let code = at(VERIFICATION_CODE);
                    assert!(
                        at("Kode verifikasi") < code && code < at(&name),
                        "{kind}: the code is not under the QR code"
                    );
                } else {
                    assert!(
                        !text.contains("Kode verifikasi") && !text.contains(VERIFICATION_CODE),
                        "{kind}: a draft with a code"
                    );
                }
            }
        }
    }
}

/// The certificate is one landscape page whose every word, the footer's included, lies inside
/// the inner (gold) frame: `certificate.typ` draws it 0.75 cm + 0.4 cm from each edge.
#[test]
fn the_certificate_keeps_its_footer_inside_the_frame() {
    const FRAME: f64 = (0.75 + 0.4) / 2.54 * 72.0;
    let docs = documents();
    for (final_, url) in [(true, VERIFY_URL), (true, HYPHENATED_URL), (false, "")] {
        let inputs = sample::certificate(final_).text("verify_url", url);
        let pdf = Pdf::new(&format!("certificate-frame-{final_}"), &docs.certificate.render(inputs).unwrap());
        assert_eq!(pdf.pages(), 1);
        let ((width, height), words) = pdf.words();
        assert!(width > height, "not landscape: {width} x {height}");
        let footer = if final_ { "Ditandatangani" } else { "DRAF" };
        assert!(words.iter().any(|w| w.text == footer), "no footer");
        let lowest = words.iter().map(|w| w.y_max).fold(0.0, f64::max);
        assert!(words.iter().filter(|w| w.text == footer).any(|w| w.y_max + 1.0 >= lowest), "the footer is not last");
        for w in &words {
            assert!(
                w.x_min > FRAME && w.y_min > FRAME && w.x_max < width - FRAME && w.y_max < height - FRAME,
                "signed: {final_}, {url}: {w:?} is outside the frame ({FRAME:.1} pt in from the edges of {width} x {height})"
            );
        }
    }
}
