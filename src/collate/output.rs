//! Write the regional site atomically: everything into a temporary folder beside `out`, then
//! rename it into place. A folder is only ever replaced if it is empty or carries the
//! [`MARKER_FILE`] that every learnsite output has.

use super::CollateError;
use rayon::prelude::*;
use std::path::{Path, PathBuf};

/// The file that marks a folder as learnsite's output (safe to replace).
/// (The same marker `learnsite build` leaves in `public/`.)
pub const MARKER_FILE: &str = crate::write::MARKER;

/// One file of the site, `path` relative to the output root with `/` separators.
#[derive(Debug, Clone)]
pub struct OutFile {
    pub path: String,
    pub bytes: Vec<u8>,
}

impl OutFile {
    pub fn new(path: impl Into<String>, bytes: impl Into<Vec<u8>>) -> OutFile {
        OutFile {
            path: path.into(),
            bytes: bytes.into(),
        }
    }
}

/// Is `out` absent, an empty folder, or a folder learnsite wrote?
pub fn check_replaceable(out: &Path) -> Result<(), CollateError> {
    if out.file_name().is_none() {
        return Err(CollateError::BadOutput {
            path: out.to_path_buf(),
            reason: "give a folder with a name, e.g. --out regional".into(),
        });
    }
    match std::fs::symlink_metadata(out) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(source) => Err(CollateError::Read {
            path: out.to_path_buf(),
            source,
        }),
        Ok(m) if !m.is_dir() => Err(CollateError::BadOutput {
            path: out.to_path_buf(),
            reason: "it is not a folder".into(),
        }),
        Ok(_) => {
            if out.join(MARKER_FILE).is_file() {
                return Ok(());
            }
            let mut entries = std::fs::read_dir(out).map_err(|source| CollateError::Read {
                path: out.to_path_buf(),
                source,
            })?;
            if entries.next().is_none() {
                Ok(())
            } else {
                Err(CollateError::OutputNotOurs {
                    path: out.to_path_buf(),
                })
            }
        }
    }
}

fn sibling(out: &Path, what: &str) -> PathBuf {
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    let file = format!(".{name}.{what}-{}-{nanos}", std::process::id());
    match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.join(file),
        _ => PathBuf::from(file),
    }
}

fn write_all(dir: &Path, files: &[OutFile]) -> Result<(), CollateError> {
    let werr = |path: PathBuf| move |source| CollateError::Write { path, source };
    let mut folders: Vec<PathBuf> = files
        .iter()
        .filter_map(|f| Path::new(&f.path).parent().map(|p| dir.join(p)))
        .collect();
    folders.sort();
    folders.dedup();
    for f in &folders {
        std::fs::create_dir_all(f).map_err(werr(f.clone()))?;
    }
    files.par_iter().try_for_each(|f| {
        let p = dir.join(&f.path);
        std::fs::write(&p, &f.bytes).map_err(werr(p))
    })?;
    let marker = dir.join(MARKER_FILE);
    std::fs::write(
        &marker,
        "This folder was written by learnsite collate; it is replaced whole on every run.\n",
    )
    .map_err(werr(marker))
}

/// Write `files` into a new folder beside `out`, then swap it in for `out`.
pub fn write_atomically(out: &Path, files: Vec<OutFile>) -> Result<(), CollateError> {
    check_replaceable(out)?;
    if let Some(parent) = out.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(|source| CollateError::Write {
            path: parent.to_path_buf(),
            source,
        })?;
    }
    let tmp = sibling(out, "tmp");
    std::fs::create_dir(&tmp).map_err(|source| CollateError::Write {
        path: tmp.clone(),
        source,
    })?;
    if let Err(e) = write_all(&tmp, &files) {
        let _ = std::fs::remove_dir_all(&tmp);
        return Err(e);
    }
    // Checked again: the folder may have changed while the site was rendered.
    if let Err(e) = check_replaceable(out) {
        let _ = std::fs::remove_dir_all(&tmp);
        return Err(e);
    }
    if out.exists() {
        let old = sibling(out, "old");
        if let Err(source) = std::fs::rename(out, &old) {
            let _ = std::fs::remove_dir_all(&tmp);
            return Err(CollateError::Write {
                path: out.to_path_buf(),
                source,
            });
        }
        if let Err(source) = std::fs::rename(&tmp, out) {
            let _ = std::fs::rename(&old, out);
            let _ = std::fs::remove_dir_all(&tmp);
            return Err(CollateError::Write {
                path: out.to_path_buf(),
                source,
            });
        }
        let _ = std::fs::remove_dir_all(&old);
    } else if let Err(source) = std::fs::rename(&tmp, out) {
        let _ = std::fs::remove_dir_all(&tmp);
        return Err(CollateError::Write {
            path: out.to_path_buf(),
            source,
        });
    }
    Ok(())
}
