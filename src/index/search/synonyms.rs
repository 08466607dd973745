//! The sector synonym list (`synonyms.yaml`, shipped in the binary and, analysed, in the search
//! manifest): groups of words and phrases practitioners use for the same thing.

use std::sync::OnceLock;

use serde::Deserialize;

use super::text::{is_stop_word, tokens, Token};

const SYNONYMS: &str = include_str!("synonyms.yaml");

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    groups: Vec<Vec<String>>,
}

/// One entry of a group, analysed as queries are: its tokens without stop words.
pub(crate) type Expression = Vec<Token>;

/// The groups, analysed. Entries that analyse to nothing are dropped.
pub(crate) fn groups() -> &'static [Vec<Expression>] {
    static GROUPS: OnceLock<Vec<Vec<Expression>>> = OnceLock::new();
    GROUPS.get_or_init(|| {
        let f: File = serde_norway::from_str(SYNONYMS).expect("synonyms.yaml is valid (tested)");
        f.groups
            .iter()
            .map(|g| {
                let mut out: Vec<Expression> = Vec::new();
                for e in g {
                    let ex = expression(e);
                    if !ex.is_empty() && !out.iter().any(|o| key(o) == key(&ex)) {
                        out.push(ex);
                    }
                }
                out
            })
            .filter(|g| g.len() > 1)
            .collect()
    })
}

/// The dictionary word under which the index holds group `gi`'s documents: a control
/// character and the group's number, which no typed word can be.
pub(crate) fn concept_word(gi: usize) -> String {
    format!("\u{1}{gi}")
}

/// The words to highlight for a concept word: every word of its group's entries, hyphenated
/// ones whole and by their parts (none for any other word).
pub(crate) fn concept_highlights(word: &str) -> Option<Vec<String>> {
    let gi: usize = word.strip_prefix('\u{1}')?.parse().ok()?;
    let mut out: Vec<String> = Vec::new();
    for t in groups().get(gi)?.iter().flatten() {
        let joined = t.joined();
        for w in t.parts.iter().chain(std::iter::once(&joined)) {
            if !out.contains(w) {
                out.push(w.clone());
            }
        }
    }
    Some(out)
}

/// An entry's tokens, stop words dropped.
pub(crate) fn expression(text: &str) -> Expression {
    tokens(text)
        .into_iter()
        .filter(|t| !(t.parts.len() == 1 && is_stop_word(&t.parts[0])))
        .collect()
}

/// What an expression is matched by: its tokens' joined forms (`co-sleeping` = `cosleeping`).
pub(crate) fn key(e: &[Token]) -> Vec<String> {
    e.iter().map(Token::joined).collect()
}

/// The groups as the manifest carries them: each entry written as its tokens separated by
/// spaces, a token's parts by `-` (`co-sleeping`, `safe sleep`).
pub(crate) fn manifest_groups() -> Vec<Vec<String>> {
    groups()
        .iter()
        .map(|g| {
            g.iter()
                .map(|e| {
                    e.iter()
                        .map(|t| t.parts.join("-"))
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_parses_and_analyses() {
        let f: File = serde_norway::from_str(SYNONYMS).unwrap();
        assert!(f.groups.len() >= 30, "{}", f.groups.len());
        assert_eq!(
            groups().len(),
            f.groups.len(),
            "no group analyses to one entry"
        );
        let safe = groups()
            .iter()
            .find(|g| g.iter().any(|e| key(e) == ["safe", "sleep"]))
            .expect("safe sleep");
        assert!(safe.iter().any(|e| key(e) == ["safer", "sleep"]));
        assert!(
            safe.iter().any(|e| key(e) == ["cosleeping"]),
            "hyphenated entry is one token"
        );
        // stop words go: "drugs and alcohol" is matched by drugs, alcohol
        assert!(groups()
            .iter()
            .flatten()
            .any(|e| key(e) == ["drugs", "alcohol"]));
        let m = manifest_groups();
        assert!(m.iter().flatten().any(|e| e == "co-sleeping"));
    }
}
