//! Small PDFs built by hand from the PDF specification (ISO 32000), for evidence tests: the
//! classic form (a cross-reference table) and the compressed form of PDF 1.5 (object streams and
//! a cross-reference stream), optionally as an incremental update of an earlier file.

use std::io::Write;

fn deflate(data: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    let _ = encoder.write_all(data);
    encoder.finish().unwrap_or_default()
}

/// The offset after the last `startxref` of a file.
fn startxref(pdf: &[u8]) -> usize {
    let text = String::from_utf8_lossy(pdf);
    let at = text.rfind("startxref").unwrap_or(0);
    text.get(at + 9..).and_then(|t| t.split_whitespace().next()).and_then(|n| n.parse().ok()).unwrap_or(0)
}

/// A PDF (or, after `base`, an incremental update of it) in the compressed form of PDF 1.5:
/// `direct` objects written as they are, `packed` objects inside one FlateDecode object stream,
/// and a FlateDecode cross-reference stream (`/Prev` pointing at the base's cross-reference).
/// `base` is the earlier file with its trailer's `/Size`.
pub fn compressed(base: Option<(&[u8], u32)>, direct: &[(u32, &str)], packed: &[(u32, &str)]) -> Vec<u8> {
    let mut out = base.map(|(b, _)| b.to_vec()).unwrap_or_else(|| b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n".to_vec());
    let base_size = base.map_or(0, |(_, size)| size);
    let highest = direct.iter().chain(packed).map(|(n, _)| *n).max().unwrap_or(0).max(base_size.saturating_sub(1));
    let (stm, xref_num) = (highest + 1, highest + 2);
    // Entries as [type, field 2, field 3] with widths /W [1 4 2].
    let mut entries: Vec<(u32, [u64; 3])> = vec![];
    for (n, body) in direct {
        entries.push((*n, [1, out.len() as u64, 0]));
        out.extend_from_slice(format!("{n} 0 obj\n{body}\nendobj\n").as_bytes());
    }
    if !packed.is_empty() {
        let mut header = String::new();
        let mut bodies = String::new();
        for (i, (n, body)) in packed.iter().enumerate() {
            header.push_str(&format!("{n} {} ", bodies.len()));
            bodies.push_str(body);
            bodies.push('\n');
            entries.push((*n, [2, u64::from(stm), i as u64]));
        }
        let data = deflate(format!("{header}\n{bodies}").as_bytes());
        entries.push((stm, [1, out.len() as u64, 0]));
        out.extend_from_slice(
            format!(
                "{stm} 0 obj\n<< /Type /ObjStm /N {} /First {} /Filter /FlateDecode /Length {} >>\nstream\n",
                packed.len(),
                header.len() + 1,
                data.len()
            )
            .as_bytes(),
        );
        out.extend_from_slice(&data);
        out.extend_from_slice(b"\nendstream\nendobj\n");
    }
    let xref_at = out.len();
    entries.push((xref_num, [1, xref_at as u64, 0]));
    entries.sort_by_key(|(n, _)| *n);
    let mut rows = Vec::new();
    let mut index = String::new();
    if base.is_none() {
        index.push_str("0 1 ");
        rows.extend_from_slice(&[0, 0, 0, 0, 0, 0xFF, 0xFF]);
    }
    for (n, [kind, f2, f3]) in &entries {
        index.push_str(&format!("{n} 1 "));
        rows.push(*kind as u8);
        rows.extend_from_slice(&(*f2 as u32).to_be_bytes());
        rows.extend_from_slice(&(*f3 as u16).to_be_bytes());
    }
    let data = deflate(&rows);
    let prev = base.map(|(b, _)| format!(" /Prev {}", startxref(b))).unwrap_or_default();
    out.extend_from_slice(
        format!(
            "{xref_num} 0 obj\n<< /Type /XRef /Size {} /Index [{}] /W [1 4 2] /Root 1 0 R{prev} /Filter /FlateDecode /Length {} >>\nstream\n",
            xref_num + 1,
            index.trim_end(),
            data.len()
        )
        .as_bytes(),
    );
    out.extend_from_slice(&data);
    out.extend_from_slice(format!("\nendstream\nendobj\nstartxref\n{xref_at}\n%%EOF\n").as_bytes());
    out
}

/// A classic PDF: objects `1..` in order, a cross-reference table and a trailer.
pub fn classic(objects: &[&str]) -> Vec<u8> {
    let mut out = b"%PDF-1.4\n".to_vec();
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

/// A one-page PDF with a link annotation to `uri`: what an analyst should see flagged.
pub fn with_link(uri: &str) -> Vec<u8> {
    classic(&[
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Annots [4 0 R] >>",
        &format!("<< /Type /Annot /Subtype /Link /Rect [72 700 300 720] /A << /S /URI /URI ({uri}) >> >>"),
    ])
}
