//! The labels a document is filed under, as searchable text: its type, review type, themes,
//! methodology and abuse types, each by its label and by the other names its vocabulary gives
//! it (`SAR`, `MCA`, `county lines`). They are indexed as a field of every document, on board
//! and regional sites alike, and a quoted phrase matches them as it matches the text.

use std::collections::HashMap;

use super::SearchDoc;
use crate::vocab::{Vocab, Vocabularies};

/// Other names of the labels, by facet (`review_type`, `theme`, `methodology`, `abuse_type`)
/// and slug. [`Aliases::none`] has none: then only the labels themselves are searchable.
#[derive(Debug, Clone, Default)]
pub(crate) struct Aliases {
    by: HashMap<(&'static str, String), Vec<String>>,
}

impl Aliases {
    /// The aliases of a site's vocabularies (the defaults plus its `learnsite.yaml` terms).
    pub(crate) fn from_vocab(v: &Vocabularies) -> Aliases {
        let mut by = HashMap::new();
        let lists: [(&'static str, &Vocab); 4] = [
            ("review_type", &v.review_types),
            ("theme", &v.themes),
            ("methodology", &v.methodologies),
            ("abuse_type", &v.abuse_types),
        ];
        for (facet, vocab) in lists {
            for t in &vocab.terms {
                let mut names: Vec<String> = Vec::new();
                for a in &t.aliases {
                    let a = a.trim();
                    // An alias that only repeats the label adds nothing.
                    if !a.is_empty()
                        && !a.eq_ignore_ascii_case(&t.label)
                        && !names.iter().any(|n| n.eq_ignore_ascii_case(a))
                    {
                        names.push(a.to_string());
                    }
                }
                if !names.is_empty() {
                    by.insert((facet, t.slug.clone()), names);
                }
            }
        }
        Aliases { by }
    }

    /// The aliases of the default vocabularies (what a regional site and a board site without
    /// vocabulary extensions use).
    pub(crate) fn defaults() -> Aliases {
        Aliases::from_vocab(&Vocabularies::defaults())
    }

    /// Other names of one value of a facet.
    pub(crate) fn of(&self, facet: &'static str, slug: &str) -> &[String] {
        self.by
            .get(&(facet, slug.to_string()))
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }
}

/// The label texts of a document: its type (not for plain pages), review type, themes,
/// methodology and abuse types, then their aliases, then the review's reference (a code such
/// as `NS-SAR-2024-01` is a label of the review: found when typed whole, not by its parts in
/// the text of other reviews).
pub(crate) fn label_texts<'a>(doc: &'a SearchDoc, aliases: &'a Aliases) -> Vec<&'a str> {
    let mut out: Vec<&str> = Vec::new();
    if doc.kind != "page" && !doc.kind_label.is_empty() {
        out.push(&doc.kind_label);
    }
    let groups: [(&'static str, &[(String, String)]); 4] = [
        ("review_type", doc.review_type.as_slice()),
        ("theme", &doc.themes),
        ("methodology", &doc.methodology),
        ("abuse_type", &doc.abuse_types),
    ];
    for (_, values) in groups {
        out.extend(values.iter().map(|(_, l)| l.as_str()));
    }
    for (facet, values) in groups {
        for (slug, _) in values {
            out.extend(aliases.of(facet, slug).iter().map(String::as_str));
        }
    }
    out.extend(
        doc.reference
            .as_deref()
            .map(str::trim)
            .filter(|r| !r.is_empty()),
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_and_aliases_of_a_document() {
        let aliases = Aliases::from_vocab(&Vocabularies::defaults());
        let doc = SearchDoc {
            kind: "review".into(),
            kind_label: "Review summary".into(),
            review_type: Some(("sar".into(), "Safeguarding Adults Review".into())),
            themes: vec![(
                "mental-capacity".into(),
                "Mental capacity and best interests".into(),
            )],
            ..Default::default()
        };
        let t = label_texts(&doc, &aliases);
        assert_eq!(
            &t[..3],
            [
                "Review summary",
                "Safeguarding Adults Review",
                "Mental capacity and best interests"
            ]
        );
        for a in ["SAR", "MCA", "best interests"] {
            assert!(t.contains(&a), "{a} in {t:?}");
        }
        let page = SearchDoc {
            kind: "page".into(),
            kind_label: "Page".into(),
            ..Default::default()
        };
        assert!(label_texts(&page, &aliases).is_empty());
    }
}
