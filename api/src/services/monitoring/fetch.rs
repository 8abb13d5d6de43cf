//! One check's fetch: the address guard first (a literal address in the URL never reaches the
//! resolver), the page read up to the size cap, and the TLS certificate's expiry read from the
//! certificate the connection presented.

use chrono::{DateTime, NaiveDate, Utc};

use crate::services::egress::AddressGuard;

/// What a fetch brought.
#[derive(Debug)]
pub struct Fetched {
    pub final_url: url::Url,
    pub status: u16,
    pub html: String,
    /// The page was longer than the cap and was judged on its beginning.
    pub truncated: bool,
    pub tls_not_after: Option<DateTime<Utc>>,
    /// The certificate's whole validity, to judge "soon" against (a 6-day certificate is always
    /// within 14 days of its end).
    pub tls_lifetime: Option<chrono::Duration>,
}

/// Reads a page. The error is a category for staff (`timeout`, `HTTP 503` …), never the inside
/// of the network.
pub async fn fetch(
    client: &reqwest::Client,
    guard: &AddressGuard,
    url: &str,
    max_bytes: usize,
) -> Result<Fetched, String> {
    guard.check_url(url).await.map_err(|e| format!("refused: {e}"))?;
    let mut response = client.get(url).send().await.map_err(|e| crate::services::egress::failure_category(&e))?;
    let status = response.status().as_u16();
    let final_url = response.url().clone();
    let tls = response
        .extensions()
        .get::<reqwest::tls::TlsInfo>()
        .and_then(|info| info.peer_certificate())
        .and_then(validity);
    let tls_not_after = tls.map(|(_, after)| after);
    let tls_lifetime = tls.map(|(before, after)| after - before);
    if !response.status().is_success() {
        return Err(format!("HTTP {status}"));
    }
    let mut body: Vec<u8> = Vec::new();
    let mut truncated = false;
    while let Some(chunk) = response.chunk().await.map_err(|e| crate::services::egress::failure_category(&e))? {
        let room = max_bytes.saturating_sub(body.len());
        if chunk.len() > room {
            body.extend_from_slice(&chunk[..room]);
            truncated = true;
            break;
        }
        body.extend_from_slice(&chunk);
    }
    Ok(Fetched {
        final_url,
        status,
        html: String::from_utf8_lossy(&body).into_owned(),
        truncated,
        tls_not_after,
        tls_lifetime,
    })
}

/// One DER element: (tag, content, the rest after it).
fn element(der: &[u8]) -> Option<(u8, &[u8], &[u8])> {
    let (&tag, rest) = der.split_first()?;
    let (&first, rest) = rest.split_first()?;
    let (len, rest) = if first < 0x80 {
        (usize::from(first), rest)
    } else {
        let n = usize::from(first & 0x7f);
        if n == 0 || n > 4 || rest.len() < n {
            return None;
        }
        (rest[..n].iter().fold(0usize, |acc, b| (acc << 8) | usize::from(*b)), &rest[n..])
    };
    (rest.len() >= len).then(|| (tag, &rest[..len], &rest[len..]))
}

/// A certificate's `notAfter` (X.509: Certificate → TBSCertificate → Validity), read from its DER.
pub fn not_after(der: &[u8]) -> Option<DateTime<Utc>> {
    validity(der).map(|(_, after)| after)
}

/// A certificate's `notBefore` and `notAfter`.
pub fn validity(der: &[u8]) -> Option<(DateTime<Utc>, DateTime<Utc>)> {
    let (_, cert, _) = element(der)?;
    let (_, tbs, _) = element(cert)?;
    let mut rest = tbs;
    // An explicit version ([0]) comes first when present.
    if rest.first() == Some(&0xa0) {
        rest = element(rest)?.2;
    }
    // serialNumber, signature, issuer, then validity.
    for _ in 0..3 {
        rest = element(rest)?.2;
    }
    let (_, validity, _) = element(rest)?;
    let (before_tag, before, rest) = element(validity)?;
    let (after_tag, after, _) = element(rest)?;
    Some((time(before_tag, before)?, time(after_tag, after)?))
}

/// An X.509 time: UTCTime or GeneralizedTime.
fn time(tag: u8, bytes: &[u8]) -> Option<DateTime<Utc>> {
    let text = std::str::from_utf8(bytes).ok()?;
    let (year, rest) = match tag {
        // UTCTime: YYMMDDHHMMSSZ, years 1950-2049.
        0x17 => {
            let yy: i32 = text.get(..2)?.parse().ok()?;
            (if yy >= 50 { 1900 + yy } else { 2000 + yy }, text.get(2..)?)
        }
        // GeneralizedTime: YYYYMMDDHHMMSSZ.
        0x18 => (text.get(..4)?.parse().ok()?, text.get(4..)?),
        _ => return None,
    };
    let num = |r: std::ops::Range<usize>| -> Option<u32> { rest.get(r)?.parse().ok() };
    let date = NaiveDate::from_ymd_opt(year, num(0..2)?, num(2..4)?)?;
    Some(date.and_hms_opt(num(4..6)?, num(6..8)?, num(8..10)?)?.and_utc())
}
