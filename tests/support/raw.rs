//! Raw HTTP/1.1 exchanges over `std::net::TcpStream` (for
//! requests no well-behaved client would send) and the check that a server still answers.

use std::io::{ErrorKind, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::Duration;

use reqwest::StatusCode;

use super::{client, encode};

/// How long anything may take before the test calls it a hang.
pub const NO_HANG: Duration = Duration::from_secs(60);

/// What a server did with one raw request.
#[derive(Debug)]
pub struct Reply {
    /// The status of the first response, `None` when the connection closed without one.
    pub status: Option<u16>,
    /// Everything read, as text (lossy).
    pub text: String,
}

impl Reply {
    /// The response body: what follows the first blank line.
    pub fn body(&self) -> &str {
        self.text
            .split_once("\r\n\r\n")
            .map(|(_, body)| body)
            .unwrap_or_default()
    }

    /// 4xx, or the connection closed with no answer: a refusal.
    pub fn is_refusal(&self) -> bool {
        self.status.is_none_or(|s| (400..500).contains(&s))
    }
}

/// The status of a response's first line ("HTTP/1.1 400 Bad Request" → 400).
pub fn status_of(text: &str) -> Option<u16> {
    let rest = text.strip_prefix("HTTP/1.")?;
    rest.get(2..5)?.parse().ok()
}

/// Reads until the server closes the connection; a reset after (or instead of) an answer is a
/// close. Panics if the server neither answers nor closes within [`NO_HANG`].
pub fn read_reply(stream: &mut TcpStream) -> Reply {
    stream.set_read_timeout(Some(NO_HANG)).unwrap();
    let mut bytes = Vec::new();
    let mut buffer = [0u8; 16 * 1024];
    loop {
        match stream.read(&mut buffer) {
            Ok(0) => break,
            Ok(n) => bytes.extend_from_slice(&buffer[..n]),
            Err(e) if e.kind() == ErrorKind::Interrupted => continue,
            Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {
                panic!(
                    "the server neither answered nor closed within {NO_HANG:?} (read so far: {:?})",
                    String::from_utf8_lossy(&bytes)
                )
            }
            // Reset by the server (it closed with unread input): what was read stands.
            Err(_) => break,
        }
    }
    let text = String::from_utf8_lossy(&bytes).into_owned();
    Reply {
        status: status_of(&text),
        text,
    }
}

/// Sends `request` as is on a new connection, then reads the reply until the server closes.
/// A write the server cut short (it answered and closed before reading everything) is fine.
pub fn exchange(addr: SocketAddr, request: &[u8]) -> Reply {
    let mut stream = TcpStream::connect(addr).expect("connects");
    let _ = stream.write_all(request);
    let _ = stream.flush();
    read_reply(&mut stream)
}

/// A GET of `target` that closes the connection after the answer, with extra header lines.
pub fn get_raw(addr: SocketAddr, target: &[u8], headers: &[&[u8]]) -> Reply {
    let mut request = b"GET ".to_vec();
    request.extend_from_slice(target);
    request.extend_from_slice(b" HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n");
    for header in headers {
        request.extend_from_slice(header);
        request.extend_from_slice(b"\r\n");
    }
    request.extend_from_slice(b"\r\n");
    exchange(addr, &request)
}

/// The server still answers a query correctly.
pub fn assert_alive(url: &str) {
    let response = client()
        .get(format!("{url}/sparql?query={}", encode("ASK { ?s ?p ?o }")))
        .send()
        .expect("the server is still there");
    assert_eq!(response.status(), StatusCode::OK);
    assert!(response.text().unwrap().contains("true"));
}
