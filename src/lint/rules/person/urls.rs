//! Names in web addresses and link targets.

use super::NAME_MSG;
use crate::lint::names::{self, GAZETTEER};
use crate::lint::rules::Hit;
use crate::lint::DocCtx;

/// Names in URLs and link targets: lower-case slugs such as `karen-walsh`.
pub(super) fn urls(ctx: &DocCtx, hits: &mut Vec<Hit>) {
    let t = ctx.text;
    // Is there a "://" or a "](" anywhere? (Two searches of the whole text were a fifth of this.)
    let b = t.as_bytes();
    let any = memchr::memchr2_iter(b':', b']', b).any(|i| {
        let after: &[u8] = if b[i] == b':' { b"//" } else { b"(" };
        b[i + 1..].starts_with(after)
    });
    if !any {
        return;
    }
    let gz = &*GAZETTEER;
    let mut pos = 0;
    while let Some(rel) = t[pos..].find([':', ']']) {
        let at = pos + rel;
        pos = at + 1;
        let start = if t[at..].starts_with("://") {
            t[..at]
                .char_indices()
                .rev()
                .find(|(_, c)| !c.is_ascii_alphabetic())
                .map(|(i, c)| i + c.len_utf8())
                .unwrap_or(0)
        } else if t[at..].starts_with("](") {
            at + 2
        } else {
            continue;
        };
        let end = t[start..]
            .find(|c: char| c.is_whitespace() || c == ')' || c == '>' || c == '"')
            .map(|i| start + i)
            .unwrap_or(t.len());
        if end <= start {
            continue;
        }
        pos = pos.max(end);
        let url = &t[start..end];
        // Runs of ASCII letters with their byte offsets (a separator may be any character,
        // of any length in bytes).
        let mut words: Vec<(usize, &str)> = Vec::new();
        let mut run: Option<usize> = None;
        for (i, c) in url.char_indices().chain([(url.len(), ' ')]) {
            if c.is_ascii_alphabetic() {
                run.get_or_insert(i);
            } else if let Some(b) = run.take() {
                if i - b >= 2 {
                    words.push((b, &url[b..i]));
                }
            }
        }
        // The host name (www.bbc.co.uk) names an organisation: only the path is read.
        let path_from = url
            .find("://")
            .map(|i| i + 3)
            .and_then(|h| url[h..].find('/').map(|p| h + p))
            .unwrap_or(0);
        for pair in words.windows(2) {
            let (o1, w1) = pair[0];
            let (o2, w2) = pair[1];
            if o2 != o1 + w1.len() + 1 || o1 < path_from || w2.len() < 3 {
                continue;
            }
            // Words joined by a dot are a file name and its extension, not a name.
            if url.as_bytes().get(o1 + w1.len()) == Some(&b'.') {
                continue;
            }
            let (l1, l2) = (w1.to_ascii_lowercase(), w2.to_ascii_lowercase());
            let (c1, c2) = (gz.class(&l1), gz.class(&l2));
            let clear =
                |c: names::Class| c & (names::WORD | names::AMBIGUOUS | names::NOT_NAME) == 0;
            // A first name (or an unknown word that is no everyday word) then a surname.
            let first_ok = (c1 & names::FIRST_NAME != 0 || c1 == 0 && l1.len() >= 4) && clear(c1);
            if first_ok
                && c2 & names::SURNAME != 0
                && clear(c2)
                && !ctx.is_doc_word(&l1)
                && !ctx.is_doc_word(&l2)
                && !ctx.allow_words.contains(&l1)
            {
                hits.push(Hit::new(
                    "pii/person-name",
                    start + o1,
                    start + o2 + w2.len(),
                    NAME_MSG,
                ));
            }
        }
    }
}
