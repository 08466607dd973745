//! Phrases of several words whose words are never a person's name where the whole phrase stands.

use super::{lower_into, FastMap, FastSet, GAZETTEER, TITLE};

/// Multi-word phrases (national bodies, agencies, pseudonyms, allowed place names) whose
/// words are never read as a person's name where the whole phrase appears.
#[derive(Debug, Default, Clone)]
pub(crate) struct Phrases {
    /// By first word: whether the word alone is a phrase, and the longer phrases by their
    /// second word (so a common first word such as "north" or "st" costs one more lookup, not
    /// a walk over every phrase that starts with it).
    by_first: FastMap<String, FirstWord>,
}

#[derive(Debug, Default, Clone)]
struct FirstWord {
    single: bool,
    /// Second word → the phrases' words from the third on, longest first.
    by_second: FastMap<String, Vec<Vec<String>>>,
}

/// The words of `text`, lower-cased, possessives dropped.
fn lower_words(text: &str) -> Vec<String> {
    let mut toks = Vec::new();
    crate::lint::scan::tokens(text, 0, text.len(), &mut toks);
    let mut buf = String::new();
    toks.iter()
        .map(|t| {
            lower_into(&text[t.start..t.end], &mut buf);
            buf.clone()
        })
        .collect()
}

impl Phrases {
    pub(crate) fn new(list: impl IntoIterator<Item = impl AsRef<str>>) -> Phrases {
        let mut by_first: FastMap<String, FirstWord> = FastMap::default();
        for p in list {
            let words = lower_words(p.as_ref());
            let Some(first) = words.first() else { continue };
            let entry = by_first.entry(first.clone()).or_default();
            match words.get(1) {
                None => entry.single = true,
                Some(second) => entry
                    .by_second
                    .entry(second.clone())
                    .or_default()
                    .push(words[2..].to_vec()),
            }
        }
        for f in by_first.values_mut() {
            for v in f.by_second.values_mut() {
                v.sort_by_key(|w| std::cmp::Reverse(w.len()));
            }
        }
        Phrases { by_first }
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.by_first.is_empty()
    }

    /// Is the whole of `text` one of the phrases (any case)?
    pub(crate) fn contains_text(&self, text: &str) -> bool {
        if self.is_empty() {
            return false;
        }
        let words = lower_words(text);
        if words.is_empty() {
            return false;
        }
        self.longest_at(0, words.len(), |j| words[j].as_str(), |_| true) == words.len()
    }

    /// How many tokens from `i` on form one of the phrases (0 if none); `low(j)` gives the
    /// lower-case token `j` and `joined(j)` whether tokens `j` and `j + 1` are next to each other.
    pub(crate) fn longest_at<'a>(
        &self,
        i: usize,
        n: usize,
        low: impl Fn(usize) -> &'a str,
        joined: impl Fn(usize) -> bool,
    ) -> usize {
        let Some(first) = self.by_first.get(low(i)) else {
            return 0;
        };
        if i + 1 < n && joined(i) {
            if let Some(cands) = first.by_second.get(low(i + 1)) {
                'next: for c in cands {
                    if i + 2 + c.len() > n {
                        continue;
                    }
                    for (k, w) in c.iter().enumerate() {
                        if !joined(i + 1 + k) || low(i + 2 + k) != w {
                            continue 'next;
                        }
                    }
                    return 2 + c.len();
                }
            }
        }
        usize::from(first.single)
    }
}

/// Words of a list of phrases, lower-cased, for an allow set.
pub(crate) fn phrase_words(
    phrases: impl IntoIterator<Item = impl AsRef<str>>,
    into: &mut FastSet<String>,
) {
    let mut toks = Vec::new();
    let mut buf = String::new();
    for p in phrases {
        let p = p.as_ref();
        crate::lint::scan::tokens(p, 0, p.len(), &mut toks);
        for t in &toks {
            lower_into(&p[t.start..t.end], &mut buf);
            if buf.chars().count() >= 2 && GAZETTEER.class(&buf) & TITLE == 0 {
                into.insert(buf.clone());
            }
            // "Ellie-Mae" is also written "Ellie Mae", and a file name or slug splits it.
            if buf.contains('-') {
                for part in buf.split('-') {
                    if part.chars().count() >= 2 && GAZETTEER.class(part) & TITLE == 0 {
                        into.insert(part.to_string());
                    }
                }
            }
        }
    }
}
