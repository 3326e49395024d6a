//! Malformed HTTP over raw TCP: garbage request lines, huge headers, invalid percent-encoding
//! and UTF-8 in parameters, garbage Accept headers, truncated bodies and clients that send
//! their headers byte by byte. Each gets a 4xx or a closed connection — never a 5xx, a panic
//! or a hang — and the server answers normally afterwards. (What the real binary logs of such
//! requests: tests/process/robust_http.rs.)

use std::io::Write;
use std::net::TcpStream;
use std::time::{Duration, Instant};

use crate::support::raw::*;
use crate::support::*;

#[test]
fn garbage_request_lines_are_refused() {
    let server = start(config());
    let garbage: Vec<Vec<u8>> = vec![
        b"GARBAGE\r\n\r\n".to_vec(),
        b"GET\r\n\r\n".to_vec(),
        b"GET /\r\n\r\n".to_vec(),
        b"GET / HTTP/9.9\r\nHost: x\r\n\r\n".to_vec(),
        b"GET / HTTP/1.1 extra\r\nHost: x\r\n\r\n".to_vec(),
        b"G\x00T / HTTP/1.1\r\nHost: x\r\n\r\n".to_vec(),
        b"\x00\x01\x02\x03\xff\xfe\r\n\r\n".to_vec(),
        b"GET /sparql HTTP/1.1\r\nHost: x\r\nno colon here\r\n\r\n".to_vec(),
        b"GET /sparql HTTP/1.1\r\nHost: x\r\n: no name\r\n\r\n".to_vec(),
        b"GET /sparql HTTP/1.1\r\nHost: x\r\nX-Bad\x01: y\r\n\r\n".to_vec(),
        b"GET /sparql HTTP/1.1\r\nHost: x\r\nX: a\x00b\r\n\r\n".to_vec(),
        b"GET /sp arql HTTP/1.1\r\nHost: x\r\n\r\n".to_vec(),
        b"GET /page/\xff\xfe HTTP/1.1\r\nHost: x\r\n\r\n".to_vec(),
        b"GET http://[::1 HTTP/1.1\r\nHost: x\r\n\r\n".to_vec(),
        b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".to_vec(),
        b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n".to_vec(),
        b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n".to_vec(),
        b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n"
            .to_vec(),
        b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n\
          Transfer-Encoding: chunked\r\n\r\nZZZ\r\nASK {}\r\n0\r\n\r\n"
            .to_vec(),
        // Binary noise, long enough to fill a read buffer.
        (0..20_000u32)
            .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
            .collect(),
    ];
    for request in &garbage {
        let reply = exchange(server.local_addr(), request);
        assert!(
            reply.is_refusal(),
            "{:?} got {:?}",
            String::from_utf8_lossy(&request[..request.len().min(60)]),
            reply.text
        );
    }
    // The well-formed neighbours of two of them are answered: the refusals were for the
    // garbage, not for the route.
    assert_eq!(get_raw(server.local_addr(), b"/", &[]).status, Some(200));
    assert_eq!(
        get_raw(server.local_addr(), b"/sparql?query=ASK%7B%7D", &[]).status,
        Some(200)
    );
    assert_alive(&server.url());
}

#[test]
fn huge_headers_get_431_or_a_closed_connection() {
    let server = start(config());
    let addr = server.local_addr();
    // One header of 1 MiB; 1000 small headers; a 1 MiB request target.
    let big_value = format!("X-Big: {}", "a".repeat(1 << 20));
    let reply = get_raw(addr, b"/", &[big_value.as_bytes()]);
    assert!(
        matches!(reply.status, None | Some(431) | Some(400)),
        "{:.200}",
        reply.text
    );
    let many: Vec<String> = (0..1000).map(|i| format!("X-H{i}: v")).collect();
    let many: Vec<&[u8]> = many.iter().map(|h| h.as_bytes()).collect();
    let reply = get_raw(addr, b"/", &many);
    assert!(
        matches!(reply.status, None | Some(431) | Some(400)),
        "{:.200}",
        reply.text
    );
    let long_target = format!("/sparql?query={}", "a".repeat(1 << 20));
    let reply = get_raw(addr, long_target.as_bytes(), &[]);
    assert!(
        matches!(reply.status, None | Some(414) | Some(431) | Some(400)),
        "{:.200}",
        reply.text
    );
    // A target just beyond what the http crate parses (65534 bytes): 414, from hyper.
    let long_target = format!("/sparql?query={}", "a".repeat(70_000));
    let reply = get_raw(addr, long_target.as_bytes(), &[]);
    assert_eq!(reply.status, Some(414), "{:.200}", reply.text);
    assert_alive(&server.url());
}

/// Invalid percent-encoding and invalid UTF-8 (after decoding) in the parameters of every
/// route that reads parameters: a 4xx with a message where the parameter matters, a normal
/// answer where it is passed over — never a 5xx.
#[test]
fn bad_percent_encoding_and_utf8_in_parameters() {
    let server = start(config());
    let addr = server.local_addr();
    // (target, expected status)
    let cases: &[(&str, u16)] = &[
        // A query that decodes to U+FFFD or keeps a stray '%' is not SPARQL.
        ("/sparql?query=%FF%FE", 400),
        ("/sparql?query=%", 400),
        ("/sparql?query=%zz", 400),
        ("/sparql?query=%C0%AF", 400),
        ("/sparql?query=ASK%7B%7D%ED%A0%80", 400),
        ("/sparql?query=%00", 400),
        ("/sparql?query=ASK%7B%7D&format=%FF", 400),
        ("/sparql?query=ASK%7B%7D&default-graph-uri=%FF", 400),
        ("/sparql?query=ASK%7B%7D&named-graph-uri=%", 400),
        // Unknown parameters are passed over, whatever their bytes.
        ("/sparql?query=ASK%7B%7D&%FF=%FE", 200),
        ("/sparql?query=ASK%7B%7D&x=%", 200),
        // Lookup: a bad language is refused; a bad q is looked up (and found nowhere).
        ("/api/lookup?q=%FF%FE&lang=en", 200),
        ("/api/lookup?q=%&lang=en", 200),
        ("/api/lookup?q=rats&lang=%FF", 400),
        ("/api/lookup?q=rats&lang=%", 400),
        ("/api/lookup?q=rats&limit=%FF", 400),
        ("/api/lookup?q=rats&type=%FF", 400),
        ("/api/lookup?q=%20%20", 400),
        ("/api/entity/body/rats?lang=%FF", 400),
        // Pages: an unknown language is passed over (the next source decides).
        ("/?lang=%FF%FE", 200),
        ("/?lang=%", 200),
        ("/page/plan/2021-2025?lang=%C0%AF", 200),
        // Paths that decode to invalid UTF-8 or to nothing known.
        ("/page/%FF%FE", 400),
        ("/id/%FF%FE", 400),
        ("/api/entity/%FF", 400),
        ("/page/%", 404),
        ("/id/plan/%zz", 404),
        ("/id/plan/2021-2025?x=%FF", 200),
    ];
    for (target, expected) in cases {
        let reply = get_raw(addr, target.as_bytes(), &[]);
        assert_eq!(
            reply.status,
            Some(*expected),
            "{target}: {:.300}",
            reply.text
        );
        if *expected >= 400 {
            assert!(
                !reply.body().trim().is_empty(),
                "{target}: a refusal without a message"
            );
        }
    }
    assert_alive(&server.url());
}

/// Unknown, malformed and binary Accept and Accept-Language values are negotiated like a
/// missing header (or refused with 406 and the list of what is available), never a 5xx.
#[test]
fn garbage_accept_headers_are_negotiated() {
    let server = start(config());
    let addr = server.local_addr();
    // 500 ranges of an unknown type, then one that takes anything.
    let long = format!("{}*/*;q=0.1", "x-unknown/y;q=0.5,".repeat(500));
    let accepts: Vec<&[u8]> = vec![
        b"",
        b"garbage",
        b";;;,,,",
        b"*/*;q=abc",
        b"text/turtle;q=2",
        b"a/b/c",
        b"*/turtle",
        b"text/*;q=",
        b"\xff\xfe/\x80",
        b"application/json;charset=\xff",
        long.as_bytes(),
    ];
    let targets = [
        "/sparql?query=ASK%7B%7D",
        "/sparql",
        "/id/plan/2021-2025",
        "/dump/sco-kg",
        "/ontology",
        "/.well-known/void",
    ];
    for target in targets {
        for accept in &accepts {
            let mut header = b"Accept: ".to_vec();
            header.extend_from_slice(accept);
            let reply = get_raw(addr, target.as_bytes(), &[&header]);
            // /id/ may send a browser-like Accept (the long one prefers HTML) to its page.
            assert!(
                matches!(reply.status, Some(200) | Some(303)),
                "{target} with Accept {:?}: {:.300}",
                String::from_utf8_lossy(accept),
                reply.text
            );
        }
        // Nothing acceptable: 406 with what is available.
        let reply = get_raw(addr, target.as_bytes(), &[b"Accept: image/png, */*;q=0"]);
        assert_eq!(reply.status, Some(406), "{target}: {:.300}", reply.text);
        assert!(reply.body().contains("available"), "{}", reply.body());
    }
    let languages: Vec<&[u8]> = vec![
        b"",
        b"*;q=0",
        b"zh-;q=x",
        b"\xff\xfe",
        b"-,-,;;",
        b"en;q=0, ru;q=0, zh;q=0, *;q=0",
        long.as_bytes(),
    ];
    for language in &languages {
        let mut header = b"Accept-Language: ".to_vec();
        header.extend_from_slice(language);
        for target in ["/", "/page/plan/2021-2025"] {
            let reply = get_raw(
                addr,
                target.as_bytes(),
                &[&header, b"Cookie: lang=\xff; lang=; =;;"],
            );
            assert_eq!(
                reply.status,
                Some(200),
                "{target} with Accept-Language {:?}: {:.300}",
                String::from_utf8_lossy(language),
                reply.text
            );
            assert!(reply
                .text
                .to_ascii_lowercase()
                .contains("content-language:"));
        }
    }
    assert_alive(&server.url());
}

/// A body shorter than its Content-Length: if the client closes, the request is refused
/// (400 with a message) or the connection closed; if it waits, the server stops waiting at the
/// timeout (408). Broken chunked encoding is refused too.
#[test]
fn truncated_bodies_are_refused_not_waited_for_forever() {
    let timeout = Duration::from_secs(1);
    let server = start(Config {
        timeout,
        ..config()
    });
    let addr = server.local_addr();
    let head = |length: usize, content_type: &str| {
        format!(
            "POST /sparql HTTP/1.1\r\nHost: localhost\r\nContent-Type: {content_type}\r\n\
             Content-Length: {length}\r\nConnection: close\r\n\r\n"
        )
    };
    for content_type in [
        "application/sparql-query",
        "application/x-www-form-urlencoded",
    ] {
        // Then close (the write side): the body ends early.
        let mut stream = TcpStream::connect(addr).unwrap();
        write!(stream, "{}query=ASK", head(100, content_type)).unwrap();
        stream.shutdown(std::net::Shutdown::Write).unwrap();
        let reply = read_reply(&mut stream);
        assert!(reply.is_refusal(), "{content_type}: {}", reply.text);
        if reply.status.is_some() {
            assert!(!reply.body().trim().is_empty(), "{}", reply.text);
        }
        // Then wait: 408 once the timeout has passed (a bound, with a wide margin).
        let mut stream = TcpStream::connect(addr).unwrap();
        write!(stream, "{}query=ASK", head(100, content_type)).unwrap();
        stream.flush().unwrap();
        let started = Instant::now();
        let reply = read_reply(&mut stream);
        assert!(
            started.elapsed() < timeout + Duration::from_secs(20),
            "the server waited {:?} for the body",
            started.elapsed()
        );
        assert_eq!(reply.status, Some(408), "{content_type}: {}", reply.text);
        assert!(reply.body().contains("did not arrive"), "{}", reply.text);
        drop(stream);
    }
    // Chunked: a chunk size that is not hex, and a body that ends inside a chunk.
    for body in ["ZZ\r\nASK {}\r\n0\r\n\r\n", "40\r\nASK {}"] {
        let mut stream = TcpStream::connect(addr).unwrap();
        write!(
            stream,
            "POST /sparql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/sparql-query\r\n\
             Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n{body}"
        )
        .unwrap();
        stream.shutdown(std::net::Shutdown::Write).unwrap();
        let reply = read_reply(&mut stream);
        assert!(reply.is_refusal(), "{body:?}: {}", reply.text);
    }
    assert_alive(&server.url());
}

/// Clients that trickle their headers a byte at a time, or connect and say nothing, are cut
/// off at the header-read timeout (the query timeout), and meanwhile everyone else is answered.
#[test]
fn slowloris_clients_do_not_hold_the_server() {
    let timeout = Duration::from_secs(1);
    let server = start(Config {
        timeout,
        ..config()
    });
    let addr = server.local_addr();
    let started = Instant::now();
    let mut slow: Vec<TcpStream> = (0..20)
        .map(|i| {
            let mut stream = TcpStream::connect(addr).unwrap();
            if i % 4 != 0 {
                stream
                    .write_all(b"GET / HTTP/1.1\r\nHost: localhost\r\n")
                    .unwrap();
            }
            stream
        })
        .collect();
    // Keep trickling for three times the timeout, one header byte per stream every 100 ms,
    // while normal requests are answered.
    let mut cut_off = vec![false; slow.len()];
    let mut answered = 0;
    while started.elapsed() < timeout * 3 {
        for (i, (stream, cut)) in slow.iter_mut().zip(cut_off.iter_mut()).enumerate() {
            // Every fourth says nothing at all.
            if !*cut && i % 4 != 0 && stream.write_all(b"X").is_err() {
                *cut = true;
            }
        }
        assert_eq!(
            get_raw(addr, b"/sparql?query=ASK%7B%7D", &[]).status,
            Some(200)
        );
        answered += 1;
        std::thread::sleep(Duration::from_millis(100));
    }
    assert!(answered > 0);
    // Every slow connection is closed by the server: it reads end-of-stream (or a reset),
    // without a request having been answered, within the timeout plus a wide margin.
    for (i, mut stream) in slow.into_iter().enumerate() {
        let reply = read_reply(&mut stream);
        assert_eq!(reply.status, None, "connection {i}: {}", reply.text);
    }
    assert!(
        started.elapsed() < timeout + NO_HANG / 2,
        "the slow connections were held {:?}",
        started.elapsed()
    );
    assert_alive(&server.url());
}

/// A connection still sending its head when the server shuts down is closed without an answer,
/// and the shutdown completes.
#[test]
fn a_slow_client_is_closed_at_shutdown() {
    let timeout = Duration::from_secs(1);
    let server = start(Config {
        timeout,
        ..config()
    });
    let mut stream = TcpStream::connect(server.local_addr()).unwrap();
    stream.write_all(b"GET / HTTP/1.1\r\nHost: local").unwrap();
    let started = Instant::now();
    server.shutdown().expect("a clean stop");
    assert!(
        started.elapsed() < NO_HANG,
        "shutdown waited {:?}",
        started.elapsed()
    );
    let reply = read_reply(&mut stream);
    assert_eq!(reply.status, None, "{}", reply.text);
}

/// A client that asks for large answers and never reads them is cut off once no byte has been
/// accepted for the write stall timeout: the answers are not kept, nor the connection held,
/// forever. The requests are pipelined on one connection, so that what is asked for (64 MB)
/// is far more than the kernel's buffers on both sides could take without reading.
#[test]
fn a_client_that_never_reads_is_cut_off_at_the_write_stall_timeout() {
    let stall = Duration::from_secs(2);
    let server = start(Config {
        write_stall_timeout: stall,
        ..config()
    });
    let dump = client()
        .get(format!("{}/dump/sco-kg.nt", server.url()))
        .send()
        .unwrap()
        .bytes()
        .unwrap()
        .len();
    assert!(dump > 100_000, "the dump is {dump} bytes");
    let requests = (64 << 20) / dump + 1;
    let mut stream = TcpStream::connect(server.local_addr()).unwrap();
    let started = Instant::now();
    stream
        .write_all(
            "GET /dump/sco-kg.nt HTTP/1.1\r\nHost: localhost\r\n\r\n"
                .repeat(requests)
                .as_bytes(),
        )
        .unwrap();
    // Nothing read for three times the stall timeout: the server gives up meanwhile. Had it
    // not, it would go on writing as soon as the reading below starts, and all would arrive.
    std::thread::sleep(stall * 3);
    let reply = read_reply(&mut stream);
    let expected = requests * dump;
    assert!(
        reply.text.len() < expected / 4,
        "read {} of the {expected} bytes asked for: the stalled connection was kept",
        reply.text.len()
    );
    assert!(
        started.elapsed() < stall * 3 + NO_HANG / 2,
        "the connection ended after {:?}",
        started.elapsed()
    );
    assert_alive(&server.url());
}

/// Without a public URL, the service description names the endpoint by the request's Host (or
/// an absolute-form target's authority). Requests sent twice with another host — so that the
/// response cache keeps their answer — do not change what a later client with the real host
/// gets, and the answer says `Vary: Host` for the caches downstream.
#[test]
fn a_foreign_host_does_not_poison_the_service_description() {
    let server = start(config());
    let addr = server.local_addr();
    let real = format!("127.0.0.1:{}", addr.port());
    let describe = |target: &str, host: &str| {
        exchange(
            addr,
            format!(
                "GET {target} HTTP/1.1\r\nHost: {host}\r\nAccept: application/n-triples\r\n\
                 Connection: close\r\n\r\n"
            )
            .as_bytes(),
        )
    };
    let endpoint = |host: &str| {
        format!("<http://www.w3.org/ns/sparql-service-description#endpoint> <http://{host}/sparql>")
    };
    for _ in 0..3 {
        let poisoned = describe("/sparql", "evil.example");
        assert_eq!(poisoned.status, Some(200), "{}", poisoned.text);
        assert!(
            poisoned.body().contains(&endpoint("evil.example")),
            "{}",
            poisoned.text
        );
        let absolute = describe("http://evil2.example/sparql", &real);
        assert_eq!(absolute.status, Some(200), "{}", absolute.text);
        assert!(
            absolute.body().contains(&endpoint("evil2.example")),
            "{}",
            absolute.text
        );
    }
    for _ in 0..3 {
        let clean = describe("/sparql", &real);
        assert_eq!(clean.status, Some(200), "{}", clean.text);
        assert!(clean.body().contains(&endpoint(&real)), "{}", clean.text);
        assert!(!clean.body().contains("evil"), "{}", clean.text);
        let vary = clean
            .text
            .lines()
            .filter(|l| l.to_ascii_lowercase().starts_with("vary:"))
            .flat_map(|l| l[5..].split(','))
            .map(|v| v.trim().to_ascii_lowercase())
            .collect::<Vec<_>>();
        assert!(vary.iter().any(|v| v == "host"), "{}", clean.text);
    }
    // Through a well-behaved client too.
    let response = client()
        .get(format!("{}/sparql", server.url()))
        .header("Accept", "application/n-triples")
        .send()
        .unwrap();
    assert_eq!(response.status(), 200);
    let body = response.text().unwrap();
    assert!(
        body.contains(&endpoint(&real)) && !body.contains("evil"),
        "{body}"
    );
}

/// With a public URL, answers do not depend on the Host: they name the public URL whatever the
/// request says, and do not vary on Host.
#[test]
fn with_a_public_url_the_host_is_not_used() {
    let server = start(Config {
        public_url: Some("https://kg.example".into()),
        ..config()
    });
    for _ in 0..3 {
        let reply = exchange(
            server.local_addr(),
            b"GET /sparql HTTP/1.1\r\nHost: evil.example\r\nAccept: application/n-triples\r\n\
              Connection: close\r\n\r\n",
        );
        assert_eq!(reply.status, Some(200), "{}", reply.text);
        assert!(
            reply.body().contains("<https://kg.example/sparql>"),
            "{}",
            reply.text
        );
        assert!(
            !reply.text.to_ascii_lowercase().contains("host"),
            "{}",
            reply.text
        );
    }
}

/// RFC 9112 §3.2: an HTTP/1.1 request without Host, or any request with two, gets 400 with a
/// message in the reader's language; an HTTP/1.0 request may omit it.
#[test]
fn a_missing_or_repeated_host_is_refused() {
    let server = start(config());
    let addr = server.local_addr();
    let cases: &[(&str, &str)] = &[
        ("GET /sparql?query=ASK%7B%7D HTTP/1.1\r\n", "missing"),
        (
            "GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: a\r\nHost: b\r\n",
            "two",
        ),
        (
            "GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: a\r\nHost: a\r\n",
            "twice the same",
        ),
        ("GET / HTTP/1.0\r\nHost: a\r\nHost: b\r\n", "two, HTTP/1.0"),
        ("GET http://a/sparql HTTP/1.1\r\n", "absolute-form, missing"),
        ("GET /sparql HTTP/1.1\r\nHost: user@a\r\n", "userinfo"),
        ("GET /sparql HTTP/1.1\r\nHost: a b\r\n", "not an authority"),
    ];
    for (head, what) in cases {
        let reply = exchange(
            addr,
            format!("{head}Accept-Language: ru\r\nConnection: close\r\n\r\n").as_bytes(),
        );
        assert_eq!(reply.status, Some(400), "{what}: {}", reply.text);
        assert!(reply.body().contains("Host"), "{what}: {}", reply.text);
        assert!(
            reply
                .text
                .to_ascii_lowercase()
                .contains("content-language: ru"),
            "{what}: {}",
            reply.text
        );
        assert!(reply.body().contains("заголовок"), "{what}: {}", reply.text);
    }
    let reply = exchange(addr, b"GET /sparql?query=ASK%7B%7D HTTP/1.0\r\n\r\n");
    assert_eq!(reply.status, Some(200), "{}", reply.text);
    assert_alive(&server.url());
}

/// Unique Accept headers, each request sent twice (a response is kept the second time it is
/// asked for): 20 KB ones are not kept at all, and short ones are weighed with their key, so
/// that the response cache stays within its bytes. In-process, through the router, so that what
/// is kept can be weighed.
#[test]
fn unique_long_headers_do_not_grow_the_response_cache() {
    use tower::ServiceExt;
    let state = crate::support::state()
        .with_config(
            Config {
                cache_bytes: 1 << 20,
                ..config()
            },
            "127.0.0.1:8080".parse().unwrap(),
        )
        .unwrap();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let send = |accept: &str| {
        let request = axum::http::Request::builder()
            .uri("/sparql?query=ASK%7B%7D")
            .header("Host", "127.0.0.1:8080")
            .header("Accept", accept)
            .body(axum::body::Body::empty())
            .unwrap();
        runtime.block_on(async {
            let response = server::router(state.clone())
                .oneshot(request)
                .await
                .unwrap();
            let status = response.status();
            axum::body::to_bytes(response.into_body(), usize::MAX)
                .await
                .unwrap();
            status
        })
    };
    for i in 0..200 {
        let accept = format!(
            "application/sparql-results+json, x-{i}/{}",
            "y".repeat(20_000)
        );
        for _ in 0..2 {
            assert_eq!(send(&accept), 200);
        }
    }
    assert_eq!(state.responses.len(), 0, "responses kept under 20 KB keys");
    let capacity = state.responses.capacity();
    assert_eq!(capacity, (1 << 20) / 4);
    for i in 0..400 {
        let accept = format!("application/sparql-results+json, x-{i}/{}", "y".repeat(900));
        for _ in 0..2 {
            assert_eq!(send(&accept), 200);
        }
    }
    let (kept, weight) = (state.responses.len() as u64, state.responses.weight());
    assert!(kept > 0, "no response kept");
    assert!(
        weight <= capacity,
        "{weight} bytes kept, more than {capacity}"
    );
    // The keys' headers count: 400 entries of more than 900 bytes each would not fit.
    assert!(kept < 400, "{kept} entries kept in {weight} bytes");
    assert!(
        weight >= kept * 900,
        "{kept} entries weighed {weight} bytes"
    );
}

/// A dump asked for compressed is compressed once per coding and the bytes kept: requests give
/// the same bytes, which decompress to the dump, with the coding's Content-Encoding, Vary and
/// ETag; concurrent first requests get the same bytes too; identity still works.
#[test]
fn compressed_dumps_are_the_same_bytes_every_time() {
    use std::io::Read;
    let server = start(config());
    let url = format!("{}/dump/sco-kg.nt", server.url());
    // The client sends no Accept-Encoding of its own (reqwest without its compression features).
    let identity = client().get(&url).send().unwrap();
    assert_eq!(identity.status(), 200);
    assert_eq!(header(&identity, "content-encoding"), None);
    assert!(header_values(&identity, "vary").contains(&"accept-encoding".to_string()));
    let plain_etag = header(&identity, "etag").unwrap();
    let dump = identity.bytes().unwrap();
    assert!(dump.len() > 100_000);

    let decode = |coding: &str, bytes: &[u8]| -> Vec<u8> {
        let mut out = Vec::new();
        match coding {
            "br" => brotli::BrotliDecompress(&mut &bytes[..], &mut out).unwrap(),
            _ => {
                flate2::read::GzDecoder::new(bytes)
                    .read_to_end(&mut out)
                    .unwrap();
            }
        }
        out
    };
    for coding in ["br", "gzip"] {
        let fetch = || {
            let response = client()
                .get(&url)
                .header("Accept-Encoding", coding)
                .send()
                .unwrap();
            assert_eq!(response.status(), 200);
            assert_eq!(
                header(&response, "content-encoding").as_deref(),
                Some(coding)
            );
            assert!(header_values(&response, "vary").contains(&"accept-encoding".to_string()));
            let etag = header(&response, "etag").unwrap();
            // Whole before it is sent (kept), not compressed on the way (chunked, no length).
            let length = header(&response, "content-length");
            let body = response.bytes().unwrap();
            assert_eq!(length, Some(body.len().to_string()), "{coding}");
            (etag, body)
        };
        let (etag, first) = fetch();
        let (etag_again, second) = fetch();
        assert_eq!(
            first, second,
            "{coding}: two requests, two different bodies"
        );
        assert_eq!(etag, etag_again);
        assert_ne!(etag, plain_etag);
        assert!(etag.ends_with(&format!("-{coding}\"")), "{etag}");
        assert!(
            first.len() < dump.len() / 4,
            "{coding}: {} bytes",
            first.len()
        );
        assert_eq!(decode(coding, &first), dump.to_vec(), "{coding}");
        // Revalidation with the compressed form's tag: 304.
        let revalidated = client()
            .get(&url)
            .header("Accept-Encoding", coding)
            .header("If-None-Match", &etag)
            .send()
            .unwrap();
        assert_eq!(revalidated.status(), 304);
    }

    // Concurrent first requests for a dump not yet compressed: the same bytes for all.
    let turtle = format!("{}/dump/sco-kg", server.url());
    let bodies: Vec<Vec<u8>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..6)
            .map(|_| {
                scope.spawn(|| {
                    let response = client()
                        .get(&turtle)
                        .header("Accept", "text/turtle")
                        .header("Accept-Encoding", "gzip, br;q=0.5")
                        .send()
                        .unwrap();
                    assert_eq!(response.status(), 200);
                    assert_eq!(
                        header(&response, "content-encoding").as_deref(),
                        Some("gzip")
                    );
                    assert_eq!(
                        header(&response, "content-location").as_deref(),
                        Some("/dump/sco-kg.ttl")
                    );
                    let vary = header_values(&response, "vary");
                    assert!(vary.contains(&"accept".to_string()), "{vary:?}");
                    assert!(vary.contains(&"accept-encoding".to_string()), "{vary:?}");
                    response.bytes().unwrap().to_vec()
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    assert!(bodies.windows(2).all(|w| w[0] == w[1]));
    let ttl = client()
        .get(format!("{}/dump/sco-kg.ttl", server.url()))
        .send()
        .unwrap()
        .bytes()
        .unwrap();
    assert_eq!(decode("gzip", &bodies[0]), ttl.to_vec());
}
