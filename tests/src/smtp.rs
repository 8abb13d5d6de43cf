//! A real SMTP server for the tests (RFC 5321 over TCP, no TLS): the platform's SMTP transport
//! talks to it exactly as to a mail relay. It keeps what it receives, and can refuse the first
//! deliveries with a temporary error (`451`) to exercise retries.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;

/// One accepted message.
#[derive(Debug, Clone)]
pub struct Received {
    pub from: String,
    pub to: Vec<String>,
    /// The message as sent (headers and MIME body), dot-unstuffed.
    pub data: String,
}

impl Received {
    /// The decoded `Subject` header (lettre encodes non-ASCII subjects as RFC 2047 words).
    pub fn subject(&self) -> String {
        header(&self.data, "Subject")
    }

    /// The attachments' file names and decoded contents.
    pub fn attachments(&self) -> Vec<(String, Vec<u8>)> {
        use base64::Engine;
        let mut found = Vec::new();
        for part in self.data.split("\r\n--") {
            let Some(body_at) = part.find("\r\n\r\n") else { continue };
            // `filename="x"`, or RFC 2231 continuations `filename*0="x"; filename*1="y"`.
            let head = &part[..body_at];
            let mut name = String::new();
            for (i, _) in head.match_indices("filename") {
                let rest = &head[i + 8..];
                let Some(eq) = rest.find('=') else { continue };
                let key = &rest[..eq];
                if !(key.is_empty() || key.starts_with('*')) {
                    continue;
                }
                name.extend(
                    rest[eq + 1..]
                        .trim_start_matches('"')
                        .chars()
                        .take_while(|c| !matches!(c, '"' | ';' | '\r' | '\n')),
                );
            }
            if name.is_empty() {
                continue;
            }
            let encoded: String = part[body_at + 4..].chars().filter(|c| !c.is_whitespace()).collect();
            let bytes = base64::engine::general_purpose::STANDARD.decode(encoded).unwrap_or_default();
            found.push((name, bytes));
        }
        found
    }

    /// The plain-text body (the first text part, or the whole body), quoted-printable decoded.
    pub fn text(&self) -> String {
        let raw = self.data.replace("=\r\n", "");
        let mut out = String::new();
        let mut chars = raw.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '=' {
                let hex: String = chars.clone().take(2).collect();
                if hex.len() == 2
                    && let Ok(b) = u8::from_str_radix(&hex, 16)
                {
                    out.push(b as char);
                    chars.next();
                    chars.next();
                    continue;
                }
            }
            out.push(c);
        }
        out
    }
}

fn header(data: &str, name: &str) -> String {
    let head = data.split("\r\n\r\n").next().unwrap_or_default().replace("\r\n ", " ");
    let value = head.lines().find_map(|l| l.strip_prefix(&format!("{name}: ")).map(str::to_string)).unwrap_or_default();
    decode_words(&value)
}

/// Decodes `=?utf-8?b?...?=` and `=?utf-8?q?...?=` words.
fn decode_words(value: &str) -> String {
    use base64::Engine;
    value
        .split(' ')
        .map(|w| {
            let lower = w.to_ascii_lowercase();
            if let Some(inner) = lower.strip_prefix("=?utf-8?b?").and_then(|r| r.strip_suffix("?=")) {
                let original = &w[10..10 + inner.len()];
                let bytes = base64::engine::general_purpose::STANDARD.decode(original).unwrap_or_default();
                String::from_utf8_lossy(&bytes).to_string()
            } else if let Some(inner) = lower.strip_prefix("=?utf-8?q?").and_then(|r| r.strip_suffix("?=")) {
                let original = &w[10..10 + inner.len()];
                original.replace('_', " ")
            } else {
                w.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
        .replace("?= =?", "")
}

pub struct SmtpServer {
    pub port: u16,
    messages: Arc<Mutex<Vec<Received>>>,
    refuse: Arc<AtomicUsize>,
    /// Transactions refused so far.
    pub refused: Arc<AtomicUsize>,
}

impl SmtpServer {
    /// Starts on a free port; the first `refuse_first` transactions get `451` at `MAIL FROM`.
    pub async fn start(refuse_first: usize) -> SmtpServer {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap_or_else(|e| panic!("smtp bind: {e}"));
        let port = listener.local_addr().map(|a| a.port()).unwrap_or(0);
        let server = SmtpServer {
            port,
            messages: Arc::default(),
            refuse: Arc::new(AtomicUsize::new(refuse_first)),
            refused: Arc::default(),
        };
        let (messages, refuse, refused) = (server.messages.clone(), server.refuse.clone(), server.refused.clone());
        tokio::spawn(async move {
            while let Ok((socket, _)) = listener.accept().await {
                let (messages, refuse, refused) = (messages.clone(), refuse.clone(), refused.clone());
                tokio::spawn(async move {
                    let _ = session(socket, messages, refuse, refused).await;
                });
            }
        });
        server
    }

    /// `smtp://` URL for `TTIS_SMTP_URL`.
    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    pub fn messages(&self) -> Vec<Received> {
        self.messages.lock().map(|m| m.clone()).unwrap_or_default()
    }

    /// Waits (up to `timeout`) until `check` holds for the received messages; returns them.
    pub async fn wait_for(&self, timeout: Duration, check: impl Fn(&[Received]) -> bool) -> Vec<Received> {
        let deadline = Instant::now() + timeout;
        loop {
            let messages = self.messages();
            if check(&messages) || Instant::now() > deadline {
                return messages;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
}

async fn session(
    socket: tokio::net::TcpStream,
    messages: Arc<Mutex<Vec<Received>>>,
    refuse: Arc<AtomicUsize>,
    refused: Arc<AtomicUsize>,
) -> std::io::Result<()> {
    let (read, mut write) = socket.into_split();
    let mut lines = BufReader::new(read);
    write.write_all(b"220 ttis-test ESMTP ready\r\n").await?;
    let (mut from, mut to) = (String::new(), Vec::new());
    let mut line = String::new();
    loop {
        line.clear();
        if lines.read_line(&mut line).await? == 0 {
            return Ok(());
        }
        let command = line.trim_end().to_string();
        let upper = command.to_ascii_uppercase();
        if upper.starts_with("EHLO") {
            write.write_all(b"250-ttis-test\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n").await?;
        } else if upper.starts_with("HELO") {
            write.write_all(b"250 ttis-test\r\n").await?;
        } else if upper.starts_with("MAIL FROM:") {
            let refusing = refuse.fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| n.checked_sub(1)).is_ok();
            if refusing {
                refused.fetch_add(1, Ordering::SeqCst);
                write.write_all(b"451 4.3.0 Temporary failure, try again later\r\n").await?;
            } else {
                from = command[10..].trim().trim_matches(['<', '>']).to_string();
                to.clear();
                write.write_all(b"250 2.1.0 OK\r\n").await?;
            }
        } else if upper.starts_with("RCPT TO:") {
            to.push(command[8..].trim().trim_matches(['<', '>']).to_string());
            write.write_all(b"250 2.1.5 OK\r\n").await?;
        } else if upper == "DATA" {
            write.write_all(b"354 End data with <CR><LF>.<CR><LF>\r\n").await?;
            let mut data = String::new();
            loop {
                line.clear();
                if lines.read_line(&mut line).await? == 0 {
                    return Ok(());
                }
                if line == ".\r\n" || line == ".\n" {
                    break;
                }
                let unstuffed = line.strip_prefix('.').unwrap_or(&line);
                data.push_str(unstuffed);
            }
            if let Ok(mut m) = messages.lock() {
                m.push(Received { from: from.clone(), to: to.clone(), data });
            }
            write.write_all(b"250 2.0.0 Queued\r\n").await?;
        } else if upper == "RSET" || upper == "NOOP" {
            write.write_all(b"250 2.0.0 OK\r\n").await?;
        } else if upper == "QUIT" {
            write.write_all(b"221 2.0.0 Bye\r\n").await?;
            return Ok(());
        } else {
            write.write_all(b"502 5.5.2 Command not recognized\r\n").await?;
        }
    }
}
