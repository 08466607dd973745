//! The author's private list of real names.

use super::{lower_into, FastMap, GAZETTEER, NOT_NAME, TITLE, WORD};

/// The author's private list of real names, matched exactly (any case, possessive) and
/// one edit away (a deletion neighbourhood per name part).
#[derive(Debug, Default, Clone)]
pub(crate) struct KnownNames {
    /// lower-case name part → whether it is an everyday word (then only capitalised use counts).
    parts: FastMap<String, bool>,
    /// deletion variant (and the part itself) → the part it came from.
    variants: FastMap<String, String>,
    min_len: usize,
    max_len: usize,
    /// First and second letters of the parts: a token one edit away starts with one of them
    /// or has one of them second.
    lead: [u64; 4],
    /// First bytes of the parts, and their byte lengths (bit n: a part of n bytes; 63: longer).
    first: [u64; 4],
    lens: u64,
    /// The letters (see [`letter_mask`]) of the parts of four letters or more, by their length
    /// in characters: one edit changes at most two letters of the set.
    masks: Vec<Vec<u32>>,
    /// Number of names listed.
    pub(crate) count: usize,
}

impl KnownNames {
    pub(crate) fn parse(text: &str) -> KnownNames {
        let mut k = KnownNames {
            min_len: usize::MAX,
            ..Default::default()
        };
        let gz = &*GAZETTEER;
        let mut buf = String::new();
        for line in text.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            k.count += 1;
            let mut toks = Vec::new();
            crate::lint::scan::tokens(line, 0, line.len(), &mut toks);
            for t in toks {
                lower_into(&line[t.start..t.end], &mut buf);
                let class = gz.class(&buf);
                if buf.chars().count() < 2 || class & TITLE != 0 {
                    continue;
                }
                let common = class & (WORD | NOT_NAME) != 0;
                k.parts.insert(buf.clone(), common);
                if let Some(&f) = buf.as_bytes().first() {
                    k.first[usize::from(f >> 6)] |= 1 << (f & 63);
                }
                k.lens |= 1u64 << buf.len().min(63);
                let n = buf.chars().count();
                if n >= 4 && !common {
                    k.min_len = k.min_len.min(n);
                    k.max_len = k.max_len.max(n);
                    for &b in buf.as_bytes().iter().take(2) {
                        k.lead[usize::from(b >> 6)] |= 1 << (b & 63);
                    }
                    if k.masks.len() <= n {
                        k.masks.resize(n + 1, Vec::new());
                    }
                    k.masks[n].push(letter_mask(&buf));
                    k.variants.insert(buf.clone(), buf.clone());
                    for d in deletions(&buf) {
                        k.variants.entry(d).or_insert_with(|| buf.clone());
                    }
                }
            }
        }
        k
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.parts.is_empty()
    }

    /// Is this lower-case token exactly a known name part? `Some(is_common_word)`.
    pub(crate) fn exact(&self, lower: &str) -> Option<bool> {
        let b = lower.as_bytes();
        let first = *b.first()?;
        // Cheap filters before hashing: first letter and length of some part.
        if self.first[usize::from(first >> 6)] & (1 << (first & 63)) == 0
            || self.lens & (1u64 << b.len().min(63)) == 0
        {
            return None;
        }
        self.parts.get(lower).copied()
    }

    /// A cheap test: could this token be one edit away from a known name part?
    pub(crate) fn may_be_near(&self, lower: &str) -> bool {
        if self.variants.is_empty() {
            return false;
        }
        let b = lower.as_bytes();
        let n = lower.chars().count();
        if n + 1 < self.min_len || n > self.max_len + 1 || n < 4 || b.len() < 2 {
            return false;
        }
        let has = |c: u8| self.lead[usize::from(c >> 6)] & (1 << (c & 63)) != 0;
        if !has(b[0]) && !has(b[1]) {
            return false;
        }
        let m = letter_mask(lower);
        self.masks
            .get(n - 1..(n + 2).min(self.masks.len()))
            .unwrap_or(&[])
            .iter()
            .flatten()
            .any(|pm| (pm ^ m).count_ones() <= 2)
    }

    /// Is this token one edit (insertion, deletion, substitution or transposition) away
    /// from a known name part of four letters or more?
    pub(crate) fn near(&self, lower: &str) -> bool {
        if self.variants.contains_key(lower) {
            return true;
        }
        let mut v = String::with_capacity(lower.len());
        for (i, c) in lower.char_indices() {
            v.clear();
            v.push_str(&lower[..i]);
            v.push_str(&lower[i + c.len_utf8()..]);
            if self.variants.contains_key(v.as_str()) {
                return true;
            }
        }
        false
    }

    /// Is this lower-case token a known name part, exactly or one edit away?
    /// Returns (exact, is_common_word); `is_word` says whether the token is an everyday word
    /// (everyday words are never taken as misspellings).
    pub(crate) fn lookup(&self, lower: &str, is_word: bool) -> Option<(bool, bool)> {
        if let Some(common) = self.exact(lower) {
            return Some((true, common));
        }
        if !is_word && self.may_be_near(lower) && self.near(lower) {
            return Some((false, false));
        }
        None
    }
}

/// The set of letters of a lower-case word as bits: `a` to `z`, and any other character in
/// one of six more bits.
fn letter_mask(w: &str) -> u32 {
    let b = w.as_bytes();
    if b.iter().all(u8::is_ascii_lowercase) {
        return b.iter().fold(0, |m, c| m | 1 << (c - b'a'));
    }
    w.chars().fold(0, |m, c| {
        m | if c.is_ascii_lowercase() {
            1 << (c as u32 - 'a' as u32)
        } else {
            1 << (26 + c as u32 % 6)
        }
    })
}

/// Every string made by deleting one character.
fn deletions(s: &str) -> Vec<String> {
    let idx: Vec<usize> = s.char_indices().map(|(i, _)| i).collect();
    let mut out = Vec::with_capacity(idx.len());
    for (k, &i) in idx.iter().enumerate() {
        let next = idx.get(k + 1).copied().unwrap_or(s.len());
        let mut v = String::with_capacity(s.len());
        v.push_str(&s[..i]);
        v.push_str(&s[next..]);
        out.push(v);
    }
    out
}
