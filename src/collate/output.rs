//! Write the regional site atomically: everything into a temporary folder beside `out`, then
//! rename it into place. A folder is only ever replaced if it is empty or carries the
//! [`MARKER_FILE`] that every learnsite output has.

use super::CollateError;
use std::path::Path;

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

/// Write `files` into a new folder beside `out`, then swap it in for `out`, through the same
/// staging and swap as `learnsite build` ([`crate::write::write_site`]): the output is always
/// the whole previous region or the whole new one, and what a killed run left is removed.
pub fn write_atomically(out: &Path, files: Vec<OutFile>) -> Result<(), CollateError> {
    use crate::write::{self, SiteFiles, WriteError};
    check_replaceable(out)?;
    let files: Vec<write::OutFile> = files
        .into_iter()
        .map(|f| write::OutFile::new(f.path, f.bytes))
        .collect();
    let site = SiteFiles::from(files).with_marker_note(
        "This folder was written by learnsite collate; it is replaced whole on every run.\n",
    );
    let not_ours = |e| match e {
        WriteError::Io { path, source } => CollateError::Write { path, source },
        WriteError::Unsafe { .. } => CollateError::OutputNotOurs {
            path: out.to_path_buf(),
        },
        WriteError::Escape(reason) => CollateError::BadOutput {
            path: out.to_path_buf(),
            reason: format!("a file would be written outside it: {reason}"),
        },
    };
    let out = write::check_replaceable(out).map_err(not_ours)?;
    write::write_site(&out, &site).map_err(not_ours)?;
    Ok(())
}
