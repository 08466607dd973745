//! Checks across a site's documents: two documents at one web address, and `review:` links
//! to reviews that do not exist.

use crate::content::frontmatter::{locate_value, top_level_keys};
use crate::content::model::*;
use crate::diagnostics::{self, Diagnostic};
use std::collections::HashMap;

/// Checks across documents: duplicate URLs and `review:` links.
pub(super) fn check_site(
    documents: &mut Vec<Document>,
    diags: &mut Vec<Diagnostic>,
    unpublishable: &mut Vec<Document>,
) {
    let mut by_url: HashMap<String, usize> = HashMap::new();
    let mut drop = vec![false; documents.len()];
    // Deterministic: files were walked in sorted order.
    for (i, d) in documents.iter().enumerate() {
        if let Some(&j) = by_url.get(&d.url) {
            let first = &documents[j];
            let line = key_line(d, "slug").unwrap_or(1);
            diags.push(
                Diagnostic::error(
                    "content/duplicate-slug",
                    &d.rel_path,
                    line,
                    1,
                    format!(
                        "this document has the same web address (/{}) as {}",
                        d.url, first.rel_path
                    ),
                )
                .with_hint("rename one of the files, or give one a different `slug:`")
                .with_source(&d.source),
            );
            drop[i] = true;
        } else {
            by_url.insert(d.url.clone(), i);
        }
    }
    let reviews: HashMap<&str, &Document> = documents
        .iter()
        .filter(|d| d.kind == Kind::Review)
        .map(|d| (d.slug.as_str(), d))
        .collect();
    for d in documents.iter() {
        if let Some(r) = &d.meta.review {
            if !reviews.contains_key(r.as_str()) {
                let (line, col) =
                    locate_value(&d.source[..d.body_offset], 1, "review", r).unwrap_or((1, 1));
                let mut dg = Diagnostic::error(
                    "content/unknown-review",
                    &d.rel_path,
                    line,
                    col,
                    format!("`review: {r}` names a review that does not exist"),
                )
                .with_len(r.chars().count());
                dg = match diagnostics::nearest(r, reviews.keys().copied()) {
                    Some(s) => dg.with_hint(format!("did you mean `{s}`? The value is the file name of a review in content/reviews/ without `.md`")),
                    None => dg.with_hint("the value is the file name of a review in content/reviews/ without `.md`"),
                };
                diags.push(dg.with_source(&d.source));
            }
        }
    }
    // A document left out here is still linted.
    for (d, gone) in std::mem::take(documents).into_iter().zip(drop) {
        if gone {
            unpublishable.push(d);
        } else {
            documents.push(d);
        }
    }
}

fn key_line(d: &Document, key: &str) -> Option<usize> {
    let (a, b) = d.front_matter_lines;
    let yaml: String = d
        .source
        .lines()
        .skip(a - 1)
        .take(b + 1 - a)
        .collect::<Vec<_>>()
        .join("\n");
    top_level_keys(&yaml, a)
        .into_iter()
        .find(|k| k.key == key)
        .map(|k| k.line)
}
