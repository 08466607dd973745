//! Pieces of pages rendered once and reused on every page they are on: a document's entry
//! in listings, a recommendation's row on the action tracker. Each is rendered with the
//! page's root (`../`, `../../`) left as a mark and cut there, so one rendering serves pages
//! at any depth; joining the parts with a page's root gives what rendering it on that page
//! would. With [`Fragments`] (`serve`), a piece whose data is unchanged since the last build
//! is not rendered again.

use super::memo::{Key, KeyHasher};
use super::Renderer;
use crate::sync::lock;
use serde::Serialize;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// Where the page's root goes in a piece rendered once for every page.
const ROOT_MARK: &str = "\u{E000}";

/// A piece, cut where the page's root goes.
pub(crate) type Piece = Arc<Cut>;

/// A piece's text, cut where the page's root goes, and (with [`Fragments`]) the key of what
/// it was rendered from.
#[derive(Debug)]
pub(crate) struct Cut {
    pub(crate) key: Option<Key>,
    pub(crate) parts: Vec<String>,
}

/// Pieces rendered by the builds before, by the key of their template and data.
#[derive(Debug, Default)]
pub(crate) struct Fragments {
    previous: HashMap<Key, Piece>,
    current: Mutex<HashMap<Key, Piece>>,
}

impl Fragments {
    /// A build begins: the pieces of the last one are kept for it, and nothing older.
    pub(crate) fn roll(&mut self) {
        let current = std::mem::take(self.current.get_mut().unwrap_or_else(|e| e.into_inner()));
        self.previous = current;
    }

    /// Forget everything (the templates changed).
    pub(crate) fn clear(&mut self) {
        self.previous.clear();
        self.current
            .get_mut()
            .unwrap_or_else(|e| e.into_inner())
            .clear();
    }

    fn get(&self, key: Key) -> Option<Piece> {
        let found = self.previous.get(&key).cloned()?;
        lock(&self.current).insert(key, Arc::clone(&found));
        Some(found)
    }

    fn put(&self, key: Key, piece: &Piece) {
        lock(&self.current).insert(key, Arc::clone(piece));
    }
}

/// `template` filled with `name` = `value` and the root left as a mark, cut at the mark; none
/// if it cannot be rendered alone, or if the value's own text holds the mark.
pub(crate) fn piece<T: Serialize>(
    r: &Renderer,
    template: &str,
    name: &str,
    value: &T,
) -> Option<Piece> {
    // The value as the template sees it, made once: to look for the mark, to key it, and
    // as the template's context.
    let data = serde_json::to_value(value).ok()?;
    if holds_mark(&data) {
        return None;
    }
    let key = r.fragments.map(|_| {
        let mut h = KeyHasher::new();
        h.bytes(template.as_bytes());
        h.bytes(name.as_bytes());
        h.bytes(data.to_string().as_bytes());
        h.finish()
    });
    if let (Some(f), Some(k)) = (r.fragments, key) {
        if let Some(p) = f.get(k) {
            return Some(p);
        }
    }
    let mut map = serde_json::Map::new();
    map.insert(name.to_string(), data);
    map.insert("root".to_string(), ROOT_MARK.into());
    let ctx = tera::Context::from_value(serde_json::Value::Object(map)).ok()?;
    let html = r.tera.render(template, &ctx).ok()?;
    let piece: Piece = Arc::new(Cut {
        key,
        parts: html.split(ROOT_MARK).map(str::to_string).collect(),
    });
    if let (Some(f), Some(k)) = (r.fragments, key) {
        f.put(k, &piece);
    }
    Some(piece)
}

/// A piece written by hand (the default theme's own pieces, made without a template): text,
/// escaped text, and the places the page's root goes. Gives what [`piece`] gives for the
/// same data with a template that says the same.
#[derive(Default)]
pub(crate) struct Writer {
    parts: Vec<String>,
    cur: String,
}

impl Writer {
    /// Markup, as it is.
    pub(crate) fn raw(&mut self, s: &str) -> &mut Self {
        self.cur.push_str(s);
        self
    }
    /// Text, escaped as templates escape it (`{{ value }}`).
    pub(crate) fn text(&mut self, s: &str) -> &mut Self {
        crate::escape::push_html(&mut self.cur, s);
        self
    }
    /// The text being written, for writers of markup that holds no root.
    pub(crate) fn buf(&mut self) -> &mut String {
        &mut self.cur
    }
    /// Where the page's root goes (`{{ root }}`).
    pub(crate) fn root(&mut self) -> &mut Self {
        self.parts.push(std::mem::take(&mut self.cur));
        self
    }
    /// The piece, or none if a text held the root's mark (as [`piece`] refuses it).
    pub(crate) fn finish(mut self) -> Option<Piece> {
        self.parts.push(self.cur);
        if self.parts.iter().any(|p| p.contains(ROOT_MARK)) {
            return None;
        }
        Some(Arc::new(Cut {
            key: None,
            parts: self.parts,
        }))
    }
}

/// Does any text in `v` (a key or a string) hold [`ROOT_MARK`]?
fn holds_mark(v: &serde_json::Value) -> bool {
    use serde_json::Value;
    match v {
        Value::String(t) => t.contains(ROOT_MARK),
        Value::Array(a) => a.iter().any(holds_mark),
        Value::Object(o) => o
            .iter()
            .any(|(k, v)| k.contains(ROOT_MARK) || holds_mark(v)),
        _ => false,
    }
}

/// Append the pieces `pieces` to `out` as on a page whose root is `root`; false if one of
/// them is missing (and then `out` holds those before it). `out` grows once, to its size
/// (a tracker page of every recommendation is megabytes: grown by doubling, it was copied
/// again at every step).
pub(crate) fn join<'a, I>(pieces: I, root: &str, out: &mut String) -> bool
where
    I: IntoIterator<Item = &'a Option<Piece>>,
    I::IntoIter: Clone,
{
    let pieces = pieces.into_iter();
    let size: usize = pieces
        .clone()
        .flatten()
        .map(|p| {
            let parts: usize = p.parts.iter().map(|s| s.len()).sum();
            parts + root.len() * p.parts.len().saturating_sub(1)
        })
        .sum();
    out.reserve(size);
    for p in pieces {
        let Some(piece) = p else {
            return false;
        };
        for (k, part) in piece.parts.iter().enumerate() {
            if k > 0 {
                out.push_str(root);
            }
            out.push_str(part);
        }
    }
    true
}
