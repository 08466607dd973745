//! Find and read the learning indexes named on the command line.

use super::CollateError;
use crate::index::learning::{parse_index, LearningIndex, JSON_FILE};
use rayon::prelude::*;
use std::path::{Path, PathBuf};

/// One index read from disk, checked.
#[derive(Debug, Clone)]
pub(crate) struct Loaded {
    /// The file it came from, as given (or folder + `learning-index.json`).
    pub(crate) path: PathBuf,
    pub(crate) index: LearningIndex,
}

/// The index file an input names: the file itself, or `learning-index.json` inside a folder.
pub(crate) fn resolve_input(path: &Path) -> Result<PathBuf, CollateError> {
    if path.is_dir() {
        let file = path.join(JSON_FILE);
        if file.is_file() {
            Ok(file)
        } else {
            Err(CollateError::NoIndexInFolder {
                path: path.to_path_buf(),
            })
        }
    } else {
        Ok(path.to_path_buf())
    }
}

fn read_one(path: &Path) -> Result<Loaded, CollateError> {
    let file = resolve_input(path)?;
    let text = std::fs::read_to_string(&file).map_err(|source| CollateError::Read {
        path: file.clone(),
        source,
    })?;
    let index = parse_index(&text).map_err(|source| CollateError::Index {
        path: file.clone(),
        source,
    })?;
    Ok(Loaded { path: file, index })
}

/// Read every input, in parallel; the result keeps the order of `inputs`. The error is that of
/// the first input (in the order given) that failed.
pub(crate) fn read_all(inputs: &[PathBuf]) -> Result<Vec<Loaded>, CollateError> {
    inputs
        .par_iter()
        .map(|p| read_one(p))
        .collect::<Vec<_>>()
        .into_iter()
        .collect()
}
