//! A webhook receiver for the tests: a small HTTP/1.1 server that records each call and answers
//! by path: `/broken` always `500`, `/flaky` `500` twice then `200`, anything else `200`.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

#[derive(Debug, Clone)]
pub struct Call {
    pub path: String,
    /// Header names in lower case.
    pub headers: Vec<(String, String)>,
    pub body: String,
    pub status: u16,
}

impl Call {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }
}

pub struct HookReceiver {
    pub port: u16,
    calls: Arc<Mutex<Vec<Call>>>,
}

impl HookReceiver {
    pub async fn start() -> HookReceiver {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap_or_else(|e| panic!("hook bind: {e}"));
        let port = listener.local_addr().map(|a| a.port()).unwrap_or(0);
        let calls: Arc<Mutex<Vec<Call>>> = Arc::default();
        let shared = calls.clone();
        tokio::spawn(async move {
            while let Ok((mut socket, _)) = listener.accept().await {
                let calls = shared.clone();
                tokio::spawn(async move {
                    let mut buf = Vec::new();
                    let mut chunk = [0u8; 4096];
                    let (head_end, length) = loop {
                        let Ok(n) = socket.read(&mut chunk).await else { return };
                        if n == 0 {
                            return;
                        }
                        buf.extend_from_slice(&chunk[..n]);
                        if let Some(at) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
                            let head = String::from_utf8_lossy(&buf[..at]).to_lowercase();
                            let length = head
                                .lines()
                                .find_map(|l| l.strip_prefix("content-length:"))
                                .and_then(|v| v.trim().parse::<usize>().ok())
                                .unwrap_or(0);
                            break (at + 4, length);
                        }
                    };
                    while buf.len() < head_end + length {
                        let Ok(n) = socket.read(&mut chunk).await else { return };
                        if n == 0 {
                            break;
                        }
                        buf.extend_from_slice(&chunk[..n]);
                    }
                    let head = String::from_utf8_lossy(&buf[..head_end]).to_string();
                    let mut lines = head.lines();
                    let path = lines.next().and_then(|l| l.split_whitespace().nth(1)).unwrap_or("/").to_string();
                    let headers = lines
                        .filter_map(|l| l.split_once(':'))
                        .map(|(k, v)| (k.trim().to_lowercase(), v.trim().to_string()))
                        .collect();
                    let body = String::from_utf8_lossy(&buf[head_end..]).to_string();
                    let status = match calls.lock() {
                        Ok(mut all) => {
                            let before = all.iter().filter(|c| c.path == path).count();
                            let status = match path.as_str() {
                                "/broken" => 500,
                                "/flaky" if before < 2 => 500,
                                _ => 200,
                            };
                            all.push(Call { path, headers, body, status });
                            status
                        }
                        Err(_) => 500,
                    };
                    let reply = format!("HTTP/1.1 {status} X\r\ncontent-length: 0\r\nconnection: close\r\n\r\n");
                    let _ = socket.write_all(reply.as_bytes()).await;
                });
            }
        });
        HookReceiver { port, calls }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    pub fn calls(&self) -> Vec<Call> {
        self.calls.lock().map(|c| c.clone()).unwrap_or_default()
    }

    pub async fn wait_for(&self, timeout: Duration, check: impl Fn(&[Call]) -> bool) -> Vec<Call> {
        let deadline = Instant::now() + timeout;
        loop {
            let calls = self.calls();
            if check(&calls) || Instant::now() > deadline {
                return calls;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
}
