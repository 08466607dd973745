//! Keys of what something was made from: a 128-bit SipHash of its inputs, so that what
//! `serve` keeps between builds is used again only while its inputs are unchanged
//! (documents, lint findings, bodies, pages). A collision would serve something stale, so
//! the keys are 128 bits: at a million keys the chance of one is about 10^-27.

use serde::Serialize;
use siphasher::sip128::{Hasher128, SipHasher13};
use std::hash::Hasher;

/// A key: a 128-bit hash.
pub(crate) type Key = u128;

/// A writer that hashes what is written to it.
#[derive(Default, Clone)]
pub(crate) struct KeyHasher(SipHasher13);

impl KeyHasher {
    pub(crate) fn new() -> KeyHasher {
        KeyHasher::default()
    }
    /// Add `v`, as JSON, and a separator.
    pub(crate) fn add<T: Serialize + ?Sized>(&mut self, v: &T) {
        // Writing into a hasher cannot fail; a value that cannot be serialised cannot be
        // put in a template context either, and that fails the page when it is rendered.
        if serde_json::to_writer(&mut *self, v).is_err() {
            self.0.write(b"\x01unserialisable");
        }
        self.0.write(&[0]);
    }
    pub(crate) fn bytes(&mut self, b: &[u8]) {
        self.0.write(&(b.len() as u64).to_le_bytes());
        self.0.write(b);
    }
    pub(crate) fn finish(&self) -> Key {
        self.0.finish128().into()
    }
}

impl std::io::Write for KeyHasher {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.write(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The key of some bytes (a file's content).
pub(crate) fn key_of(bytes: &[u8]) -> Key {
    let mut h = KeyHasher::new();
    h.bytes(bytes);
    h.finish()
}
