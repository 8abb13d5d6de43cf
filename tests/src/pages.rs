//! A web server for the monitoring tests: serves pages by path, each settable while the test
//! runs, counts the requests per path, and has a few misbehaving paths: `/slow` (answers after
//! 10 s), `/down` (503), `/huge` (a clean page followed by 20 MiB), and `/to-private` (a redirect
//! to a private address).

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

#[derive(Default)]
struct Shared {
    pages: HashMap<String, String>,
    hits: HashMap<String, u32>,
}

pub struct PageServer {
    pub port: u16,
    shared: Arc<Mutex<Shared>>,
}

/// A page of the corpus the detectors' unit tests read (`api/src/services/monitoring/corpus/`).
pub fn corpus(name: &str) -> String {
    let path = crate::workspace_root().join("api/src/services/monitoring/corpus").join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

impl PageServer {
    pub async fn start() -> PageServer {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap_or_else(|e| panic!("page server bind: {e}"));
        let port = listener.local_addr().map(|a| a.port()).unwrap_or(0);
        let shared: Arc<Mutex<Shared>> = Arc::default();
        let state = shared.clone();
        tokio::spawn(async move {
            while let Ok((mut socket, _)) = listener.accept().await {
                let state = state.clone();
                tokio::spawn(async move {
                    let mut buf = vec![0u8; 8192];
                    let n = socket.read(&mut buf).await.unwrap_or(0);
                    let head = String::from_utf8_lossy(&buf[..n]).to_string();
                    let path = head.split_whitespace().nth(1).unwrap_or("/").to_string();
                    let page = {
                        let Ok(mut s) = state.lock() else { return };
                        *s.hits.entry(path.clone()).or_default() += 1;
                        s.pages.get(&path).cloned()
                    };
                    let answer = |status: &str, extra: &str, body: &str| {
                        format!(
                            "HTTP/1.1 {status}\r\ncontent-type: text/html; charset=utf-8\r\ncontent-length: {}\r\n{extra}connection: close\r\n\r\n{body}",
                            body.len()
                        )
                    };
                    match path.as_str() {
                        "/slow" => {
                            tokio::time::sleep(Duration::from_secs(10)).await;
                            let _ = socket.write_all(answer("200 OK", "", "<html>late</html>").as_bytes()).await;
                        }
                        "/down" => {
                            let _ = socket.write_all(answer("503 Service Unavailable", "", "down").as_bytes()).await;
                        }
                        "/to-private" => {
                            let _ = socket
                                .write_all(answer("302 Found", "location: http://10.255.255.1/\r\n", "").as_bytes())
                                .await;
                        }
                        "/huge" => {
                            let page = corpus("clean.html");
                            let filler = 20 * 1024 * 1024;
                            let head = format!(
                                "HTTP/1.1 200 OK\r\ncontent-type: text/html\r\ncontent-length: {}\r\nconnection: close\r\n\r\n",
                                page.len() + filler
                            );
                            if socket.write_all(head.as_bytes()).await.is_err()
                                || socket.write_all(page.as_bytes()).await.is_err()
                            {
                                return;
                            }
                            let block = vec![b' '; 64 * 1024];
                            for _ in 0..(filler / block.len()) {
                                if socket.write_all(&block).await.is_err() {
                                    return; // the reader stopped at its cap
                                }
                            }
                        }
                        _ => {
                            let text = match page {
                                Some(body) => answer("200 OK", "", &body),
                                None => answer("404 Not Found", "", "not here"),
                            };
                            let _ = socket.write_all(text.as_bytes()).await;
                        }
                    }
                    let _ = socket.shutdown().await;
                });
            }
        });
        PageServer { port, shared }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    /// Serves `body` at `path` from now on.
    pub fn set(&self, path: &str, body: &str) {
        if let Ok(mut s) = self.shared.lock() {
            s.pages.insert(path.to_string(), body.to_string());
        }
    }

    /// How many requests reached `path`.
    pub fn hits(&self, path: &str) -> u32 {
        self.shared.lock().map(|s| s.hits.get(path).copied().unwrap_or(0)).unwrap_or(0)
    }
}
