//! Reading an evidence PDF object by object before it is accepted: a real parser (lopdf) follows
//! the cross-reference data, opens compressed object streams and walks every object, so active
//! content cannot hide where a byte scan does not look (a FlateDecode `/ObjStm`, an incremental
//! update, a name written with `#xx` escapes, a name kept in an object of its own). It also lists
//! the external links (`/URI` actions) for the analyst.

use lopdf::{Document, LoadOptions, Object};

/// Why a PDF is refused as evidence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PdfRefusal {
    /// The parser cannot read it (damaged, not really a PDF, or locked with a password).
    Unreadable,
    /// It carries a feature that runs code, submits data or carries other files; the name is the
    /// PDF name found (`JavaScript`, `Launch`, `EmbeddedFile`...).
    ActiveContent(&'static str),
}

/// What an accepted PDF holds that an analyst should know before opening it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PdfFindings {
    /// The targets of its `/URI` actions, distinct, in the order found (at most [`MAX_LINKS`]).
    pub external_links: Vec<String>,
}

/// How many links are recorded (a PDF may have thousands; the analyst needs to know they are there).
pub const MAX_LINKS: usize = 20;
/// The longest link kept, in characters.
const MAX_LINK_CHARS: usize = 500;
/// The most any one object or cross-reference stream may inflate to while loading.
const MAX_INFLATED: usize = 64 * 1024 * 1024;

/// The names that mark active content (compared without regard to case, after `#xx` decoding):
/// JavaScript and the keys that hold it, actions that start programs, submit or import form
/// data, embedded and attached files, rich media and XFA forms. An `/OpenAction` or `/AA`
/// (additional actions) that runs one of these is refused by the name it runs.
const ACTIVE: [&str; 12] = [
    "JS",
    "JavaScript",
    "Launch",
    "EmbeddedFile",
    "EmbeddedFiles",
    "EF",
    "FileAttachment",
    "GoToE",
    "RichMedia",
    "XFA",
    "SubmitForm",
    "ImportData",
];

/// Parses `data` and decides. Every object is walked twice: as the cross-reference data
/// describes the document, and as a scan of the file finds objects (so an object that the
/// cross-reference leaves out, or an older revision's copy, is seen too).
pub fn inspect(data: &[u8]) -> Result<PdfFindings, PdfRefusal> {
    let options = || LoadOptions { max_decompressed_size: Some(MAX_INFLATED), ..LoadOptions::default() };
    let doc = Document::load_mem_with_options(data, options()).map_err(|_| PdfRefusal::Unreadable)?;
    if doc.catalog().is_err() || doc.objects.is_empty() {
        return Err(PdfRefusal::Unreadable);
    }
    let mut findings = PdfFindings::default();
    walk(&doc, &mut findings)?;
    if let Ok(scanned) = Document::load_mem_with_options(data, LoadOptions { force_reconstruct: true, ..options() }) {
        walk(&scanned, &mut findings)?;
    }
    Ok(findings)
}

fn walk(doc: &Document, findings: &mut PdfFindings) -> Result<(), PdfRefusal> {
    // An explicit stack: a deeply nested array cannot exhaust the thread's stack.
    let mut stack: Vec<&Object> = doc.objects.values().collect();
    while let Some(object) = stack.pop() {
        match object {
            Object::Name(name) => check_name(name)?,
            Object::Array(items) => stack.extend(items.iter()),
            Object::Dictionary(dict) => {
                for (key, value) in dict.iter() {
                    check_name(key)?;
                    if key.as_slice() == b"URI" {
                        note_link(doc, value, findings);
                    }
                    stack.push(value);
                }
            }
            Object::Stream(stream) => {
                for (key, value) in stream.dict.iter() {
                    check_name(key)?;
                    stack.push(value);
                }
            }
            _ => {}
        }
    }
    Ok(())
}

fn check_name(name: &[u8]) -> Result<(), PdfRefusal> {
    match ACTIVE.iter().find(|active| active.as_bytes().eq_ignore_ascii_case(name)) {
        Some(active) => Err(PdfRefusal::ActiveContent(active)),
        None => Ok(()),
    }
}

/// Records the target of a `/URI` entry (a string, or a reference to one).
fn note_link(doc: &Document, value: &Object, findings: &mut PdfFindings) {
    let value = match value {
        Object::Reference(id) => match doc.get_object(*id) {
            Ok(target) => target,
            Err(_) => return,
        },
        other => other,
    };
    let Object::String(bytes, _) = value else {
        return;
    };
    let text = text_string(bytes);
    let link: String = text.chars().filter(|c| !c.is_control()).take(MAX_LINK_CHARS).collect();
    if link.is_empty() || findings.external_links.len() >= MAX_LINKS || findings.external_links.contains(&link) {
        return;
    }
    findings.external_links.push(link);
}

/// A PDF text string: UTF-16BE after a byte-order mark, otherwise bytes read as UTF-8 (URIs are
/// ASCII by the specification).
fn text_string(bytes: &[u8]) -> String {
    match bytes.strip_prefix(&[0xFE, 0xFF]) {
        Some(utf16) => {
            let units: Vec<u16> = utf16.chunks_exact(2).map(|c| u16::from_be_bytes([c[0], c[1]])).collect();
            String::from_utf16_lossy(&units)
        }
        None => String::from_utf8_lossy(bytes).into_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A PDF with a correct cross-reference table, built from its objects.
    fn pdf(objects: &[&str]) -> Vec<u8> {
        let mut out = b"%PDF-1.7\n".to_vec();
        let mut offsets = Vec::new();
        for (i, body) in objects.iter().enumerate() {
            offsets.push(out.len());
            out.extend_from_slice(format!("{} 0 obj\n{body}\nendobj\n", i + 1).as_bytes());
        }
        let xref = out.len();
        out.extend_from_slice(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
        for o in offsets {
            out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
        }
        out.extend_from_slice(
            format!("trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n", objects.len() + 1).as_bytes(),
        );
        out
    }

    const CATALOG: &str = "<< /Type /Catalog /Pages 2 0 R >>";
    const PAGES: &str = "<< /Type /Pages /Kids [3 0 R] /Count 1 >>";

    #[test]
    fn a_plain_pdf_passes_and_its_links_are_listed() {
        let page = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Annots [4 0 R] >>";
        let link = "<< /Type /Annot /Subtype /Link /Rect [0 0 10 10] /A << /S /URI /URI (https://contoh.go.id/a) >> >>";
        let found = inspect(&pdf(&[CATALOG, PAGES, page, link])).expect("a plain PDF");
        assert_eq!(found.external_links, vec!["https://contoh.go.id/a".to_string()]);
    }

    #[test]
    fn a_name_kept_in_its_own_object_or_escaped_is_found() {
        let catalog = "<< /Type /Catalog /Pages 2 0 R /OpenAction << /S 4 0 R /JS (app.alert(1)) >> >>";
        let page = "<< /Type /Page /Parent 2 0 R >>";
        assert!(matches!(
            inspect(&pdf(&[catalog, PAGES, page, "/Java#53cript"])),
            Err(PdfRefusal::ActiveContent("JS" | "JavaScript"))
        ));
        let split = "<< /Type /Catalog /Pages 2 0 R /OpenAction << /S 4 0 R >> >>";
        assert_eq!(
            inspect(&pdf(&[split, PAGES, page, "/Java#53cript"])),
            Err(PdfRefusal::ActiveContent("JavaScript")),
            "the action's name sits in an object of its own, written with an escape"
        );
        let escaped = "<< /Type /Catalog /Pages 2 0 R /AA << /O << /S /L#61unch /F (calc.exe) >> >> >>";
        assert_eq!(inspect(&pdf(&[escaped, PAGES, page])), Err(PdfRefusal::ActiveContent("Launch")));
    }

    #[test]
    fn what_cannot_be_parsed_is_refused() {
        assert_eq!(inspect(b"%PDF-1.7\nnot a pdf at all"), Err(PdfRefusal::Unreadable));
        assert_eq!(inspect(b"%PDF-"), Err(PdfRefusal::Unreadable));
    }
}
