//! `learnsite serve`: build, serve the output on 127.0.0.1, rebuild when content, layouts,
//! static files or settings change, and reload open pages. Pages served here get a small
//! script that asks the server for the build number once a second; the files written to
//! the output folder are never changed by it.

mod http;
mod session;

use crate::site::{self, BuildOptions};
use session::Session;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{mpsc, Arc};
use std::time::Duration;

/// The endpoint open pages poll for the build number.
pub(crate) const VERSION_PATH: &str = "/__learnsite/build";

/// The folders of a site whose changes need a rebuild (beside the settings file).
const WATCHED_DIRS: [&str; 3] = ["content", "layouts", "static"];

/// Whether a watcher event is a real change to a file: created, written, removed or renamed.
/// Reads and opens (which the build itself causes on every source it loads) are not.
fn is_change(kind: &notify::EventKind) -> bool {
    use notify::event::{AccessKind, AccessMode, EventKind};
    match kind {
        EventKind::Create(_) | EventKind::Remove(_) | EventKind::Modify(_) => true,
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) | EventKind::Any | EventKind::Other => false,
    }
}

/// Paths whose changes never need a rebuild: the output folder and the build's staging
/// folders beside it, and editors' swap, backup and lock files.
fn is_ignored(p: &Path, out: &Path) -> bool {
    if p.starts_with(out) {
        return true;
    }
    let Some(name) = p.file_name().and_then(|n| n.to_str()) else {
        return false;
    };
    name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".tmp")
        || name.starts_with(".#")
        || name.starts_with(".learnsite-")
        || name == "4913"
}

/// What a watched path looked like: its size and modification time (none: not there).
type Look = Option<(u64, Option<std::time::SystemTime>)>;

fn look(p: &Path) -> Look {
    std::fs::symlink_metadata(p)
        .ok()
        .map(|m| (m.len(), m.modified().ok()))
}

/// What every watched path (files and folders) looked like at the last build, to tell a
/// real change from an event that changed nothing (an editor saving the same bytes, a tool
/// touching a file). Only the paths events name are looked at again.
struct Seen(std::collections::HashMap<PathBuf, Look>);

impl Seen {
    fn of_site(site: &Path) -> Seen {
        let mut seen = std::collections::HashMap::new();
        for dir in WATCHED_DIRS {
            for e in walkdir::WalkDir::new(site.join(dir)).into_iter().flatten() {
                let l = look(e.path());
                seen.insert(e.into_path(), l);
            }
        }
        let cfg = site.join(crate::config::CONFIG_FILE);
        let l = look(&cfg);
        seen.insert(cfg, l);
        Seen(seen)
    }

    /// Did any of `paths` change since it was last seen? (All are noted as they are now.)
    fn changed(&mut self, paths: &[PathBuf]) -> bool {
        let mut any = false;
        for p in paths {
            let now = look(p);
            if self.0.get(p).cloned().flatten() != now {
                any = true;
            }
            self.0.insert(p.clone(), now);
        }
        any
    }
}

/// Add the live-reload script to an HTML page.
pub(crate) fn inject_reload(html: &[u8], build: u64) -> Vec<u8> {
    let script = format!(
        "<script>(function(){{var v={build};setInterval(function(){{fetch('{VERSION_PATH}',{{cache:'no-store'}}).then(function(r){{return r.text()}}).then(function(t){{if(+t!==v)location.reload()}}).catch(function(){{}})}},1000)}})();</script>"
    );
    let text = String::from_utf8_lossy(html);
    match text.rfind("</body>") {
        Some(i) => format!("{}{}{}", &text[..i], script, &text[i..]).into_bytes(),
        None => [html, script.as_bytes()].concat(),
    }
}

/// How long no event of a save may come before its update starts (see [`serve`]).
const QUIET: Duration = Duration::from_millis(3);
/// The longest a burst of events is waited for before an update starts.
const BURST: Duration = Duration::from_millis(50);

pub fn serve(mut opts: BuildOptions, port: u16) -> anyhow::Result<()> {
    // Serve builds go to their own folder unless told otherwise.
    let run = |session: &mut Session| -> Option<session::Updated> {
        let started = std::time::Instant::now();
        match session.update() {
            Ok(u) => {
                if u.whole {
                    eprintln!("Built {} files.", u.report.files_written);
                } else {
                    let first = u
                        .first
                        .map(|t| format!(" (the saved page in {} ms)", t.as_millis()))
                        .unwrap_or_default();
                    eprintln!(
                        "Updated {} file{} and removed {} in {} ms{first}.",
                        u.written.len(),
                        if u.written.len() == 1 { "" } else { "s" },
                        u.removed.len(),
                        started.elapsed().as_millis()
                    );
                }
                Some(u)
            }
            Err(site::BuildError::Refused { diagnostics, .. }) => {
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
    // What the sources looked like before the first build: an event that leaves them as
    // they were (an editor saving the same bytes, a tool touching a folder) rebuilds nothing.
    let mut seen = Seen::of_site(&opts.site);
    let mut session = Session::new(opts.clone());
    let out = run(&mut session)
        .map(|u| u.report.out)
        .unwrap_or_else(|| opts.site.join("public"));
    opts.out = Some(out.clone());
    session.set_out(out.clone());
    let listener =
        http::bind(port).map_err(|e| anyhow::anyhow!("cannot listen on 127.0.0.1:{port}: {e}"))?;
    eprintln!(
        "Serving {} at http://127.0.0.1:{port}/ (Ctrl+C to stop)",
        out.display()
    );

    let (tx, rx) = mpsc::channel::<PathBuf>();
    let ignore = out.clone();
    let mut watcher = notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
        let Ok(ev) = res else { return };
        if !is_change(&ev.kind) {
            return;
        }
        for p in ev.paths {
            if !is_ignored(&p, &ignore) {
                let _ = tx.send(p);
            }
        }
    })?;
    use notify::Watcher;
    for dir in WATCHED_DIRS {
        let p = opts.site.join(dir);
        if p.is_dir() {
            watcher.watch(&p, notify::RecursiveMode::Recursive)?;
        }
    }
    let cfg = opts.site.join(crate::config::CONFIG_FILE);
    if cfg.is_file() {
        watcher.watch(&cfg, notify::RecursiveMode::NonRecursive)?;
    }
    let version = Arc::new(AtomicU64::new(1));
    let v2 = Arc::clone(&version);
    // Absolute, so a saved file is shown as `content/reviews/adult-d.md`, not by its whole path.
    let site_dir = std::fs::canonicalize(&opts.site).unwrap_or_else(|_| opts.site.clone());
    std::thread::spawn(move || {
        loop {
            let Ok(first) = rx.recv() else { return };
            // Let the events of one save (an editor writes a file beside it, renames it into
            // place, sets its times) arrive together: they come within a millisecond or two
            // of each other, so the update starts once none has come for QUIET (at most
            // BURST after the first). A save spread wider is two updates, each of a
            // consistent site.
            let mut changed = vec![first];
            let until = std::time::Instant::now() + BURST;
            loop {
                let left = until.saturating_duration_since(std::time::Instant::now());
                match rx.recv_timeout(QUIET.min(left)) {
                    Ok(p) => changed.push(p),
                    Err(_) => break,
                }
            }
            if !seen.changed(&changed) {
                continue;
            }
            let shown = changed[0]
                .strip_prefix(&site_dir)
                .unwrap_or(&changed[0])
                .display()
                .to_string();
            eprintln!("Changed: {shown}; rebuilding…");
            if run(&mut session).is_some() {
                v2.fetch_add(1, Ordering::SeqCst);
            }
        }
    });

    http::run(
        listener,
        http::Shared {
            root: out,
            version,
            port,
        },
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reload_script_goes_before_body_end() {
        let out =
            String::from_utf8(inject_reload(b"<html><body><p>x</p></body></html>", 7)).unwrap();
        assert!(out.contains("var v=7;"));
        assert!(out.ends_with("</script></body></html>"), "{out}");
    }
}
