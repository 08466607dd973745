//! `learnsite serve`: the example site over HTTP on 127.0.0.1, and nothing outside the output.

use crate::support::*;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

fn get(port: u16, path: &str) -> Option<(u16, String)> {
    let mut s = TcpStream::connect(("127.0.0.1", port)).ok()?;
    s.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
    write!(s, "GET {path} HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n").ok()?;
    let mut buf = String::new();
    s.read_to_string(&mut buf).ok()?;
    let status = buf.split_whitespace().nth(1)?.parse().ok()?;
    Some((status, buf))
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
    let _guard = Kill(child);
    let deadline = Instant::now() + Duration::from_secs(30);
    let page = loop {
        if let Some(r) = get(port, "/reviews/adult-s/") {
            break r;
        }
        assert!(Instant::now() < deadline, "server did not start");
        std::thread::sleep(Duration::from_millis(100));
    };
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
    assert_eq!(get(port, "/../learnsite.yaml").unwrap().0, 404);
    assert_eq!(get(port, "/%2e%2e/learnsite.yaml").unwrap().0, 404);
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
    let _guard = Kill(child);
    let deadline = Instant::now() + Duration::from_secs(30);
    while build_number(port).is_none() {
        assert!(Instant::now() < deadline, "server did not start");
        std::thread::sleep(Duration::from_millis(100));
    }
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
