//! Locks shared between the threads of a build.

use std::sync::{Mutex, MutexGuard};

/// Lock `m`, even if a thread panicked while holding it: what it guards (caches, the set of
/// files written) stays usable, and the panic is reported where it happened.
pub(crate) fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}
