//! `learnsite serve`: build, serve the output on 127.0.0.1, rebuild when content, layouts,
//! static files or settings change, and reload open pages. Pages served here get a small
//! script that asks the server for the build number once a second; the files written to
//! the output folder are never changed by it.

mod http;
mod session;

use crate::site::{self, BuildOptions};
use session::Session;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
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

/// Whether a change event leaves its file complete: closed after writing, renamed into place,
/// its times or permissions set. A file created, written to, renamed away or removed is not
/// yet (an editor saving may rename the old file away, then write the new one): what follows
/// is waited for, as long as events keep coming ([`QUIET`]).
fn is_settled(kind: &notify::EventKind) -> bool {
    use notify::event::{AccessKind, AccessMode, CreateKind, EventKind, ModifyKind, RenameMode};
    matches!(
        kind,
        EventKind::Access(AccessKind::Close(AccessMode::Write))
            | EventKind::Modify(
                ModifyKind::Name(RenameMode::To | RenameMode::Both) | ModifyKind::Metadata(_)
            )
            | EventKind::Create(CreateKind::Folder)
    )
}

/// The changed paths of one save, from its `first` event on: taken as soon as every path
/// named is complete ([`is_settled`]), else once no event has come for [`QUIET`], at most
/// [`BURST`] after the first. Later events are the next save.
fn one_save(first: (PathBuf, bool), rx: &mpsc::Receiver<(PathBuf, bool)>) -> Vec<PathBuf> {
    let deadline = std::time::Instant::now() + BURST;
    let mut changed: Vec<PathBuf> = Vec::new();
    let mut open: std::collections::HashSet<PathBuf> = std::collections::HashSet::new();
    let mut note = |(p, settled): (PathBuf, bool)| {
        if settled {
            open.remove(&p);
        } else {
            open.insert(p.clone());
        }
        if !changed.contains(&p) {
            changed.push(p);
        }
        open.is_empty()
    };
    let mut done = note(first);
    loop {
        while let Ok(e) = rx.try_recv() {
            done = note(e);
        }
        let left = deadline.saturating_duration_since(std::time::Instant::now());
        if done || left.is_zero() {
            return changed;
        }
        match rx.recv_timeout(QUIET.min(left)) {
            Ok(e) => done = note(e),
            Err(_) => return changed,
        }
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

/// `serve`'s worker threads (rayon's) run below the normal priority: after a saved page is
/// written they render the rest of the site on every core, and the page's server thread (and
/// the browser asking for the page) must not wait for a core behind them. With nothing else
/// to run, they run as fast as before. Elsewhere than Linux, the system's default.
fn workers_below_normal_priority() {
    let _ = rayon::ThreadPoolBuilder::new()
        .thread_name(|i| format!("learnsite-render-{i}"))
        .start_handler(|_| {
            #[cfg(target_os = "linux")]
            // SAFETY: setpriority on the calling thread's own id; no memory is touched.
            unsafe {
                libc::setpriority(libc::PRIO_PROCESS, libc::gettid() as libc::id_t, 10);
            }
        })
        .build_global();
}

/// How long no event of a save may come before its update starts (see [`serve`]).
const QUIET: Duration = Duration::from_millis(3);
/// The longest a burst of events is waited for before an update starts.
const BURST: Duration = Duration::from_millis(50);

/// One update of the served site, with what it did (or why the last good build is still
/// served) printed.
fn update(session: &mut Session) -> Option<session::Updated> {
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
}

pub fn serve(mut opts: BuildOptions, port: u16) -> anyhow::Result<()> {
    workers_below_normal_priority();
    // What the sources looked like before the first build: an event that leaves them as
    // they were (an editor saving the same bytes, a tool touching a folder) rebuilds nothing.
    let mut seen = Seen::of_site(&opts.site);
    let mut session = Session::new(opts.clone());
    let out = update(&mut session)
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

    let (tx, rx) = mpsc::channel::<(PathBuf, bool)>();
    let ignore = out.clone();
    // The watcher failed somewhere (a folder it could not watch): what it names from now on
    // may not be all that changed.
    let failed = Arc::new(AtomicBool::new(false));
    let failed_in_watcher = Arc::clone(&failed);
    let mut watcher = notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
        let Ok(ev) = res else {
            failed_in_watcher.store(true, Ordering::SeqCst);
            return;
        };
        if ev.need_rescan() {
            // Events were lost (the kernel's queue overflowed): an update that looks at
            // every file.
            let _ = tx.send((PathBuf::new(), true));
            return;
        }
        if !is_change(&ev.kind) {
            return;
        }
        let settled = is_settled(&ev.kind);
        for p in ev.paths {
            if !is_ignored(&p, &ignore) {
                let _ = tx.send((p, settled));
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
    // The site folder as the watcher names paths in it (its watches are this joined to the
    // current folder).
    let watched_as = std::env::current_dir()
        .map(|d| d.join(&opts.site))
        .unwrap_or_else(|_| opts.site.clone());
    // A path the watcher named, by its place in the site folder.
    let place = move |p: &Path| -> Option<PathBuf> {
        p.strip_prefix(&watched_as)
            .or_else(|_| p.strip_prefix(&site_dir))
            .ok()
            .map(Path::to_path_buf)
    };
    let site = opts.site.clone();
    // The first build's walk of content/ was before the watcher began: the next update
    // looks at every file, not only those named since.
    session.note_changed(None);
    std::thread::spawn(move || {
        loop {
            let Ok(first) = rx.recv() else { return };
            // The events of one save (an editor writes a file beside it, renames it into
            // place, sets its times) go together: the update starts once the files named are
            // complete, not on a half-written one; what comes later is the next update, each
            // of a consistent site.
            let mut changed = one_save(first, &rx);
            let lost = changed.iter().any(|p| p.as_os_str().is_empty());
            changed.retain(|p| !p.as_os_str().is_empty());
            // Noted even when nothing seems changed: a file replaced by one of the same size
            // and time is still looked at again by the next update.
            let named: Option<Vec<PathBuf>> = match failed.swap(false, Ordering::SeqCst) || lost {
                true => None,
                false => changed
                    .iter()
                    .map(|p| place(p).map(|rel| site.join(rel)))
                    .collect(),
            };
            session.note_changed(named.as_deref());
            if !seen.changed(&changed) && !lost {
                continue;
            }
            let shown = match changed.first() {
                Some(p) => place(p).unwrap_or_else(|| p.clone()).display().to_string(),
                None => "events were lost, so every file".to_string(),
            };
            eprintln!("Changed: {shown}; rebuilding…");
            // On one of rayon's threads: the update's parallel steps start on this thread at
            // once, rather than each waiting for a pool thread to wake (on a busy machine,
            // scheduling latency on every step).
            if rayon::scope(|_| update(&mut session)).is_some() {
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
    fn a_save_is_taken_once_its_files_are_complete() {
        use notify::event::{AccessKind, AccessMode, DataChange, EventKind, ModifyKind};
        let written = EventKind::Modify(ModifyKind::Data(DataChange::Any));
        let closed = EventKind::Access(AccessKind::Close(AccessMode::Write));
        assert!(!is_settled(&written) && is_settled(&closed));
        let (tx, rx) = mpsc::channel();
        let (a, b) = (PathBuf::from("content/a.md"), PathBuf::from("content/b.md"));
        // Written, then closed: one save of `a`; what follows is left for the next.
        tx.send((a.clone(), false)).unwrap();
        tx.send((a.clone(), true)).unwrap();
        assert_eq!(one_save((a.clone(), false), &rx), vec![a.clone()]);
        tx.send((b.clone(), true)).unwrap();
        assert_eq!(rx.try_recv().ok(), Some((b.clone(), true)));
        // A file still being written when another is complete: both, once it is closed.
        tx.send((b.clone(), true)).unwrap();
        tx.send((a.clone(), true)).unwrap();
        assert_eq!(one_save((a.clone(), false), &rx), [a.clone(), b.clone()]);
        // A file renamed away and written anew: the save is the new file, closed.
        let renamed = EventKind::Modify(ModifyKind::Name(notify::event::RenameMode::From));
        assert!(!is_settled(&renamed));
        // A file never closed (a tool that writes and keeps it open) is taken all the same.
        assert_eq!(one_save((b.clone(), false), &rx), [b]);
    }

    #[test]
    fn reload_script_goes_before_body_end() {
        let out =
            String::from_utf8(inject_reload(b"<html><body><p>x</p></body></html>", 7)).unwrap();
        assert!(out.contains("var v=7;"));
        assert!(out.ends_with("</script></body></html>"), "{out}");
    }
}
