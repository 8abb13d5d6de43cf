//! The optional screenshot of a finding (`TTIS_MONITOR_CHROMIUM`): the fetched HTML, the same
//! bytes attached and hashed as evidence, rendered by a headless Chromium with nothing else.
//!
//! The page is hostile by assumption (a defacer wrote it), so the render may not reach anything:
//! - Chromium's only proxy is a one-off server of this process on loopback (`<-loopback>` takes
//!   away the implicit bypass for loopback addresses). It answers the page at one random URL and
//!   `403` to every other request, so no request leaves the machine, nor reaches its own
//!   services, whatever the page names (a link, an image, a refresh, an address).
//! - The page is served with `Content-Security-Policy: default-src 'none'; style-src
//!   'unsafe-inline'; img-src data:; font-src data:; sandbox`: no script runs, no frame or
//!   subresource loads, no refresh navigates, and an `http:` origin cannot read `file:` URLs.
//!
//! The picture is therefore the page as fetched, with its inline styles and without its external
//! stylesheets and images: what the hashed HTML holds, not a live visit.

use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{Context, bail};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

/// The viewport: a common office screen.
pub const WIDTH: u32 = 1366;
pub const HEIGHT: u32 = 900;
/// The most a screenshot may weigh.
const MAX_PNG: u64 = 16 * 1024 * 1024;
/// The name the page is served under; never resolved (`.invalid` is reserved, and the proxy
/// answers it).
const HOST: &str = "bukti.ttis.invalid";
const POLICY: &str = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; sandbox";

/// Renders `html` and returns the PNG.
pub async fn capture(chromium: &Path, html: &str, timeout: Duration) -> anyhow::Result<Vec<u8>> {
    let work = std::env::temp_dir().join(format!("ttis-screenshot-{}", uuid::Uuid::new_v4()));
    tokio::fs::create_dir_all(&work).await.with_context(|| format!("{}", work.display()))?;
    let result = render(chromium, html, timeout, &work).await;
    let _ = tokio::fs::remove_dir_all(&work).await;
    result
}

async fn render(chromium: &Path, html: &str, timeout: Duration, work: &Path) -> anyhow::Result<Vec<u8>> {
    let listener = TcpListener::bind("127.0.0.1:0").await.context("the screenshot's proxy")?;
    let port = listener.local_addr()?.port();
    let page_url = format!("http://{HOST}/{}", uuid::Uuid::new_v4().simple());
    let proxy = tokio::spawn(serve(listener, page_url.clone(), html.as_bytes().to_vec()));
    let out: PathBuf = work.join("halaman.png");
    let mut cmd = tokio::process::Command::new(chromium);
    cmd.args([
        "--headless",
        // Scripts never run (the policy above); the process sandbox needs user namespaces that
        // containers rarely give.
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        "--hide-scrollbars",
        "--mute-audio",
    ])
    .arg(format!("--proxy-server=http://127.0.0.1:{port}"))
    .arg("--proxy-bypass-list=<-loopback>")
    .arg(format!("--window-size={WIDTH},{HEIGHT}"))
    .arg(format!("--user-data-dir={}", work.join("profile").display()))
    .arg(format!("--screenshot={}", out.display()))
    .arg(&page_url)
    .stdin(std::process::Stdio::null())
    .stdout(std::process::Stdio::null())
    .stderr(std::process::Stdio::piped())
    .kill_on_drop(true);
    let run = async {
        let child = cmd.spawn().with_context(|| format!("cannot start {}", chromium.display()))?;
        child.wait_with_output().await.context("chromium")
    };
    let output = tokio::time::timeout(timeout, run).await;
    proxy.abort();
    let output = output.map_err(|_| anyhow::anyhow!("chromium took longer than {} s", timeout.as_secs()))??;
    let size = tokio::fs::metadata(&out).await.map(|m| m.len()).unwrap_or(0);
    if size == 0 {
        let said = String::from_utf8_lossy(&output.stderr);
        let last = said.lines().rfind(|l| !l.contains("dbus")).unwrap_or_default();
        bail!("chromium wrote no screenshot ({}): {last}", output.status);
    }
    if size > MAX_PNG {
        bail!("the screenshot is {size} bytes, more than {MAX_PNG}");
    }
    let png = tokio::fs::read(&out).await?;
    if !png.starts_with(b"\x89PNG\r\n\x1a\n") {
        bail!("chromium wrote something other than a PNG");
    }
    Ok(png)
}

/// The proxy: the page at `page_url`, `403` for everything else, one request per connection.
async fn serve(listener: TcpListener, page_url: String, page: Vec<u8>) {
    while let Ok((mut socket, _)) = listener.accept().await {
        let (page_url, page) = (page_url.clone(), page.clone());
        tokio::spawn(async move {
            let mut head = Vec::new();
            let mut buf = [0u8; 4096];
            // The request line and headers only; a body is never wanted.
            while head.len() < 16 * 1024 && !head.windows(4).any(|w| w == b"\r\n\r\n") {
                match socket.read(&mut buf).await {
                    Ok(0) | Err(_) => return,
                    Ok(n) => head.extend_from_slice(&buf[..n]),
                }
            }
            let line = String::from_utf8_lossy(&head);
            let mut parts = line.split_whitespace();
            let wanted = parts.next() == Some("GET") && parts.next() == Some(page_url.as_str());
            let answer = if wanted {
                let mut a = format!(
                    "HTTP/1.1 200 OK\r\ncontent-type: text/html; charset=utf-8\r\ncontent-security-policy: {POLICY}\r\n\
                     x-content-type-options: nosniff\r\ncontent-length: {}\r\nconnection: close\r\n\r\n",
                    page.len()
                )
                .into_bytes();
                a.extend_from_slice(&page);
                a
            } else {
                b"HTTP/1.1 403 Forbidden\r\ncontent-length: 0\r\nconnection: close\r\n\r\n".to_vec()
            };
            let _ = socket.write_all(&answer).await;
            let _ = socket.shutdown().await;
        });
    }
}
