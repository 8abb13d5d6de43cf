//! A stand-in for clamd that speaks its `zINSTREAM` protocol over TCP and flags the EICAR test
//! string, as the real daemon's signature database does. (The real daemon needs signature
//! downloads, which the test machines cannot make.)

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

const EICAR: &[u8] = br"EICAR-STANDARD-ANTIVIRUS-TEST-FILE";

pub struct FakeClamd {
    pub addr: String,
    scanned: Arc<AtomicUsize>,
    task: tokio::task::JoinHandle<()>,
}

impl FakeClamd {
    pub async fn start() -> FakeClamd {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap_or_else(|e| panic!("bind: {e}"));
        let addr = listener.local_addr().map(|a| a.to_string()).unwrap_or_default();
        let scanned = Arc::new(AtomicUsize::new(0));
        let counter = scanned.clone();
        let task = tokio::spawn(async move {
            while let Ok((socket, _)) = listener.accept().await {
                let counter = counter.clone();
                tokio::spawn(async move {
                    if serve(socket).await.is_ok() {
                        counter.fetch_add(1, Ordering::SeqCst);
                    }
                });
            }
        });
        FakeClamd { addr, scanned, task }
    }

    /// Streams scanned to the end.
    pub fn scanned(&self) -> usize {
        self.scanned.load(Ordering::SeqCst)
    }

    /// Stops listening: connections are refused from now on.
    pub fn stop(&self) {
        self.task.abort();
    }
}

impl Drop for FakeClamd {
    fn drop(&mut self) {
        self.task.abort();
    }
}

async fn serve(mut socket: TcpStream) -> std::io::Result<()> {
    let mut command = Vec::new();
    loop {
        let b = socket.read_u8().await?;
        if b == 0 {
            break;
        }
        command.push(b);
    }
    if command != b"zINSTREAM" {
        socket.write_all(b"UNKNOWN COMMAND\0").await?;
        return Err(std::io::Error::other("unknown command"));
    }
    let mut data = Vec::new();
    loop {
        let len = socket.read_u32().await? as usize;
        if len == 0 {
            break;
        }
        let start = data.len();
        data.resize(start + len, 0);
        socket.read_exact(&mut data[start..]).await?;
    }
    let infected = data.windows(EICAR.len()).any(|w| w == EICAR);
    let reply: &[u8] = if infected { b"stream: Win.Test.EICAR_HDB-1 FOUND\0" } else { b"stream: OK\0" };
    socket.write_all(reply).await?;
    socket.shutdown().await
}
