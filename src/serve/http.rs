//! The preview server's HTTP side: `GET` and `HEAD` of the files in the output folder, on
//! 127.0.0.1 only, for the author's own browser. Anything else that talks to it (another
//! program on the machine, a web page trying DNS rebinding, a client that never finishes its
//! request) is refused:
//!
//! - it listens on 127.0.0.1, never on another address;
//! - a request whose `Host` is not `127.0.0.1`, `localhost` or `[::1]` (with this port, or
//!   none) is refused, so a page on another site cannot reach it through a name it controls;
//! - a path with `..`, `.` or an empty segment (also percent-encoded), a backslash, a NUL, a
//!   colon, or that is not `/`-rooted is refused; hidden files are not served; a file is served
//!   only if its real path (links resolved) lies inside the output folder, so the site's
//!   settings, sources and known-names file are never served;
//! - a request head larger than [`MAX_HEAD`] bytes, with more than [`MAX_HEADERS`] headers or
//!   not complete within [`HEAD_DEADLINE`] is refused, requests with a body are refused, at
//!   most [`MAX_CONNECTIONS`] are handled at once, and a reader too slow to take the response
//!   within [`WRITE_TIMEOUT`] is dropped;
//! - the live-reload endpoint ([`super::VERSION_PATH`]) answers with the build number only.
//!
//! It is written on std's `TcpListener` with `httparse` parsing the request head: tiny_http,
//! used before, has no limit on the length of a request line, no timeouts and a thread per
//! connection without bound, and none of these can be set from outside it.

use std::io::{Read, Write};
use std::net::{Ipv4Addr, TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// The largest request head (request line and headers) read, in bytes.
pub(crate) const MAX_HEAD: usize = 16 * 1024;
/// The most headers a request may have.
pub(crate) const MAX_HEADERS: usize = 48;
/// How long a client has to send its whole request head.
pub(crate) const HEAD_DEADLINE: Duration = Duration::from_secs(5);
/// How long a client may take to read a response.
pub(crate) const WRITE_TIMEOUT: Duration = Duration::from_secs(10);
/// Connections handled at once; more are answered 503 and closed.
pub(crate) const MAX_CONNECTIONS: usize = 32;

/// Listen on 127.0.0.1 (and nothing else) at `port`.
pub(crate) fn bind(port: u16) -> std::io::Result<TcpListener> {
    TcpListener::bind((Ipv4Addr::LOCALHOST, port))
}

/// What the server shares with the rebuilding side.
#[derive(Debug, Clone)]
pub(crate) struct Shared {
    /// The output folder served.
    pub(crate) root: PathBuf,
    /// The build number open pages poll for.
    pub(crate) version: Arc<AtomicU64>,
    /// The port listened on (the only one a `Host` header may name).
    pub(crate) port: u16,
}

/// Answer connections until the listener fails.
pub(crate) fn run(listener: TcpListener, shared: Shared) {
    let active = Arc::new(AtomicUsize::new(0));
    for stream in listener.incoming() {
        let Ok(mut stream) = stream else { continue };
        if active.load(Ordering::SeqCst) >= MAX_CONNECTIONS {
            // Busy: say so without waiting on the client, and close.
            let _ = stream.set_nonblocking(true);
            let _ = stream.write_all(&head(503, "text/plain; charset=utf-8", 5, &[]));
            let _ = stream.write_all(b"Busy\n");
            continue;
        }
        active.fetch_add(1, Ordering::SeqCst);
        let counter = Arc::clone(&active);
        let shared = shared.clone();
        let spawned = std::thread::Builder::new()
            .name("serve-connection".into())
            .spawn(move || {
                handle(stream, &shared);
                counter.fetch_sub(1, Ordering::SeqCst);
            });
        if spawned.is_err() {
            // No thread to spare: the connection was dropped with the closure.
            active.fetch_sub(1, Ordering::SeqCst);
        }
    }
}

/// A status line and headers, ending the connection after the response.
fn head(status: u16, content_type: &str, len: usize, extra: &[(&str, &str)]) -> Vec<u8> {
    let reason = match status {
        200 => "OK",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        413 => "Content Too Large",
        431 => "Request Header Fields Too Large",
        503 => "Service Unavailable",
        _ => "Error",
    };
    let mut h = format!(
        "HTTP/1.1 {status} {reason}\r\nContent-Type: {content_type}\r\nContent-Length: {len}\r\nConnection: close\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nCross-Origin-Resource-Policy: same-origin\r\nReferrer-Policy: no-referrer\r\n"
    );
    for (k, v) in extra {
        h.push_str(&format!("{k}: {v}\r\n"));
    }
    h.push_str("\r\n");
    h.into_bytes()
}

/// Why a request is refused before any file is looked at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Refusal {
    /// 400: the request or its path is malformed or tries to leave the output folder.
    BadRequest,
    /// 403: the `Host` is not this machine's loopback name (DNS rebinding).
    WrongHost,
    /// 405: not `GET` or `HEAD`.
    Method,
    /// 408: the head did not arrive in time.
    Timeout,
    /// 413: the request has a body.
    Body,
    /// 431: the head is too large or has too many headers.
    HeadTooLarge,
}

impl Refusal {
    fn status(self) -> u16 {
        match self {
            Refusal::BadRequest => 400,
            Refusal::WrongHost => 403,
            Refusal::Method => 405,
            Refusal::Timeout => 408,
            Refusal::Body => 413,
            Refusal::HeadTooLarge => 431,
        }
    }
    fn message(self) -> &'static str {
        match self {
            Refusal::BadRequest => "Bad request\n",
            Refusal::WrongHost => "This preview answers only at 127.0.0.1 or localhost\n",
            Refusal::Method => "Only GET and HEAD\n",
            Refusal::Timeout => "The request took too long\n",
            Refusal::Body => "Requests with a body are not accepted\n",
            Refusal::HeadTooLarge => "The request is too large\n",
        }
    }
}

fn handle(mut stream: TcpStream, shared: &Shared) {
    let _ = stream.set_write_timeout(Some(WRITE_TIMEOUT));
    let (method, target) = match read_request(&mut stream, shared.port) {
        Ok(r) => r,
        Err(refusal) => {
            let msg = refusal.message().as_bytes();
            let mut extra = Vec::new();
            if refusal == Refusal::Method {
                extra.push(("Allow", "GET, HEAD"));
            }
            let _ = stream.write_all(&head(
                refusal.status(),
                "text/plain; charset=utf-8",
                msg.len(),
                &extra,
            ));
            let _ = stream.write_all(msg);
            return;
        }
    };
    let (status, content_type, body) = respond(&target, shared);
    let _ = stream.write_all(&head(status, content_type, body.len(), &[]));
    if method != "HEAD" {
        let _ = stream.write_all(&body);
    }
    let _ = stream.flush();
}

/// Read and check the request head: the method and the request target.
fn read_request(stream: &mut TcpStream, port: u16) -> Result<(String, String), Refusal> {
    let start = Instant::now();
    let mut buf = Vec::with_capacity(1024);
    let mut chunk = [0u8; 2048];
    loop {
        let left = HEAD_DEADLINE
            .checked_sub(start.elapsed())
            .filter(|d| !d.is_zero())
            .ok_or(Refusal::Timeout)?;
        let _ = stream.set_read_timeout(Some(left));
        let n = match stream.read(&mut chunk) {
            Ok(0) => return Err(Refusal::BadRequest),
            Ok(n) => n,
            Err(e)
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                ) =>
            {
                return Err(Refusal::Timeout)
            }
            Err(_) => return Err(Refusal::BadRequest),
        };
        buf.extend_from_slice(&chunk[..n]);
        let mut headers = [httparse::EMPTY_HEADER; MAX_HEADERS];
        let mut req = httparse::Request::new(&mut headers);
        match req.parse(&buf) {
            Ok(httparse::Status::Complete(_)) => return check_request(&req, port),
            Ok(httparse::Status::Partial) if buf.len() < MAX_HEAD => continue,
            Ok(httparse::Status::Partial) | Err(httparse::Error::TooManyHeaders) => {
                return Err(Refusal::HeadTooLarge)
            }
            Err(_) => return Err(Refusal::BadRequest),
        }
    }
}

fn check_request(req: &httparse::Request, port: u16) -> Result<(String, String), Refusal> {
    let method = req.method.ok_or(Refusal::BadRequest)?;
    let target = req.path.ok_or(Refusal::BadRequest)?;
    let header = |name: &str| {
        req.headers
            .iter()
            .filter(|h| h.name.eq_ignore_ascii_case(name))
            .map(|h| std::str::from_utf8(h.value).unwrap_or("\u{fffd}"))
            .collect::<Vec<_>>()
    };
    let hosts = header("host");
    if hosts.len() != 1 || !host_allowed(hosts[0], port) {
        return Err(Refusal::WrongHost);
    }
    if method != "GET" && method != "HEAD" {
        return Err(Refusal::Method);
    }
    let has_body = !header("transfer-encoding").is_empty()
        || header("content-length")
            .iter()
            .any(|v| v.trim().parse::<u64>() != Ok(0));
    if has_body {
        return Err(Refusal::Body);
    }
    Ok((method.to_string(), target.to_string()))
}

/// Is `host` (a `Host` header) this machine's loopback, at `port` or with no port?
pub(crate) fn host_allowed(host: &str, port: u16) -> bool {
    let host = host.trim();
    let (name, host_port) = match host.rsplit_once(':') {
        // `[::1]` alone has colons but no port after the bracket.
        Some((n, p)) if !p.contains(']') => (n, Some(p)),
        _ => (host, None),
    };
    let name_ok = ["127.0.0.1", "localhost", "[::1]"]
        .iter()
        .any(|n| name.eq_ignore_ascii_case(n));
    let port_ok = match host_port {
        None => true,
        Some(p) => p.parse::<u16>() == Ok(port),
    };
    name_ok && port_ok
}

/// The answer to a checked request: status, content type, body.
fn respond(target: &str, shared: &Shared) -> (u16, &'static str, Vec<u8>) {
    if target == super::VERSION_PATH {
        let v = shared.version.load(Ordering::SeqCst);
        return (200, "text/plain; charset=utf-8", v.to_string().into_bytes());
    }
    let not_found = || {
        let page =
            std::fs::read(shared.root.join("404.html")).unwrap_or_else(|_| b"Not found\n".to_vec());
        (404, "text/html; charset=utf-8", page)
    };
    match resolve(&shared.root, target) {
        Err(_) => (400, "text/plain; charset=utf-8", b"Bad request\n".to_vec()),
        Ok(None) => not_found(),
        Ok(Some(p)) => match std::fs::read(&p) {
            Ok(bytes) if content_type(&p).starts_with("text/html") => {
                let v = shared.version.load(Ordering::SeqCst);
                (200, content_type(&p), super::inject_reload(&bytes, v))
            }
            Ok(bytes) => (200, content_type(&p), bytes),
            Err(_) => not_found(),
        },
    }
}

fn content_type(p: &Path) -> &'static str {
    match p.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml",
        "csv" => "text/csv; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "pdf" => "application/pdf",
        _ => "application/octet-stream",
    }
}

/// A request path that is malformed or tries to leave the output folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct BadPath;

/// Map a request target to a file inside `root`. `Err` for a path that is malformed or tries
/// to leave it (see the module's list); `Ok(None)` when there is no such file, it is hidden,
/// or its real path (links resolved) is outside `root`.
pub(crate) fn resolve(root: &Path, target: &str) -> Result<Option<PathBuf>, BadPath> {
    let path = target.split(['?', '#']).next().unwrap_or("");
    let rest = path.strip_prefix('/').ok_or(BadPath)?;
    if path.contains('\\') {
        return Err(BadPath);
    }
    let mut p = root.to_path_buf();
    let segments: Vec<&str> = rest.split('/').collect();
    let mut hidden = false;
    for (i, raw) in segments.iter().enumerate() {
        let seg = percent_decode(raw).ok_or(BadPath)?;
        if seg.is_empty() {
            // Only the last segment may be empty (`/reviews/`); `//` is refused.
            if i + 1 == segments.len() {
                continue;
            }
            return Err(BadPath);
        }
        let plain = !seg.contains(['/', '\\', '\0', ':'])
            && matches!(Path::new(&seg).components().collect::<Vec<_>>()[..], [Component::Normal(c)] if c == seg.as_str());
        if !plain {
            return Err(BadPath);
        }
        hidden |= seg.starts_with('.');
        p.push(seg);
    }
    if hidden {
        return Ok(None);
    }
    if p.is_dir() {
        p.push("index.html");
    }
    let (Ok(real), Ok(real_root)) = (p.canonicalize(), root.canonicalize()) else {
        return Ok(None);
    };
    Ok((real.starts_with(&real_root) && real.is_file()).then_some(p))
}

/// Decode `%XX` escapes. `None` for a bad escape or text that is not UTF-8.
fn percent_decode(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let hex = b.get(i + 1..i + 3)?;
            let hex = std::str::from_utf8(hex).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolve_serves_only_plain_paths_inside_the_root() {
        let t = tempfile::tempdir().unwrap();
        let root = t.path().join("public");
        std::fs::create_dir_all(root.join("a")).unwrap();
        std::fs::write(root.join("a/index.html"), "x").unwrap();
        std::fs::write(root.join("a/caf\u{e9}.txt"), "x").unwrap();
        std::fs::write(root.join(".learnsite-output"), "x").unwrap();
        std::fs::write(t.path().join("learnsite.yaml"), "secret").unwrap();
        assert_eq!(resolve(&root, "/a/"), Ok(Some(root.join("a/index.html"))));
        assert_eq!(
            resolve(&root, "/a?x=1#y"),
            Ok(Some(root.join("a/index.html")))
        );
        assert_eq!(
            resolve(&root, "/a/caf%C3%A9.txt"),
            Ok(Some(root.join("a/caf\u{e9}.txt")))
        );
        assert_eq!(resolve(&root, "/a/missing.html"), Ok(None));
        assert_eq!(resolve(&root, "/.learnsite-output"), Ok(None));
        for bad in [
            "/../learnsite.yaml",
            "/a/../../learnsite.yaml",
            "/%2e%2e/learnsite.yaml",
            "/%2E%2E/learnsite.yaml",
            "/a/%2e%2e%2f%2e%2e%2flearnsite.yaml",
            "/..%5clearnsite.yaml",
            "/a\\..\\..\\learnsite.yaml",
            "//etc/passwd",
            "/%2fetc%2fpasswd",
            "/a/./index.html",
            "/a/index.html%00.css",
            "/C:/Windows/win.ini",
            "learnsite.yaml",
            "http://127.0.0.1/learnsite.yaml",
            "*",
            "/%zz",
            "/%",
            "/%c3",
        ] {
            assert_eq!(resolve(&root, bad), Err(BadPath), "{bad}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn resolve_does_not_follow_links_out_of_the_root() {
        let t = tempfile::tempdir().unwrap();
        let root = t.path().join("public");
        std::fs::create_dir_all(&root).unwrap();
        std::fs::write(t.path().join("learnsite.yaml"), "secret").unwrap();
        std::os::unix::fs::symlink(t.path().join("learnsite.yaml"), root.join("settings.txt"))
            .unwrap();
        std::os::unix::fs::symlink(t.path(), root.join("site")).unwrap();
        assert_eq!(resolve(&root, "/settings.txt"), Ok(None));
        assert_eq!(resolve(&root, "/site/learnsite.yaml"), Ok(None));
    }

    #[test]
    fn only_loopback_hosts_at_this_port() {
        for ok in [
            "127.0.0.1:1111",
            "localhost:1111",
            "LOCALHOST:1111",
            "[::1]:1111",
            "127.0.0.1",
            "localhost",
            "[::1]",
        ] {
            assert!(host_allowed(ok, 1111), "{ok}");
        }
        for bad in [
            "evil.example:1111",
            "evil.example",
            "127.0.0.1:2222",
            "localhost:",
            "127.0.0.1.evil.example:1111",
            "[::1]:80",
            "0.0.0.0:1111",
            "",
            "localhost:1111:1111",
        ] {
            assert!(!host_allowed(bad, 1111), "{bad}");
        }
    }
}
