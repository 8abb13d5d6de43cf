//! Browser tests' harness: a chromedriver on a free port driving headless Chromium through
//! WebDriver (fantoccini), with the flags this offline machine needs.

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::wd::WebDriverCompatibleCommand;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{Value, json};

/// Fails the test early, with what to run, when the SPA (both builds) is not in `web/dist`.
pub fn spa_built() {
    for page in ["index.html", "staff.html"] {
        let path = crate::workspace_root().join("web/dist").join(page);
        assert!(
            path.exists(),
            "the SPA is not built ({}); run `cargo xtask build-web` or `cargo xtask test`",
            path.display()
        );
    }
}

pub struct Browser {
    pub client: Client,
    driver: Child,
    _profile: tempfile::TempDir,
}

fn free_port() -> anyhow::Result<u16> {
    Ok(std::net::TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}

/// The Chromium the browser tests drive (`TTIS_CHROMIUM`, `/usr/bin/chromium` by default).
pub fn chromium_binary() -> String {
    std::env::var("TTIS_CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into())
}

/// A Chrome DevTools Protocol command through chromedriver's `goog/cdp/execute`.
#[derive(Debug)]
struct Cdp {
    cmd: String,
    params: Value,
}

impl WebDriverCompatibleCommand for Cdp {
    fn endpoint(&self, base_url: &url::Url, session_id: Option<&str>) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!("session/{}/goog/cdp/execute", session_id.unwrap_or_default()))
    }

    fn method_and_body(&self, _request_url: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(json!({"cmd": self.cmd, "params": self.params}).to_string()))
    }
}

impl Browser {
    /// Sends a DevTools command (e.g. `Network.emulateNetworkConditions`) to the current page.
    pub async fn cdp(&self, cmd: &str, params: Value) -> anyhow::Result<Value> {
        let cdp = Cdp { cmd: cmd.to_string(), params };
        self.client.issue_cmd(cdp).await.map_err(|e| anyhow::anyhow!("CDP {cmd}: {e}"))
    }

    pub async fn start() -> anyhow::Result<Browser> {
        let port = free_port()?;
        let driver_bin = std::env::var("TTIS_CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".into());
        let driver = Command::new(&driver_bin)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| {
                anyhow::anyhow!("cannot start {driver_bin} ({e}); `cargo xtask test` installs chromium-driver")
            })?;
        let profile = tempfile::tempdir()?;
        let mut caps = serde_json::Map::new();
        caps.insert(
            "goog:chromeOptions".into(),
            json!({
                "binary": chromium_binary(),
                "args": [
                    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--window-size=1280,900",
                    format!("--user-data-dir={}", profile.path().display()),
                ],
                "prefs": {
                    "download.default_directory": profile.path().join("downloads").display().to_string(),
                    "download.prompt_for_download": false,
                    "download.directory_upgrade": true
                }
            }),
        );
        let url = format!("http://127.0.0.1:{port}");
        let deadline = Instant::now() + Duration::from_secs(20);
        let client = loop {
            let connector = hyper_util::client::legacy::connect::HttpConnector::new();
            match ClientBuilder::new(connector).capabilities(caps.clone()).connect(&url).await {
                Ok(c) => break c,
                Err(e) if Instant::now() < deadline => {
                    let _ = e;
                    tokio::time::sleep(Duration::from_millis(200)).await;
                }
                Err(e) => anyhow::bail!("cannot open a WebDriver session: {e}"),
            }
        };
        Ok(Browser { client, driver, _profile: profile })
    }

    /// Waits (up to 15 s) for a finished download whose name contains `needle`; returns its bytes.
    pub async fn downloaded(&self, needle: &str) -> anyhow::Result<(String, Vec<u8>)> {
        let dir = self._profile.path().join("downloads");
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            if let Ok(entries) = std::fs::read_dir(&dir) {
                for e in entries.flatten() {
                    let name = e.file_name().to_string_lossy().to_string();
                    if name.contains(needle) && !name.ends_with(".crdownload") {
                        return Ok((name, std::fs::read(e.path())?));
                    }
                }
            }
            if Instant::now() > deadline {
                anyhow::bail!("no download named like {needle:?} in {}", dir.display());
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Waits for an element (the SPA renders asynchronously).
    pub async fn find(&self, css: &str) -> anyhow::Result<fantoccini::elements::Element> {
        Ok(self.client.wait().at_most(Duration::from_secs(15)).for_element(Locator::Css(css)).await?)
    }

    /// Waits until the element's text contains `needle`; returns the text.
    pub async fn wait_for_text(&self, css: &str, needle: &str) -> anyhow::Result<String> {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let text = match self.client.find(Locator::Css(css)).await {
                Ok(el) => el.text().await.unwrap_or_default(),
                Err(_) => String::new(),
            };
            if text.contains(needle) {
                return Ok(text);
            }
            if Instant::now() > deadline {
                anyhow::bail!("`{css}` never contained {needle:?}; last text: {text:?}");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Signs in through the SPA's staff sign-in page (no wait for what comes after).
    pub async fn sign_in(&self, base_url: &str, email: &str, password: &str) -> anyhow::Result<()> {
        self.client.goto(&format!("{base_url}/staff/login")).await?;
        self.find("#login-email").await?.send_keys(email).await?;
        self.find("#login-password").await?.send_keys(password).await?;
        self.find("#login-submit").await?.click().await?;
        Ok(())
    }

    /// Ends a browser test: on failure keeps a screenshot and panics naming it; always closes.
    pub async fn finish(self, result: anyhow::Result<()>) {
        let shot = match &result {
            Ok(()) => String::new(),
            Err(_) => self.screenshot().await,
        };
        self.close().await;
        if let Err(e) = result {
            panic!("{e:#}{shot}");
        }
    }

    /// Waits until the element's attribute starts with `prefix` (e.g. an iframe's `blob:` source).
    pub async fn wait_for_attr(&self, css: &str, attr: &str, prefix: &str) -> anyhow::Result<String> {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let value = match self.client.find(Locator::Css(css)).await {
                Ok(el) => el.attr(attr).await.ok().flatten().unwrap_or_default(),
                Err(_) => String::new(),
            };
            if value.starts_with(prefix) {
                return Ok(value);
            }
            if Instant::now() > deadline {
                anyhow::bail!("`{css}`'s {attr} never started with {prefix:?}; last: {value:?}");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// With `TTIS_SCREENSHOT_DIR` set, keeps a screenshot of the page as `<name>.png` (for a look).
    pub async fn keep_screenshot(&self, name: &str) {
        if let (Ok(dir), Ok(png)) = (std::env::var("TTIS_SCREENSHOT_DIR"), self.client.screenshot().await) {
            let _ = std::fs::write(std::path::Path::new(&dir).join(format!("{name}.png")), png);
        }
    }

    /// Saves a screenshot and says where.
    async fn screenshot(&self) -> String {
        let Ok(png) = self.client.screenshot().await else { return String::new() };
        let path = std::env::temp_dir().join(format!("ttis-browser-{}.png", std::process::id()));
        match std::fs::write(&path, png) {
            Ok(()) => format!("\n(screenshot: {})", path.display()),
            Err(_) => String::new(),
        }
    }

    pub async fn close(mut self) {
        let _ = self.client.clone().close().await;
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.driver.kill();
    }
}
