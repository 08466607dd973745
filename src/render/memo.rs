//! Pages that need not be made again. `serve` keeps, for every page of the last build it
//! wrote, a key of everything the page's template was given ([`Ctx`]: each value inserted,
//! as JSON, into a 128-bit SipHash). A page whose key is unchanged is not rendered again: its
//! file in the output is already what rendering would give, byte for byte. A `build` has no
//! memo, and pays nothing for it.
//!
//! The key covers the template's name and its context, and nothing else: whatever else a page
//! depends on (the templates themselves) is the same for every page of a [`PageMemo`], which
//! is started afresh whenever it changes.

pub(crate) use crate::key::{key_of, Key, KeyHasher};
use crate::sync::lock;
use serde::Serialize;
use std::collections::HashMap;
use std::sync::Mutex;

/// A template context that, when a memo is in use, also keys what goes into it.
#[derive(Clone)]
pub(crate) struct Ctx {
    pub(crate) tera: tera::Context,
    key: Option<KeyHasher>,
}

impl Ctx {
    /// An empty context; `keyed`: also key what is inserted.
    pub(crate) fn new(keyed: bool) -> Ctx {
        Ctx {
            tera: tera::Context::new(),
            key: keyed.then(KeyHasher::new),
        }
    }
    pub(crate) fn insert<T: Serialize + ?Sized>(&mut self, name: &str, value: &T) {
        if let Some(h) = &mut self.key {
            h.bytes(name.as_bytes());
            h.add(value);
        }
        self.tera.insert(name, value);
    }
    /// Key `value` with the context without giving it to the template: what the page is
    /// made from besides its context (text put in after the template is rendered).
    pub(crate) fn key_also<T: Serialize + ?Sized>(&mut self, name: &str, value: &T) {
        if let Some(h) = &mut self.key {
            h.bytes(name.as_bytes());
            h.add(value);
        }
    }

    /// The key of the page that fills `template` with this context.
    fn key(&self, template: &str) -> Option<Key> {
        let mut h = self.key.as_ref()?.clone();
        h.bytes(template.as_bytes());
        Some(h.finish())
    }
}

/// The keys of the pages of the last build written (by output path), and of this one.
#[derive(Debug, Default)]
pub(crate) struct PageMemo {
    /// The key of the templates the pages were made with.
    templates: Option<Key>,
    written: HashMap<String, Key>,
    made: Mutex<HashMap<String, Key>>,
    /// Pages of this build found unchanged (not rendered).
    unchanged: Mutex<Vec<String>>,
}

impl PageMemo {
    /// Make ready for pages made with templates whose sources have the key `templates`: if
    /// they changed (and then it says so), no page is taken as unchanged.
    pub(crate) fn for_templates(&mut self, templates: Key) -> bool {
        let changed = self.templates != Some(templates);
        if changed {
            self.clear();
            self.templates = Some(templates);
        }
        changed
    }

    /// Is the page at output `path`, filled from `ctx` with `template`, as it was written
    /// last? Its key is kept for the next build either way.
    pub(crate) fn unchanged(&self, path: &str, template: &str, ctx: &Ctx) -> bool {
        let Some(key) = ctx.key(template) else {
            return false;
        };
        let same = self.written.get(path) == Some(&key);
        lock(&self.made).insert(path.to_string(), key);
        if same {
            lock(&self.unchanged).push(path.to_string());
        }
        same
    }

    /// The pages of this build that were not rendered, being unchanged.
    pub(crate) fn take_unchanged(&self) -> Vec<String> {
        std::mem::take(&mut *lock(&self.unchanged))
    }

    /// This build's pages are now written: their keys are what the next build compares with.
    pub(crate) fn commit(&mut self) {
        let made = std::mem::take(self.made.get_mut().unwrap_or_else(|e| e.into_inner()));
        self.written = made;
        self.unchanged
            .get_mut()
            .unwrap_or_else(|e| e.into_inner())
            .clear();
    }

    /// This build was not written (it failed): forget what it made.
    pub(crate) fn discard(&mut self) {
        self.made
            .get_mut()
            .unwrap_or_else(|e| e.into_inner())
            .clear();
        self.unchanged
            .get_mut()
            .unwrap_or_else(|e| e.into_inner())
            .clear();
    }

    /// Forget everything: the next build renders every page.
    pub(crate) fn clear(&mut self) {
        self.written.clear();
        self.discard();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_is_unchanged_only_with_the_same_template_and_context_after_a_commit() {
        let ctx = |title: &str| {
            let mut c = Ctx::new(true);
            c.insert("page_title", title);
            c.insert("n", &3);
            c
        };
        let mut memo = PageMemo::default();
        assert!(!memo.unchanged("a/index.html", "page.html", &ctx("A")));
        // Not written yet: nothing is unchanged.
        memo.discard();
        assert!(!memo.unchanged("a/index.html", "page.html", &ctx("A")));
        memo.commit();
        assert!(memo.unchanged("a/index.html", "page.html", &ctx("A")));
        assert_eq!(memo.take_unchanged(), vec!["a/index.html".to_string()]);
        assert!(!memo.unchanged("a/index.html", "page.html", &ctx("B")));
        assert!(!memo.unchanged("a/index.html", "list.html", &ctx("A")));
        assert!(!memo.unchanged("b/index.html", "page.html", &ctx("A")));
        // An unkeyed context is never taken as unchanged.
        let mut plain = Ctx::new(false);
        plain.insert("page_title", "A");
        assert!(!memo.unchanged("a/index.html", "page.html", &plain));
        memo.clear();
        assert!(!memo.unchanged("a/index.html", "page.html", &ctx("A")));
    }

    #[test]
    fn keys_tell_values_apart_across_their_boundaries() {
        let key = |pairs: &[(&str, &str)]| {
            let mut c = Ctx::new(true);
            for (k, v) in pairs {
                c.insert(k, v);
            }
            c.key("t").unwrap()
        };
        assert_ne!(key(&[("a", "bc")]), key(&[("ab", "c")]));
        assert_ne!(key(&[("a", "b"), ("c", "d")]), key(&[("a", "b")]));
        assert_eq!(key(&[("a", "b")]), key(&[("a", "b")]));
        assert_ne!(key_of(b"ab"), key_of(b"ba"));
    }
}
