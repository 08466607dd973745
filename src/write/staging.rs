//! Staging a site's output beside its output folder and swapping it in with one rename;
//! cleaning up after builds that were stopped.

use super::{OutFile, WriteError, MARKER};
use rayon::prelude::*;
use std::path::{Path, PathBuf};

/// A site's output being staged beside its output folder.
#[derive(Debug)]
pub(super) struct Staging {
    pub(super) out: PathBuf,
    dir: PathBuf,
    committed: bool,
    /// The folders made so far in the staging folder: a page streamed in makes its folder
    /// once, not once per file (a failed mkdir and a stat for each of 11,000 files).
    made: std::sync::Mutex<std::collections::HashSet<PathBuf>>,
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> WriteError + '_ {
    move |source| WriteError::Io {
        path: path.to_path_buf(),
        source,
    }
}

impl Staging {
    /// Start staging for the (already checked, absolute) output folder `out`.
    pub(super) fn new(out: &Path, marker_note: &str) -> Result<Staging, WriteError> {
        let parent = out
            .parent()
            .ok_or_else(|| WriteError::Escape(out.display().to_string()))?;
        std::fs::create_dir_all(parent).map_err(io(parent))?;
        let name = out
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "public".into());
        clean_leftovers(out);
        let dir = parent.join(format!(".{name}{STAGING}{}", std::process::id()));
        if dir.exists() {
            std::fs::remove_dir_all(&dir).map_err(io(&dir))?;
        }
        std::fs::create_dir(&dir).map_err(io(&dir))?;
        std::fs::write(dir.join(MARKER), marker_note).map_err(io(&dir))?;
        Ok(Staging {
            out: out.to_path_buf(),
            dir,
            committed: false,
            made: Default::default(),
        })
    }

    /// Map a site-relative output path to a path in the staging folder, refusing escapes.
    fn path_for(&self, rel: &str) -> Result<PathBuf, WriteError> {
        Ok(self.dir.join(super::checked_rel(rel)?))
    }

    /// Write one file.
    pub(super) fn write(&self, rel: &str, bytes: &[u8]) -> Result<(), WriteError> {
        let path = self.path_for(rel)?;
        if let Some(parent) = path.parent() {
            self.make_folder(parent)?;
        }
        std::fs::write(&path, bytes).map_err(io(&path))
    }

    /// Write one file from its parts, in order, without joining them first (a regional page
    /// of tens of megabytes is its frame around the list items it shares with other pages).
    pub(super) fn write_parts(&self, rel: &str, parts: &[&[u8]]) -> Result<(), WriteError> {
        use std::io::Write as _;
        let path = self.path_for(rel)?;
        if let Some(parent) = path.parent() {
            self.make_folder(parent)?;
        }
        let file = std::fs::File::create(&path).map_err(io(&path))?;
        let mut w = std::io::BufWriter::with_capacity(1 << 16, file);
        for part in parts {
            w.write_all(part).map_err(io(&path))?;
        }
        w.flush().map_err(io(&path))
    }

    /// Make `dir` and its parents unless this staging folder made it already.
    fn make_folder(&self, dir: &Path) -> Result<(), WriteError> {
        if crate::sync::lock(&self.made).contains(dir) {
            return Ok(());
        }
        std::fs::create_dir_all(dir).map_err(io(dir))?;
        crate::sync::lock(&self.made).insert(dir.to_path_buf());
        Ok(())
    }

    /// Write many files in parallel.
    pub(super) fn write_all(&self, files: &[OutFile]) -> Result<(), WriteError> {
        let mut dirs: Vec<PathBuf> = Vec::with_capacity(files.len());
        let mut paths: Vec<PathBuf> = Vec::with_capacity(files.len());
        for f in files {
            let p = self.path_for(&f.path)?;
            if let Some(parent) = p.parent() {
                dirs.push(parent.to_path_buf());
            }
            paths.push(p);
        }
        dirs.sort();
        dirs.dedup();
        for d in &dirs {
            // Sorted, so a parent comes before its children: one mkdir each, not one per file.
            match std::fs::create_dir(d) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
                Err(_) => std::fs::create_dir_all(d).map_err(io(d))?,
            }
        }
        paths
            .par_iter()
            .zip(files.par_iter())
            .try_for_each(|(p, f)| std::fs::write(p, &f.bytes).map_err(io(p)))
    }

    /// Copy a file from disk.
    pub(super) fn copy(&self, from: &Path, rel: &str) -> Result<(), WriteError> {
        let path = self.path_for(rel)?;
        if let Some(parent) = path.parent() {
            self.make_folder(parent)?;
        }
        std::fs::copy(from, &path).map(|_| ()).map_err(io(from))
    }

    /// Swap the staged output in place of the previous output: in one step where the system
    /// can exchange two folders (Linux), so the output folder is at every moment either the
    /// whole previous site or the whole new one; elsewhere in two renames, the previous output
    /// kept aside until the second is done (and put back by the next build if it never is).
    pub(super) fn commit(mut self) -> Result<PathBuf, WriteError> {
        let old = self.dir.with_file_name(format!(
            ".{}{OLD}{}",
            self.out
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            std::process::id()
        ));
        let had_old = self.out.exists();
        if had_old && exchange(&self.dir, &self.out).is_ok() {
            // The staging folder now holds the previous output.
            self.committed = true;
            if self.dir.join(MARKER).is_file() {
                crate::progress::timed("the previous output removed", || {
                    remove_tree_parallel(&self.dir)
                });
            } else {
                let _ = std::fs::remove_dir(&self.dir);
            }
            return Ok(self.out.clone());
        }
        if had_old {
            std::fs::rename(&self.out, &old).map_err(io(&self.out))?;
        }
        if let Err(e) = std::fs::rename(&self.dir, &self.out) {
            if had_old {
                let _ = std::fs::rename(&old, &self.out);
            }
            return Err(io(&self.out)(e));
        }
        self.committed = true;
        if had_old && old.join(MARKER).is_file() {
            remove_tree_parallel(&old);
        }
        Ok(self.out.clone())
    }
}

/// The middle of the names of the folders a build makes beside its output `NAME`:
/// `.NAME.learnsite-staging-PID` (the new site being written, PID the build's process) and
/// `.NAME.learnsite-old-PID` (the previous output, set aside while the new one moves in).
const STAGING: &str = ".learnsite-staging-";
const OLD: &str = ".learnsite-old-";

/// Exchange two folders in one step (Linux `renameat2` with `RENAME_EXCHANGE`). An error
/// (another system, or a file system that cannot) leaves both as they were.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let c = |p: &Path| {
        CString::new(p.as_os_str().as_bytes())
            .map_err(|_| std::io::Error::from(std::io::ErrorKind::InvalidInput))
    };
    let (a, b) = (c(a)?, c(b)?);
    // SAFETY: both paths are NUL-terminated strings that outlive the call; the system call
    // only reads them.
    let r = unsafe {
        libc::syscall(
            libc::SYS_renameat2,
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if r == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> std::io::Result<()> {
    Err(std::io::Error::from(std::io::ErrorKind::Unsupported))
}

/// Is the process `pid` still running? Where this cannot be told, it is taken to be, so its
/// folders are left alone.
fn process_alive(pid: u32) -> bool {
    #[cfg(unix)]
    {
        let Ok(pid) = libc::pid_t::try_from(pid) else {
            return true;
        };
        // SAFETY: signal 0 sends nothing; it only asks whether the process exists.
        let r = unsafe { libc::kill(pid, 0) };
        r == 0 || std::io::Error::last_os_error().raw_os_error() != Some(libc::ESRCH)
    }
    #[cfg(not(unix))]
    {
        let _ = pid;
        true
    }
}

/// Remove what builds of the output folder `out` that were stopped (killed, or the machine
/// turned off) left beside it: staging folders and set-aside previous outputs. Only a folder
/// learnsite recognisably made is touched: its name is `.NAME.learnsite-staging-PID` or
/// `.NAME.learnsite-old-PID` for this output's NAME, it is a real folder (not a link) holding
/// the marker file (or nothing at all), and the build PID is no longer running. If the output
/// folder itself is missing (a build stopped between its two renames), the set-aside previous
/// output is put back first.
pub(super) fn clean_leftovers(out: &Path) {
    let (Some(parent), Some(name)) = (out.parent(), out.file_name()) else {
        return;
    };
    let Ok(entries) = std::fs::read_dir(parent) else {
        return;
    };
    let name = name.to_string_lossy();
    let ours = std::process::id();
    for e in entries.flatten() {
        let file = e.file_name();
        let Some(rest) = file.to_str().and_then(|f| f.strip_prefix('.')) else {
            continue;
        };
        let Some(rest) = rest.strip_prefix(name.as_ref()) else {
            continue;
        };
        let (is_old, pid) = match (rest.strip_prefix(STAGING), rest.strip_prefix(OLD)) {
            (Some(pid), _) => (false, pid),
            (_, Some(pid)) => (true, pid),
            _ => continue,
        };
        let Ok(pid) = pid.parse::<u32>() else {
            continue;
        };
        let path = e.path();
        let is_dir = std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_dir());
        if pid == ours || !is_dir || process_alive(pid) {
            continue;
        }
        if !path.join(MARKER).is_file() {
            // Stopped before its marker was written or after it was removed: only if empty.
            let _ = std::fs::remove_dir(&path);
            continue;
        }
        if is_old && std::fs::symlink_metadata(out).is_err() && std::fs::rename(&path, out).is_ok()
        {
            continue;
        }
        remove_tree_parallel(&path);
    }
}

/// Remove a previous output folder, its top-level entries in parallel (a site of thousands
/// of pages is mostly the time of unlinking files).
fn remove_tree_parallel(dir: &Path) {
    if let Ok(rd) = std::fs::read_dir(dir) {
        // The marker goes last, so a removal stopped half-way still shows whose folder it is.
        let entries: Vec<PathBuf> = rd
            .flatten()
            .filter(|e| e.file_name() != MARKER)
            .map(|e| e.path())
            .collect();
        entries.par_iter().for_each(|p| {
            if p.is_dir() && !p.is_symlink() {
                // Split big folders (reviews/, themes/) one level further.
                if let Ok(sub) = std::fs::read_dir(p) {
                    let subs: Vec<PathBuf> = sub.flatten().map(|e| e.path()).collect();
                    subs.par_iter().for_each(|s| {
                        let _ = if s.is_dir() && !s.is_symlink() {
                            std::fs::remove_dir_all(s)
                        } else {
                            std::fs::remove_file(s)
                        };
                    });
                }
                let _ = std::fs::remove_dir_all(p);
            } else {
                let _ = std::fs::remove_file(p);
            }
        });
    }
    let _ = std::fs::remove_file(dir.join(MARKER));
    let _ = std::fs::remove_dir_all(dir);
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed && self.dir.join(MARKER).is_file() {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
}
