//! Optional virus scanning of evidence through a clamd daemon (`TTIS_CLAMD_ADDR`), with clamd's
//! `INSTREAM` command: the file goes over TCP in length-prefixed chunks, clamd answers
//! `stream: OK` or `stream: <signature> FOUND`.

use std::path::Path;
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// clamd's default `StreamMaxLength` is 25 MiB; chunks stay well under its buffer.
const CHUNK: usize = 64 * 1024;
const TIMEOUT: Duration = Duration::from_secs(60);

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    Clean,
    Infected(String),
}

/// Scans one file. An error means the scanner could not give a verdict (unreachable, timed out,
/// or it answered with an error): callers refuse the upload rather than keep an unscanned file.
pub async fn scan_file(addr: &str, path: &Path) -> anyhow::Result<Verdict> {
    tokio::time::timeout(TIMEOUT, scan(addr, path))
        .await
        .map_err(|_| anyhow::anyhow!("clamd at {addr} did not answer within {}s", TIMEOUT.as_secs()))?
}

async fn scan(addr: &str, path: &Path) -> anyhow::Result<Verdict> {
    let mut stream = tokio::net::TcpStream::connect(addr).await?;
    let mut file = tokio::fs::File::open(path).await?;
    stream.write_all(b"zINSTREAM\0").await?;
    let mut buf = vec![0u8; CHUNK];
    loop {
        let n = file.read(&mut buf).await?;
        if n == 0 {
            break;
        }
        stream.write_all(&(n as u32).to_be_bytes()).await?;
        stream.write_all(&buf[..n]).await?;
    }
    stream.write_all(&0u32.to_be_bytes()).await?;
    stream.flush().await?;
    let mut reply = Vec::new();
    stream.take(4096).read_to_end(&mut reply).await?;
    parse_reply(&reply)
}

fn parse_reply(reply: &[u8]) -> anyhow::Result<Verdict> {
    let text = String::from_utf8_lossy(reply);
    let text = text.trim_end_matches(['\0', '\n', '\r']).trim();
    let body = text.strip_prefix("stream:").map(str::trim).unwrap_or(text);
    if body == "OK" {
        Ok(Verdict::Clean)
    } else if let Some(signature) = body.strip_suffix("FOUND") {
        Ok(Verdict::Infected(signature.trim().to_string()))
    } else {
        anyhow::bail!("clamd answered {text:?}")
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn replies_are_read() {
        assert_eq!(parse_reply(b"stream: OK\0").unwrap(), Verdict::Clean);
        assert_eq!(
            parse_reply(b"stream: Win.Test.EICAR_HDB-1 FOUND\0").unwrap(),
            Verdict::Infected("Win.Test.EICAR_HDB-1".into())
        );
        assert!(parse_reply(b"INSTREAM size limit exceeded. ERROR\0").is_err());
        assert!(parse_reply(b"").is_err());
    }
}
