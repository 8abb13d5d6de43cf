//! The optional screenshot of a finding (`TTIS_MONITOR_CHROMIUM`): the fetched page, as attached
//! and hashed as evidence, rendered by a headless Chromium with nothing else.
//!
//! The page is hostile by assumption (a defacer wrote it), so the render may not reach anything:
//! - Chromium's only proxy is a one-off server of this process on loopback (`<-loopback>` takes
//!   away the implicit bypass for loopback addresses). It answers the page at one random URL and
//!   `403` to every other request, so no request leaves the machine, nor reaches its own
//!   services, whatever the page names (a link, an image, a refresh, an address); no name is
//!   resolved either (`--host-resolver-rules`).
//! - The page is served with `Content-Security-Policy: default-src 'none'; style-src
//!   'unsafe-inline'; img-src data:; sandbox`: no script runs, no frame or subresource loads, no
//!   refresh navigates, and an `http:` origin cannot read `file:` URLs.
//! - Chromium gets none of this process's environment (no database URL, no secrets), a profile
//!   of its own that is removed afterwards, and is killed with all its processes when it is done
//!   or out of time.
//!
//! Chromium's own process sandbox is off (`--no-sandbox`: it needs user namespaces that
//! containers rarely give), so its image decoders run as the API's user: the setting is off by
//! default, and the README says so.
//!
//! The picture is the page as fetched, with its inline styles and without its external
//! stylesheets and images: what the hashed HTML holds, not a live visit.

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context, bail};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;
use tokio::task::JoinSet;

/// The viewport: a common office screen.
pub const WIDTH: u32 = 1366;
pub const HEIGHT: u32 = 900;
/// The most a screenshot may weigh.
const MAX_PNG: u64 = 16 * 1024 * 1024;
/// The name the page is served under; never resolved (`.invalid` is reserved, and the proxy
/// answers it).
const HOST: &str = "bukti.ttis.invalid";
const POLICY: &str = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox";
/// How long the proxy waits for a request or for its answer to be taken.
const IO_TIMEOUT: Duration = Duration::from_secs(5);

/// Renders `html` and returns the PNG.
pub async fn capture(chromium: &Path, html: &str, timeout: Duration) -> anyhow::Result<Vec<u8>> {
    // Removed when dropped, also when this future is.
    let work = tempfile::Builder::new().prefix("ttis-screenshot-").tempdir().context("a folder for the render")?;
    let listener = TcpListener::bind("127.0.0.1:0").await.context("the screenshot's proxy")?;
    let port = listener.local_addr()?.port();
    let page_url = format!("http://{HOST}/{}", uuid::Uuid::new_v4().simple());
    let page: Arc<[u8]> = Arc::from(html.as_bytes());
    let proxy = tokio::spawn(serve(listener, page_url.clone(), page));
    let result = render(chromium, &page_url, port, work.path(), timeout).await;
    // Dropping the task drops its connections' `JoinSet`, which aborts them.
    proxy.abort();
    let _ = proxy.await;
    result
}

async fn render(chromium: &Path, page_url: &str, port: u16, work: &Path, timeout: Duration) -> anyhow::Result<Vec<u8>> {
    let out = work.join("halaman.png");
    let log = std::fs::File::create(work.join("chromium.log"))?;
    let mut cmd = tokio::process::Command::new(chromium);
    cmd.env_clear()
        .env("PATH", "/usr/local/bin:/usr/bin:/bin")
        .env("HOME", work)
        .env("TMPDIR", work)
        .env("LANG", "C.UTF-8")
        .args([
            "--headless",
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
            // No name resolves; the proxy itself is an address.
            "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
            "--proxy-bypass-list=<-loopback>",
        ])
        .arg(format!("--proxy-server=http://127.0.0.1:{port}"))
        .arg(format!("--window-size={WIDTH},{HEIGHT}"))
        .arg(format!("--user-data-dir={}", work.join("profile").display()))
        .arg(format!("--screenshot={}", out.display()))
        .arg(page_url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(log)
        // Its own process group, so that its helpers (zygote, renderers) end with it.
        .process_group(0)
        .kill_on_drop(true);
    let mut child = cmd.spawn().with_context(|| format!("cannot start {}", chromium.display()))?;
    let group = Group(child.id().and_then(|id| i32::try_from(id).ok()));
    let waited = tokio::time::timeout(timeout, child.wait()).await;
    drop(group);
    let status = match waited {
        Ok(status) => status.context("chromium")?,
        Err(_) => {
            let _ = child.kill().await;
            bail!("chromium took longer than {} s", timeout.as_secs());
        }
    };
    let size = tokio::fs::metadata(&out).await.map(|m| m.len()).unwrap_or(0);
    if size == 0 {
        let said = tokio::fs::read(work.join("chromium.log")).await.unwrap_or_default();
        let said = String::from_utf8_lossy(&said[said.len().saturating_sub(4096)..]).to_string();
        let last = said.lines().rfind(|l| !l.contains("dbus")).unwrap_or_default().to_string();
        bail!("chromium wrote no screenshot ({status}): {last}");
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

/// Chromium's process group, killed whole when dropped: when the render is done, out of time,
/// or cancelled (its crash handler leaves the group, and ends with the browser).
struct Group(Option<i32>);

impl Drop for Group {
    fn drop(&mut self) {
        if let Some(group) = self.0 {
            let _ = nix::sys::signal::killpg(nix::unistd::Pid::from_raw(group), nix::sys::signal::Signal::SIGKILL);
        }
    }
}

/// The proxy: the page at `page_url`, `403` for everything else, one request per connection.
async fn serve(listener: TcpListener, page_url: String, page: Arc<[u8]>) {
    let mut connections = JoinSet::new();
    while let Ok((socket, _)) = listener.accept().await {
        // Finished connections leave the set as new ones come.
        while connections.try_join_next().is_some() {}
        connections.spawn(answer(socket, page_url.clone(), page.clone()));
    }
}

/// What the proxy answers one request for: the page, or nothing.
fn wanted(head: &[u8], page_url: &str) -> bool {
    let line = String::from_utf8_lossy(head);
    let mut parts = line.split_whitespace();
    parts.next() == Some("GET") && parts.next() == Some(page_url)
}

async fn answer(mut socket: tokio::net::TcpStream, page_url: String, page: Arc<[u8]>) {
    let mut head = Vec::new();
    let mut buf = [0u8; 4096];
    // The request line and headers only; a body is never wanted.
    while head.len() < 16 * 1024 && !head.windows(4).any(|w| w == b"\r\n\r\n") {
        match tokio::time::timeout(IO_TIMEOUT, socket.read(&mut buf)).await {
            Ok(Ok(n)) if n > 0 => head.extend_from_slice(&buf[..n]),
            _ => return,
        }
    }
    let reply = async {
        if wanted(&head, &page_url) {
            let headers = format!(
                "HTTP/1.1 200 OK\r\ncontent-type: text/html; charset=utf-8\r\ncontent-security-policy: {POLICY}\r\n\
                 x-content-type-options: nosniff\r\ncontent-length: {}\r\nconnection: close\r\n\r\n",
                page.len()
            );
            socket.write_all(headers.as_bytes()).await?;
            socket.write_all(&page).await?;
        } else {
            socket.write_all(b"HTTP/1.1 403 Forbidden\r\ncontent-length: 0\r\nconnection: close\r\n\r\n").await?;
        }
        socket.shutdown().await
    };
    let _ = tokio::time::timeout(IO_TIMEOUT, reply).await;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_proxy_answers_the_page_and_nothing_else() {
        let page = "http://bukti.ttis.invalid/0123abcd";
        assert!(wanted(b"GET http://bukti.ttis.invalid/0123abcd HTTP/1.1\r\nHost: x\r\n\r\n", page));
        for refused in [
            "GET http://bukti.ttis.invalid/0123abcd/x HTTP/1.1\r\n\r\n",
            "GET http://127.0.0.1:5432/ HTTP/1.1\r\n\r\n",
            "CONNECT bukti.ttis.invalid:443 HTTP/1.1\r\n\r\n",
            "POST http://bukti.ttis.invalid/0123abcd HTTP/1.1\r\n\r\n",
            "GET /0123abcd HTTP/1.1\r\n\r\n",
            "",
        ] {
            assert!(!wanted(refused.as_bytes(), page), "{refused:?}");
        }
    }
}
