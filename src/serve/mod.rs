//! `learnsite serve`: build, serve the output on 127.0.0.1, rebuild on changes.
//! (Live reload of open pages is still to come.)

use crate::build::{self, BuildOptions};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

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

/// Map a request path to a file under `root`, refusing anything outside it.
pub fn resolve(root: &Path, url_path: &str) -> Option<PathBuf> {
    let path = url_path.split(['?', '#']).next().unwrap_or("/");
    let mut p = root.to_path_buf();
    for seg in path.split('/') {
        let seg = percent_decode(seg);
        if seg.is_empty() || seg == "." {
            continue;
        }
        if seg == ".." || seg.contains(['/', '\\']) {
            return None;
        }
        p.push(seg);
    }
    if p.is_dir() {
        p.push("index.html");
    }
    p.is_file().then_some(p)
}

fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' && i + 2 < b.len() {
            if let Ok(v) = u8::from_str_radix(&s[i + 1..i + 3], 16) {
                out.push(v);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

pub fn serve(mut opts: BuildOptions, port: u16) -> anyhow::Result<()> {
    // Serve builds go to their own folder unless told otherwise.
    let run = |opts: &BuildOptions| -> Option<PathBuf> {
        match build::build(opts) {
            Ok(r) => {
                eprintln!("Built {} files.", r.files_written);
                Some(r.out)
            }
            Err(build::BuildError::Refused { diagnostics, .. }) => {
                for d in &diagnostics {
                    eprintln!("{}", d.render(crate::diagnostics::use_color()));
                }
                eprintln!("The build has errors: the last good build is still served.");
                None
            }
            Err(e) => {
                eprintln!("error: {e}");
                None
            }
        }
    };
    let out = run(&opts).unwrap_or_else(|| opts.site.join("public"));
    opts.out = Some(out.clone());
    let server = tiny_http::Server::http(("127.0.0.1", port))
        .map_err(|e| anyhow::anyhow!("cannot listen on 127.0.0.1:{port}: {e}"))?;
    eprintln!(
        "Serving {} at http://127.0.0.1:{port}/ (Ctrl+C to stop)",
        out.display()
    );

    let (tx, rx) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
        if res.is_ok() {
            let _ = tx.send(());
        }
    })?;
    use notify::Watcher;
    for dir in ["content", "layouts", "static"] {
        let p = opts.site.join(dir);
        if p.is_dir() {
            watcher.watch(&p, notify::RecursiveMode::Recursive)?;
        }
    }
    let cfg = opts.site.join(crate::config::CONFIG_FILE);
    if cfg.is_file() {
        watcher.watch(&cfg, notify::RecursiveMode::NonRecursive)?;
    }
    let rebuild_opts = opts.clone();
    std::thread::spawn(move || loop {
        if rx.recv().is_err() {
            return;
        }
        // Let a burst of saves settle.
        std::thread::sleep(Duration::from_millis(150));
        while rx.try_recv().is_ok() {}
        eprintln!("Change detected, rebuilding…");
        run(&rebuild_opts);
    });

    for req in server.incoming_requests() {
        let resp = match resolve(&out, req.url()) {
            Some(p) => match std::fs::read(&p) {
                Ok(bytes) => tiny_http::Response::from_data(bytes).with_header(
                    tiny_http::Header::from_bytes(
                        &b"Content-Type"[..],
                        content_type(&p).as_bytes(),
                    )
                    .expect("valid header"),
                ),
                Err(_) => tiny_http::Response::from_string("Not found").with_status_code(404),
            },
            None => {
                let body =
                    std::fs::read(out.join("404.html")).unwrap_or_else(|_| b"Not found".to_vec());
                tiny_http::Response::from_data(body).with_status_code(404)
            }
        };
        let _ = req.respond(resp);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolve_stays_inside_root() {
        let t = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(t.path().join("a")).unwrap();
        std::fs::write(t.path().join("a/index.html"), "x").unwrap();
        assert_eq!(
            resolve(t.path(), "/a/"),
            Some(t.path().join("a/index.html"))
        );
        assert_eq!(resolve(t.path(), "/a/../../etc/passwd"), None);
        assert_eq!(resolve(t.path(), "/%2e%2e/x"), None);
    }
}
