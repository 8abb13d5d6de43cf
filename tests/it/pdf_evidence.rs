//! Evidence PDFs against the real server: a corpus built from the PDF specification (ISO 32000)
//! in which active content hides where a byte scan does not look: inside a FlateDecode object
//! stream found through a cross-reference stream, in an incremental update, behind `#xx` name
//! escapes, in a name kept in an object of its own. Each is refused; clean PDFs pass, and their
//! external links reach the analyst.

use reqwest::StatusCode;
use serde_json::Value;
use ttis_tests::must::{ResponseExt, array_at, str_at};
use ttis_tests::pdf::{classic, compressed};
use ttis_tests::{TestApp, db_tests, problem, sample_report};

db_tests!(active_content_is_refused_wherever_it_hides, clean_pdfs_pass_and_their_links_reach_the_analyst);

const CATALOG: &str = "<< /Type /Catalog /Pages 2 0 R >>";
const PAGES: &str = "<< /Type /Pages /Kids [3 0 R] /Count 1 >>";
const PAGE: &str = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>";
/// A page's content that merely *says* JavaScript: text, not active content.
const CONTENT: &str = "<< /Length 44 >>\nstream\nBT /F1 12 Tf 72 712 Td (JavaScript /JS) Tj ET\nendstream";

/// A classic PDF whose catalog (object 1) has `extra` entries.
fn with_catalog(extra: &str) -> Vec<u8> {
    classic(&[&format!("<< /Type /Catalog /Pages 2 0 R {extra} >>"), PAGES, PAGE, CONTENT])
}

async fn active_content_is_refused_wherever_it_hides(app: TestApp) {
    let clean_base = classic(&[CATALOG, PAGES, PAGE, CONTENT]);
    let corpus: Vec<(&str, Vec<u8>, &[&str])> = vec![
        (
            // The example: nothing readable in the file says JavaScript.
            "objstm.pdf",
            compressed(
                None,
                &[],
                &[
                    (1, "<< /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R >>"),
                    (2, PAGES),
                    (3, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"),
                    (4, "<< /Type /Action /S /JavaScript /JS (app.launchURL('https://x.test')) >>"),
                ],
            ),
            &["JavaScript", "JS"],
        ),
        (
            // A clean document, then an incremental update that replaces its catalog from inside
            // a compressed object stream.
            "update.pdf",
            compressed(
                Some((&clean_base, 5)),
                &[],
                &[(1, "<< /Type /Catalog /Pages 2 0 R /OpenAction << /S /Launch /F (cmd.exe) >> >>")],
            ),
            &["Launch"],
        ),
        (
            "escaped.pdf",
            compressed(
                None,
                &[(1, CATALOG), (2, PAGES)],
                &[(3, "<< /Type /Page /Parent 2 0 R /AA << /O << /S /Subm#69tForm /F (https://x.test) >> >> >>")],
            ),
            &["SubmitForm"],
        ),
        (
            // The action's type is a name in an object of its own.
            "split.pdf",
            compressed(
                None,
                &[(1, "<< /Type /Catalog /Pages 2 0 R /OpenAction << /S 5 0 R /F (x) >> >>"), (2, PAGES), (3, PAGE)],
                &[(5, "/Imp#6FrtData")],
            ),
            &["ImportData"],
        ),
        ("names.pdf", with_catalog("/Names << /EmbeddedFiles << /Names [(a.exe) 5 0 R] >> >>"), &["EmbeddedFiles"]),
        ("xfa.pdf", with_catalog("/AcroForm << /Fields [] /XFA 5 0 R >>"), &["XFA"]),
        (
            "media.pdf",
            with_catalog("/OpenAction << /S /RichMediaExecute /TA 5 0 R >> /RM << /Type /RichMedia >>"),
            &["RichMedia"],
        ),
        ("js-key.pdf", with_catalog("/AA << /WC << /S /Rendition /JS 6 0 R >> >>"), &["JS"]),
    ];
    for (name, bytes, features) in corpus {
        let res = app.submit_multipart(&sample_report(), vec![(name, bytes)]).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{name}");
        let p = problem(res).await;
        assert_eq!(p["code"], "pdf_active_content", "{name}: {p}");
        let detail = str_at(&p, "/detail");
        let named = features.iter().any(|f| detail.contains(&format!("/{f} ")));
        assert!(named && detail.contains(name), "{name}: {detail}");
    }

    // What the parser cannot read is refused too: it could hide anything from it.
    let unreadable: Vec<(&str, Vec<u8>)> = vec![
        ("garbage.pdf", b"%PDF-1.7\n\x00\x01 not objects at all \xff\xfe".to_vec()),
        ("truncated.pdf", b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R".to_vec()),
    ];
    for (name, bytes) in unreadable {
        let res = app.submit_multipart(&sample_report(), vec![(name, bytes)]).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{name}");
        assert_eq!(problem(res).await["code"], "pdf_unreadable", "{name}");
    }
    assert_eq!(app.count("tickets").await, 0, "a refused file refuses the whole report");
    assert_eq!(app.count("evidence").await, 0);
}

async fn clean_pdfs_pass_and_their_links_reach_the_analyst(app: TestApp) {
    let analyst = app.user_with_roles("analis@ttis.test", &["analyst"]).await;
    let link = "<< /Type /Annot /Subtype /Link /Rect [72 700 300 720] /A << /S /URI /URI 6 0 R >> >>";
    let linked = compressed(
        None,
        &[(1, CATALOG), (2, PAGES)],
        &[
            (3, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Annots [4 0 R 5 0 R] >>"),
            (4, link),
            (
                5,
                "<< /Type /Annot /Subtype /Link /Rect [0 0 1 1] /A << /S /URI /URI (https://phish.example/login) >> >>",
            ),
            (6, "(https://contoh.go.id/bukti)"),
        ],
    );
    let plain = classic(&[CATALOG, PAGES, PAGE, CONTENT]);
    let res = app.submit_multipart(&sample_report(), vec![("tautan.pdf", linked), ("polos.pdf", plain)]).await;
    let status = res.status();
    if status != StatusCode::CREATED {
        panic!("{status}: {}", res.text().await.unwrap_or_default());
    }
    let receipt: Value = res.json_body().await;
    let code = str_at(&receipt, "/ticket_code").to_string();
    let detail: Value = app.get(&format!("/api/v1/tickets/{code}"), Some(&analyst)).await.json_body().await;
    let evidence = array_at(&detail, "/evidence");
    let links: Vec<Vec<&str>> = evidence
        .iter()
        .map(|e| {
            e["external_links"].as_array().map(|a| a.iter().filter_map(Value::as_str).collect()).unwrap_or_default()
        })
        .collect();
    let mut first = links[0].clone();
    first.sort_unstable();
    assert_eq!(first, ["https://contoh.go.id/bukti", "https://phish.example/login"]);
    assert!(links[1].is_empty(), "a page that only says JavaScript has no links and is no threat: {links:?}");
}
