//! Deciding an evidence file's type from its content (never from its name or the client's MIME
//! type), and removing image metadata (EXIF with its GPS position, XMP, text chunks).

/// The types accepted as evidence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EvidenceType {
    Png,
    Jpeg,
    Gif,
    Webp,
    Pdf,
    Mp4,
    Webm,
    Text,
}

impl EvidenceType {
    pub const ALL: [EvidenceType; 8] = [
        EvidenceType::Png,
        EvidenceType::Jpeg,
        EvidenceType::Gif,
        EvidenceType::Webp,
        EvidenceType::Pdf,
        EvidenceType::Mp4,
        EvidenceType::Webm,
        EvidenceType::Text,
    ];

    /// The extensions a file of this type may carry (the first is the one given when none fits).
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            EvidenceType::Png => &["png"],
            EvidenceType::Jpeg => &["jpg", "jpeg"],
            EvidenceType::Gif => &["gif"],
            EvidenceType::Webp => &["webp"],
            EvidenceType::Pdf => &["pdf"],
            EvidenceType::Mp4 => &["mp4", "m4v"],
            EvidenceType::Webm => &["webm"],
            EvidenceType::Text => &["txt", "log", "csv", "md"],
        }
    }

    pub fn mime(self) -> &'static str {
        match self {
            EvidenceType::Png => "image/png",
            EvidenceType::Jpeg => "image/jpeg",
            EvidenceType::Gif => "image/gif",
            EvidenceType::Webp => "image/webp",
            EvidenceType::Pdf => "application/pdf",
            EvidenceType::Mp4 => "video/mp4",
            EvidenceType::Webm => "video/webm",
            EvidenceType::Text => "text/plain",
        }
    }
}

/// How many leading bytes [`detect`] needs.
pub const SNIFF_LEN: usize = 512;

/// The type of a file from its first bytes (up to [`SNIFF_LEN`]). Text is recognised as UTF-8
/// without NUL bytes; the caller must check the rest of the file with [`TextCheck`].
pub fn detect(head: &[u8]) -> Option<EvidenceType> {
    if head.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Some(EvidenceType::Png);
    }
    if head.starts_with(&[0xFF, 0xD8, 0xFF]) {
        return Some(EvidenceType::Jpeg);
    }
    if head.starts_with(b"GIF87a") || head.starts_with(b"GIF89a") {
        return Some(EvidenceType::Gif);
    }
    if head.len() >= 12 && &head[0..4] == b"RIFF" && &head[8..12] == b"WEBP" {
        return Some(EvidenceType::Webp);
    }
    if head.starts_with(b"%PDF-") {
        return Some(EvidenceType::Pdf);
    }
    if head.len() >= 12 && &head[4..8] == b"ftyp" {
        return Some(EvidenceType::Mp4);
    }
    if head.starts_with(&[0x1A, 0x45, 0xDF, 0xA3]) {
        return Some(EvidenceType::Webm);
    }
    if !head.is_empty() && !head.contains(&0) && utf8_prefix_ok(head) {
        return Some(EvidenceType::Text);
    }
    None
}

/// Valid UTF-8, allowing an incomplete character cut at the end.
fn utf8_prefix_ok(bytes: &[u8]) -> bool {
    match std::str::from_utf8(bytes) {
        Ok(_) => true,
        Err(e) => e.error_len().is_none() && bytes.len() - e.valid_up_to() < 4,
    }
}

/// Checks, chunk by chunk, that a whole file is UTF-8 text without NUL bytes.
#[derive(Default)]
pub struct TextCheck {
    carry: Vec<u8>,
    bad: bool,
}

impl TextCheck {
    pub fn feed(&mut self, chunk: &[u8]) {
        if self.bad {
            return;
        }
        let mut buf = std::mem::take(&mut self.carry);
        buf.extend_from_slice(chunk);
        if buf.contains(&0) {
            self.bad = true;
            return;
        }
        match std::str::from_utf8(&buf) {
            Ok(_) => {}
            Err(e) if e.error_len().is_none() => self.carry = buf[e.valid_up_to()..].to_vec(),
            Err(_) => self.bad = true,
        }
    }

    pub fn is_text(&self) -> bool {
        !self.bad && self.carry.is_empty()
    }
}

/// Removes metadata from JPEG (APP1-APP15 and COM segments), PNG (eXIf, tEXt, iTXt, zTXt, tIME)
/// and WebP (EXIF, XMP chunks). `None` when the file needs no change or is not one of these;
/// malformed files are left alone (they are stored as they came).
pub fn strip_metadata(kind: EvidenceType, data: &[u8]) -> Option<Vec<u8>> {
    match kind {
        EvidenceType::Jpeg => strip_jpeg(data),
        EvidenceType::Png => strip_png(data),
        EvidenceType::Webp => strip_webp(data),
        _ => None,
    }
}

/// Whether this type can carry metadata we remove.
pub fn strips(kind: EvidenceType) -> bool {
    matches!(kind, EvidenceType::Jpeg | EvidenceType::Png | EvidenceType::Webp)
}

fn strip_jpeg(data: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(data.len());
    out.extend_from_slice(data.get(0..2)?);
    let mut i = 2;
    let mut changed = false;
    loop {
        let marker = *data.get(i + 1)?;
        if *data.get(i)? != 0xFF {
            return None;
        }
        // Start of scan: the entropy-coded image follows; copy the rest as it is.
        if marker == 0xDA || marker == 0xD9 {
            out.extend_from_slice(&data[i..]);
            break;
        }
        if (0xD0..=0xD7).contains(&marker) || marker == 0x01 {
            out.extend_from_slice(&data[i..i + 2]);
            i += 2;
            continue;
        }
        let len = usize::from(u16::from_be_bytes([*data.get(i + 2)?, *data.get(i + 3)?]));
        let end = i + 2 + len;
        let segment = data.get(i..end)?;
        let is_metadata = (0xE1..=0xEF).contains(&marker) || marker == 0xFE;
        if is_metadata {
            changed = true;
        } else {
            out.extend_from_slice(segment);
        }
        i = end;
    }
    changed.then_some(out)
}

fn strip_png(data: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(data.len());
    out.extend_from_slice(data.get(0..8)?);
    let mut i = 8;
    let mut changed = false;
    while i < data.len() {
        let len = u32::from_be_bytes(data.get(i..i + 4)?.try_into().ok()?) as usize;
        let kind = data.get(i + 4..i + 8)?;
        let end = i.checked_add(12)?.checked_add(len)?;
        let chunk = data.get(i..end)?;
        if matches!(kind, b"eXIf" | b"tEXt" | b"iTXt" | b"zTXt" | b"tIME") {
            changed = true;
        } else {
            out.extend_from_slice(chunk);
        }
        i = end;
        if kind == b"IEND" {
            break;
        }
    }
    // Bytes after the image end (a ZIP appended to make a polyglot) are dropped too.
    if i < data.len() {
        changed = true;
    }
    changed.then_some(out)
}

fn strip_webp(data: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(data.len());
    out.extend_from_slice(data.get(0..12)?);
    let mut i = 12;
    let mut changed = false;
    while i + 8 <= data.len() {
        let kind = data.get(i..i + 4)?;
        let len = u32::from_le_bytes(data.get(i + 4..i + 8)?.try_into().ok()?) as usize;
        let padded = len + (len & 1);
        let end = i.checked_add(8)?.checked_add(padded)?.min(data.len());
        let chunk = data.get(i..end)?;
        if kind == b"EXIF" || kind == b"XMP " {
            changed = true;
        } else if kind == b"VP8X" && chunk.len() > 8 {
            // Clear the "has EXIF" and "has XMP" flags.
            let mut c = chunk.to_vec();
            c[8] &= !(0x08 | 0x04);
            out.extend_from_slice(&c);
        } else {
            out.extend_from_slice(chunk);
        }
        i = end;
    }
    if !changed {
        return None;
    }
    let riff_size = u32::try_from(out.len() - 8).ok()?;
    out[4..8].copy_from_slice(&riff_size.to_le_bytes());
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_by_content() {
        assert_eq!(detect(b"\x89PNG\r\n\x1a\n...."), Some(EvidenceType::Png));
        assert_eq!(detect(&[0xFF, 0xD8, 0xFF, 0xE0]), Some(EvidenceType::Jpeg));
        assert_eq!(detect(b"GIF89a..."), Some(EvidenceType::Gif));
        assert_eq!(detect(b"RIFF\x10\0\0\0WEBPVP8 "), Some(EvidenceType::Webp));
        assert_eq!(detect(b"%PDF-1.7\n"), Some(EvidenceType::Pdf));
        assert_eq!(detect(b"\0\0\0\x18ftypmp42\0\0\0\0"), Some(EvidenceType::Mp4));
        assert_eq!(detect(&[0x1A, 0x45, 0xDF, 0xA3, 1]), Some(EvidenceType::Webm));
        assert_eq!(detect("log 2026-11-29 akses ditolak ✓\n".as_bytes()), Some(EvidenceType::Text));
        assert_eq!(detect(b"MZ\x90\0\x03\0\0\0"), None, "a Windows executable");
        assert_eq!(detect(b"\x7fELF\x02\x01\x01\0"), None, "an ELF executable");
        assert_eq!(detect(b"PK\x03\x04\x14\0"), None, "a zip archive");
        assert_eq!(detect(b""), None);
    }

    #[test]
    fn a_zip_after_the_png_is_dropped() {
        let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
        png.extend_from_slice(&[0, 0, 0, 0]);
        png.extend_from_slice(b"IEND");
        png.extend_from_slice(&[0xAE, 0x42, 0x60, 0x82]);
        let mut polyglot = png.clone();
        polyglot.extend_from_slice(b"PK\x03\x04 a zip archive");
        assert_eq!(strip_metadata(EvidenceType::Png, &polyglot), Some(png));
    }

    #[test]
    fn text_check_sees_the_whole_file() {
        let mut t = TextCheck::default();
        let snowman = "☃".as_bytes();
        t.feed(&snowman[..1]);
        t.feed(&snowman[1..]);
        t.feed(b" ok\n");
        assert!(t.is_text());
        let mut t = TextCheck::default();
        t.feed(b"plain text then ");
        t.feed(b"\0binary");
        assert!(!t.is_text());
        let mut t = TextCheck::default();
        t.feed(&[b'a', 0xC3]);
        assert!(!t.is_text(), "cut in the middle of a character at the end");
    }

    #[test]
    fn strips_jpeg_exif_and_keeps_the_image() {
        let exif = [0xFF, 0xE1, 0x00, 0x08, b'E', b'x', b'i', b'f', 0x00, 0x00];
        let app0 = [0xFF, 0xE0, 0x00, 0x04, 0x4A, 0x46];
        let mut jpeg = vec![0xFF, 0xD8];
        jpeg.extend_from_slice(&app0);
        jpeg.extend_from_slice(&exif);
        jpeg.extend_from_slice(&[0xFF, 0xDA, 0x00, 0x02, 0x11, 0x22, 0xFF, 0xD9]);
        let stripped = strip_metadata(EvidenceType::Jpeg, &jpeg).unwrap_or_default();
        assert!(!stripped.windows(4).any(|w| w == b"Exif"));
        assert!(stripped.starts_with(&[0xFF, 0xD8, 0xFF, 0xE0]));
        assert!(stripped.ends_with(&[0xFF, 0xDA, 0x00, 0x02, 0x11, 0x22, 0xFF, 0xD9]));
        assert_eq!(strip_metadata(EvidenceType::Jpeg, &stripped), None, "nothing left to strip");
    }

    #[test]
    fn strips_png_text_chunks() {
        fn chunk(kind: &[u8], body: &[u8]) -> Vec<u8> {
            let mut c = (body.len() as u32).to_be_bytes().to_vec();
            c.extend_from_slice(kind);
            c.extend_from_slice(body);
            c.extend_from_slice(&[0, 0, 0, 0]);
            c
        }
        let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
        png.extend(chunk(b"IHDR", &[0; 13]));
        png.extend(chunk(b"tEXt", b"GPS\0-0.5,117.0"));
        png.extend(chunk(b"IDAT", &[1, 2, 3]));
        png.extend(chunk(b"IEND", &[]));
        let stripped = strip_metadata(EvidenceType::Png, &png).unwrap_or_default();
        assert!(!stripped.windows(4).any(|w| w == b"tEXt"));
        assert!(stripped.windows(4).any(|w| w == b"IDAT"));
        assert_eq!(stripped.len(), png.len() - 12 - 14);
    }
}
