//! `learnsite serve`: the example site over HTTP on 127.0.0.1, and nothing outside the output.

use crate::support::*;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

fn get(port: u16, path: &str) -> Option<(u16, String)> {
    raw(
        port,
        format!("GET {path} HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n").as_bytes(),
    )
}

/// Send `request` as it is and read the whole answer: its status and text.
fn raw(port: u16, request: &[u8]) -> Option<(u16, String)> {
    let mut s = TcpStream::connect(("127.0.0.1", port)).ok()?;
    s.set_read_timeout(Some(Duration::from_secs(10))).ok()?;
    s.write_all(request).ok()?;
    let mut buf = Vec::new();
    let _ = s.read_to_end(&mut buf);
    let buf = String::from_utf8_lossy(&buf).into_owned();
    let status = buf.split_whitespace().nth(1)?.parse().ok()?;
    Some((status, buf))
}

/// Start `learnsite serve` on a free port in the fixture's folder; stopped when dropped.
fn serve(f: &Fixture) -> (Kill, u16) {
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let child = std::process::Command::new(env!("CARGO_BIN_EXE_learnsite"))
        .args(["serve", "--port", &port.to_string()])
        .current_dir(f.path())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let guard = Kill(child);
    let deadline = Instant::now() + Duration::from_secs(60);
    while get(port, "/__learnsite/build").is_none_or(|r| r.0 != 200) {
        assert!(Instant::now() < deadline, "server did not start");
        std::thread::sleep(Duration::from_millis(100));
    }
    (guard, port)
}

struct Kill(std::process::Child);
impl Drop for Kill {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn serves_pages_over_http_and_refuses_paths_outside_the_output() {
    let f = Fixture::new();
    f.file(
        "content/reviews/adult-s.md",
        &doc("Review of Adult S", "review_type: sar\n", "Body."),
    );
    let (_guard, port) = serve(&f);
    let page = get(port, "/reviews/adult-s/").unwrap();
    assert_eq!(page.0, 200);
    assert!(page.1.contains("Review of Adult S"));
    assert!(
        page.1.contains("/__learnsite/build"),
        "live reload script is added when serving"
    );
    assert!(
        !f.read_out("reviews/adult-s/index.html")
            .contains("__learnsite"),
        "but never written to the output"
    );
    let css = get(port, "/assets/style.css").unwrap();
    assert!(css.1.contains("text/css"));
    assert_eq!(get(port, "/../learnsite.yaml").unwrap().0, 400);
    assert_eq!(get(port, "/%2e%2e/learnsite.yaml").unwrap().0, 400);
    assert_eq!(get(port, "/no/such/page/").unwrap().0, 404);
}

fn build_number(port: u16) -> Option<u64> {
    let (_, body) = get(port, "/__learnsite/build")?;
    body.rsplit("\r\n\r\n").next()?.trim().parse().ok()
}

#[test]
fn idle_serve_does_not_rebuild_and_a_saved_file_rebuilds_once() {
    let f = Fixture::new();
    f.file(
        "content/reviews/adult-s.md",
        &doc("Review of Adult S", "review_type: sar\n", "Body."),
    );
    f.file("content/about.md", &doc("About", "", "About us."));
    let (_guard, port) = serve(&f);
    // Left alone, and with pages being read (which reads nothing under content/ but the
    // build's own reads did cause events before), the build number stays where it is, so
    // open pages are not reloaded.
    for _ in 0..20 {
        let _ = get(port, "/reviews/adult-s/");
        std::thread::sleep(Duration::from_millis(100));
    }
    // Reading a source (as an editor or a backup tool does) is not a change either.
    let _ = std::fs::read(f.path().join("content/reviews/adult-s.md"));
    std::thread::sleep(Duration::from_millis(1000));
    assert_eq!(
        build_number(port),
        Some(1),
        "serve rebuilt with nothing changed"
    );

    // A saved change rebuilds, once, and the page shows it.
    f.file(
        "content/reviews/adult-s.md",
        &doc("Review of Adult S, revised", "review_type: sar\n", "Body."),
    );
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        if let Some((200, page)) = get(port, "/reviews/adult-s/") {
            if page.contains("Review of Adult S, revised") {
                break;
            }
        }
        assert!(Instant::now() < deadline, "the saved change never appeared");
        std::thread::sleep(Duration::from_millis(50));
    }
    std::thread::sleep(Duration::from_millis(1500));
    assert_eq!(
        build_number(port),
        Some(2),
        "one save should rebuild once, and then serve settles"
    );
}

/// A site with things that must never be served: settings with a secret in a comment, a
/// known-names file beside them, sources under content/, and links planted in the output.
fn site_with_secrets() -> Fixture {
    let f = Fixture::new();
    f.file(
        "learnsite.yaml",
        &format!("{CONFIG}# settings-secret-7f3a\nlint:\n  known_names: known-names.txt\n"),
    );
    f.file("known-names.txt", "Zebedee Quarrington\n");
    f.file(
        "content/reviews/adult-s.md",
        &doc(
            "Review of Adult S",
            "review_type: sar\n",
            "source-secret-91c2",
        ),
    );
    f
}

const SECRETS: [&str; 3] = ["settings-secret-7f3a", "Zebedee", "source-secret-91c2\n"];

#[test]
fn serve_never_answers_with_a_file_outside_the_output() {
    let f = site_with_secrets();
    let (_guard, port) = serve(&f);
    #[cfg(unix)]
    {
        let link = |to: &str, at: &str| {
            std::os::unix::fs::symlink(f.path().join(to), f.out().join(at)).unwrap()
        };
        link("learnsite.yaml", "settings.txt");
        link("known-names.txt", "names.txt");
        link("content", "sources");
    }
    let refused = [
        (400, "/../learnsite.yaml"),
        (400, "/../known-names.txt"),
        (400, "/reviews/../../learnsite.yaml"),
        (400, "/%2e%2e/learnsite.yaml"),
        (400, "/%2E%2E%2Fknown-names.txt"),
        (400, "/.%2e/content/reviews/adult-s.md"),
        (400, "/..%5cknown-names.txt"),
        (400, "/reviews\\..\\..\\learnsite.yaml"),
        (400, "//etc/passwd"),
        (400, "/%2fetc%2fpasswd"),
        (400, "/index.html%00.css"),
        (400, "/C:/Windows/win.ini"),
        (400, "http://127.0.0.1/../learnsite.yaml"),
        (404, "/content/reviews/adult-s.md"),
        (404, "/.learnsite-output"),
        (404, "/settings.txt"),
        (404, "/names.txt"),
        (404, "/sources/reviews/adult-s.md"),
    ];
    for (status, path) in refused {
        let (got, text) = get(port, path).unwrap_or_else(|| panic!("no answer to {path}"));
        assert_eq!(got, status, "{path}: {text}");
        for secret in SECRETS {
            assert!(!text.contains(secret), "{path} gave away {secret}");
        }
    }
    // The page made from the source is served, but never the source itself.
    let (status, page) = get(port, "/reviews/adult-s/").unwrap();
    assert_eq!(status, 200);
    assert!(!page.contains("review_type: sar"));
}

#[test]
fn serve_answers_only_to_its_own_loopback_names() {
    let f = Fixture::new();
    let (_guard, port) = serve(&f);
    let with_host = |host: Option<&str>| {
        let host = host.map(|h| format!("Host: {h}\r\n")).unwrap_or_default();
        raw(port, format!("GET / HTTP/1.1\r\n{host}\r\n").as_bytes())
            .unwrap()
            .0
    };
    for ok in [
        format!("127.0.0.1:{port}"),
        format!("localhost:{port}"),
        format!("[::1]:{port}"),
    ] {
        assert_eq!(with_host(Some(&ok)), 200, "{ok}");
    }
    // DNS rebinding: a page at attacker.example whose name now points to 127.0.0.1.
    for bad in [
        format!("attacker.example:{port}"),
        "attacker.example".to_string(),
        format!("127.0.0.1:{}", port.wrapping_add(1)),
        format!("localhost.attacker.example:{port}"),
    ] {
        assert_eq!(with_host(Some(&bad)), 403, "{bad}");
    }
    assert_eq!(with_host(None), 403, "no Host header");
    let two = format!("GET / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nHost: attacker.example\r\n\r\n");
    assert_eq!(raw(port, two.as_bytes()).unwrap().0, 403);
}

#[test]
fn serve_listens_on_loopback_only() {
    let f = Fixture::new();
    let (_guard, port) = serve(&f);
    // This machine's address on its network (no packet is sent to find it).
    let udp = std::net::UdpSocket::bind("0.0.0.0:0").unwrap();
    let outward = udp
        .connect("192.0.2.1:9")
        .and_then(|()| udp.local_addr())
        .map(|a| a.ip());
    match outward {
        Ok(ip) if !ip.is_loopback() && !ip.is_unspecified() => {
            let to = std::net::SocketAddr::new(ip, port);
            assert!(
                TcpStream::connect_timeout(&to, Duration::from_secs(2)).is_err(),
                "serve answers on {to}"
            );
        }
        _ => eprintln!("no network address on this machine: only loopback checked"),
    }
    assert!(
        TcpStream::connect(("::1", port)).is_err(),
        "serve answers on [::1]"
    );
    assert_eq!(get(port, "/").unwrap().0, 200);
}

#[test]
fn serve_refuses_large_requests_bodies_and_other_methods() {
    let f = Fixture::new();
    let (_guard, port) = serve(&f);
    let host = format!("Host: 127.0.0.1:{port}\r\n");
    let long_line = format!("GET /{} HTTP/1.1\r\n{host}\r\n", "a".repeat(64 * 1024));
    assert_eq!(raw(port, long_line.as_bytes()).unwrap().0, 431);
    let many = format!("GET / HTTP/1.1\r\n{host}{}\r\n", "X-A: b\r\n".repeat(100));
    assert_eq!(raw(port, many.as_bytes()).unwrap().0, 431);
    let body = format!("GET / HTTP/1.1\r\n{host}Content-Length: 5\r\n\r\nhello");
    assert_eq!(raw(port, body.as_bytes()).unwrap().0, 413);
    let post = format!("POST / HTTP/1.1\r\n{host}Content-Length: 0\r\n\r\n");
    assert_eq!(raw(port, post.as_bytes()).unwrap().0, 405);
    assert_eq!(
        raw(
            port,
            b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n\r\n"
        )
        .unwrap()
        .0,
        400
    );
    // HEAD: the headers only.
    let (status, text) = raw(port, format!("HEAD / HTTP/1.1\r\n{host}\r\n").as_bytes()).unwrap();
    assert_eq!(status, 200);
    assert!(text.ends_with("\r\n\r\n"), "{text}");
    // Still serving.
    assert_eq!(get(port, "/").unwrap().0, 200);
}

/// Threads of process `pid` (Linux).
#[cfg(target_os = "linux")]
fn threads(pid: u32) -> usize {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .unwrap()
        .lines()
        .find_map(|l| l.strip_prefix("Threads:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap()
}

#[test]
fn serve_drops_slow_clients_and_caps_connections() {
    let f = Fixture::new();
    let (guard, port) = serve(&f);
    // A client that sends its request a header at a time, never finishing it.
    let mut slow = TcpStream::connect(("127.0.0.1", port)).unwrap();
    slow.set_read_timeout(Some(Duration::from_millis(200)))
        .unwrap();
    slow.write_all(b"GET / HTTP/1.1\r\n").unwrap();
    // Many clients that connect and say nothing.
    let idle: Vec<TcpStream> = (0..150)
        .filter_map(|_| TcpStream::connect(("127.0.0.1", port)).ok())
        .collect();
    assert!(idle.len() > 100);
    std::thread::sleep(Duration::from_millis(500));
    #[cfg(target_os = "linux")]
    {
        let n = threads(guard.0.id());
        assert!(n < 60, "{n} threads for {} idle connections", idle.len());
    }
    let start = Instant::now();
    let mut answer = Vec::new();
    let closed = loop {
        let _ = slow.write_all(b"X-Slow: yes\r\n");
        let mut buf = [0u8; 512];
        match slow.read(&mut buf) {
            Ok(0) => break true,
            Ok(n) => answer.extend_from_slice(&buf[..n]),
            Err(e)
                if e.kind() == std::io::ErrorKind::WouldBlock
                    || e.kind() == std::io::ErrorKind::TimedOut => {}
            Err(_) => break true,
        }
        if start.elapsed() > Duration::from_secs(20) {
            break false;
        }
        std::thread::sleep(Duration::from_millis(300));
    };
    assert!(
        closed,
        "a client that never finishes its request is kept for ever"
    );
    let answer = String::from_utf8_lossy(&answer);
    assert!(
        answer.is_empty() || answer.starts_with("HTTP/1.1 408"),
        "{answer}"
    );
    drop(idle);
    // Once they are gone, the preview answers again.
    let deadline = Instant::now() + Duration::from_secs(10);
    while get(port, "/").is_none_or(|r| r.0 != 200) {
        assert!(Instant::now() < deadline, "serve did not recover");
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn live_reload_carries_only_the_build_number() {
    let f = site_with_secrets();
    let (_guard, port) = serve(&f);
    let (status, text) = get(port, "/__learnsite/build").unwrap();
    assert_eq!(status, 200);
    let body = text.split("\r\n\r\n").nth(1).unwrap();
    assert!(
        !body.is_empty() && body.bytes().all(|b| b.is_ascii_digit()),
        "{body:?}"
    );
    // And the script added to pages asks for nothing else.
    let (_, page) = get(port, "/reviews/adult-s/").unwrap();
    let script = page.rsplit("<script>").next().unwrap();
    assert_eq!(script.matches("fetch(").count(), 1, "{script}");
    assert!(script.contains("fetch('/__learnsite/build'"));
}
