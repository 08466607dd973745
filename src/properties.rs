//! Property tests (proptest) where a round trip exists: the search index's encodings, slugs
//! (always a plain path inside the output folder), dates and months, and the learning index
//! written then read. Each runs a few hundred generated cases; a failing case is shrunk and
//! printed, and proptest keeps it in `proptest-regressions/` to try first next time.

use crate::config::Config;
use crate::content::{Date, MonthYear};
use crate::index::learning::{self, LearningIndex, Record, RecordRecommendation};
use crate::index::search::encode::{push_char, push_varint, BitReader, BitWriter, Reader};
use crate::index::search::postings::{decode_postings, encode_postings};
use proptest::prelude::*;
use std::path::{Component, Path};

/// `vals` written one after another with `push`, then read back with `read`: what was read,
/// and whether that was the whole text.
fn read_back(
    vals: &[u32],
    push: fn(&mut String, u32),
    read: fn(&mut Reader) -> u32,
) -> (Vec<u32>, bool) {
    let mut s = String::new();
    for &v in vals {
        push(&mut s, v);
    }
    let mut r = Reader::new(&s);
    let back = vals.iter().map(|_| read(&mut r)).collect();
    (back, r.done())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn varints_read_back(vals in prop::collection::vec(any::<u32>(), 0..50)) {
        prop_assert_eq!(read_back(&vals, push_varint, |r| r.varint()), (vals, true));
    }

    #[test]
    fn bit_streams_read_back(vals in prop::collection::vec((any::<u64>(), 1u32..=64), 0..40)) {
        let mut w = BitWriter::new();
        for &(v, bits) in &vals {
            w.write64(v, bits);
        }
        let s = w.finish();
        let mut r = BitReader::new(&s);
        for &(v, bits) in &vals {
            let mask = if bits == 64 { u64::MAX } else { (1u64 << bits) - 1 };
            prop_assert_eq!(r.read64(bits), v & mask);
        }
    }

    #[test]
    fn single_characters_read_back(vals in prop::collection::vec(0u32..64, 0..40)) {
        prop_assert_eq!(read_back(&vals, push_char, |r| r.char()), (vals, true));
    }

    /// Posting lists (sorted doc ids, impacts 1..=63 snapped to the 4-bit grid the client
    /// decodes) read back exactly, in both the gap and the bitmap encodings.
    #[test]
    fn postings_read_back(
        ids in prop::collection::btree_set(0u32..5000, 0..300),
        impacts in prop::collection::vec(1u8..=63, 300),
        extra_docs in 0usize..100,
    ) {
        let mut list: Vec<(u32, u8)> = ids.iter().zip(&impacts).map(|(&d, &q)| (d, q)).collect();
        crate::index::search::postings::requantise(&mut list);
        let n_docs = list.last().map_or(0, |p| p.0 as usize + 1) + extra_docs;
        prop_assert_eq!(decode_postings(&encode_postings(&list, n_docs)), list);
    }

    /// Text in the search files is a JavaScript string literal that reads back as it was.
    #[test]
    fn js_strings_read_back(s in any::<String>()) {
        let lit = crate::index::search::encode::js_string(&s);
        prop_assert!(!lit.contains(['\u{2028}', '\u{2029}']), "raw line separator in {:?}", lit);
        prop_assert_eq!(serde_json::from_str::<String>(&lit).ok(), Some(s));
    }

    /// Whatever a file is called and whatever its `slug:` says, a document that loads gets a
    /// URL whose page is a plain relative path (no `..`, no root, no empty or hidden segment)
    /// inside its section of the output folder.
    #[test]
    fn slugs_are_always_plain_paths_inside_the_output(
        stem in any::<String>(),
        slug in prop::option::of(any::<String>()),
        folder in prop::sample::select(vec!["reviews", "briefings", "learning-summaries", "", "guidance"]),
    ) {
        let stem = stem.replace(['/', '\\', '\0'], "");
        prop_assume!(!stem.is_empty());
        let rel = if folder.is_empty() {
            format!("content/{stem}.md")
        } else {
            format!("content/{folder}/{stem}.md")
        };
        let slug_line = slug
            .map(|s| format!("slug: {}\n", crate::index::search::encode::js_string(&s)))
            .unwrap_or_default();
        let text = format!("---\ntitle: \"A page\"\n{slug_line}---\nBody.\n");
        let root = Path::new("/site");
        let config = config();
        let parsed = crate::content::load::parse_document(
            root, &root.join(&rel), &rel, text, config, &config.vocabularies(),
        );
        if let Ok((doc, _)) = parsed {
            let page = format!("{}index.html", doc.url);
            let parts: Vec<Component> = Path::new(&page).components().collect();
            prop_assert!(
                parts.iter().all(|c| matches!(c, Component::Normal(n) if !n.to_string_lossy().starts_with('.'))),
                "{} gives page {:?}", rel, page
            );
            prop_assert!(!page.contains("//") && !page.contains('\\'), "{:?}", page);
            if !matches!(folder, "" | "guidance") {
                prop_assert!(page.starts_with(&format!("{folder}/")), "{:?}", page);
                prop_assert!(parts.len() >= 3, "{:?} is not inside its section", page);
            }
        }
    }

    #[test]
    fn months_read_back(year in 0i32..=9999, month in 1u32..=12) {
        let m = MonthYear { year, month };
        prop_assert_eq!(MonthYear::parse(&m.iso()), Ok(m));
    }

    #[test]
    fn dates_read_back(days in 0i64..3_600_000) {
        let d = chrono::NaiveDate::from_ymd_opt(1, 1, 1).unwrap() + chrono::Duration::days(days);
        let date = Date(d);
        prop_assert_eq!(Date::parse(&date.iso()).ok(), Some(date));
    }

    /// A month that is read is written back as it was typed (no other spelling is taken).
    #[test]
    fn months_read_only_their_one_spelling(s in "[+0-9]{4}-[+0-9]{2}|[ +0-9]{3,5}-[ +0-9]{1,3}|\\PC{0,12}") {
        if let Ok(m) = MonthYear::parse(&s) {
            prop_assert_eq!(m.iso(), s.trim());
        }
    }

    /// Any learning index learnsite could write reads back the same, in both layouts.
    #[test]
    fn learning_indexes_read_back(index in learning_index()) {
        prop_assert_eq!(learning::parse_index(&learning::to_json(&index)), Ok(index.clone()));
        prop_assert_eq!(learning::parse_index(&learning::to_json_compact(&index)), Ok(index));
    }
}

fn config() -> &'static Config {
    static C: std::sync::OnceLock<Config> = std::sync::OnceLock::new();
    C.get_or_init(|| {
        Config::parse(
            "title: T\nbase_url: https://learning.test.example/\n",
            "learnsite.yaml",
        )
        .unwrap()
    })
}

/// Text with something in it: any characters (quotes, `</script>`, emoji, controls).
fn text() -> impl Strategy<Value = String> {
    any::<String>().prop_map(|s| format!("x{s}"))
}

fn date() -> impl Strategy<Value = String> {
    (1000i32..=9999, 1u32..=12, 1u32..=28).prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}"))
}

fn month() -> impl Strategy<Value = String> {
    (1000i32..=9999, 1u32..=12).prop_map(|(y, m)| format!("{y:04}-{m:02}"))
}

fn recommendation() -> impl Strategy<Value = RecordRecommendation> {
    use crate::content::RecommendationStatus;
    (
        (
            text(),
            text(),
            prop::option::of(text()),
            prop::option::of(month()),
            prop::option::of(text()),
        ),
        (
            prop::sample::select(RecommendationStatus::ALL.to_vec()),
            prop::option::of(month()),
            text(),
            prop::collection::vec((date(), text()), 0..3),
            prop::collection::vec(text(), 0..3),
        ),
    )
        .prop_map(
            |((id, text, owner, due, evidence), (status, revised_due, reason, updates, agency))| {
                RecordRecommendation {
                    id,
                    text,
                    owner,
                    due,
                    status,
                    evidence,
                    agency,
                    revised_due,
                    // Version 2: a recommendation not implemented always says why.
                    reason: (status == RecommendationStatus::NotImplemented).then_some(reason),
                    updates: updates
                        .into_iter()
                        .map(|(date, text)| learning::RecordUpdate { date, text })
                        .collect(),
                    scope: None,
                    themes: Vec::new(),
                }
            },
        )
}

fn record() -> impl Strategy<Value = Record> {
    let labelled = || prop::collection::vec((text(), text()), 0..4);
    (
        (
            prop::sample::select(vec!["review", "briefing", "learning-summary"]),
            text(),
            text(),
            text(),
            prop::option::of(text()),
            prop::option::of(text()),
        ),
        (labelled(), labelled()),
        (
            prop::option::of(date()),
            prop::option::of(month()),
            prop::option::of(month()),
            prop::option::of(text()),
        ),
        prop::collection::vec(recommendation(), 0..3),
    )
        .prop_map(
            |(
                (kind, title, path, slug, board, summary),
                (themes, methods),
                (published, incident, completed, reference),
                recommendations,
            )| {
                let (themes, theme_labels) = themes.into_iter().unzip();
                let (methodology, methodology_labels) = methods.into_iter().unzip();
                let commissioned = completed.clone();
                Record {
                    kind: kind.to_string(),
                    title,
                    url: format!("https://learning.test.example/{path}"),
                    slug,
                    board,
                    region: None,
                    review_type: None,
                    review_type_label: None,
                    methodology,
                    methodology_labels,
                    themes,
                    theme_labels,
                    abuse_types: Vec::new(),
                    incident,
                    published,
                    completed,
                    reference,
                    summary,
                    review: None,
                    recommendations,
                    built: None,
                    commissioned,
                    ..Default::default()
                }
            },
        )
}

fn learning_index() -> impl Strategy<Value = LearningIndex> {
    (
        text(),
        prop::option::of(text()),
        date(),
        prop::collection::vec(record(), 0..4),
    )
        .prop_map(|(site_title, board, built, records)| LearningIndex {
            schema: learning::SCHEMA.to_string(),
            version: learning::VERSION,
            site_title,
            base_url: Some("https://learning.test.example/".into()),
            board,
            region: None,
            built,
            generator: learning::generator(),
            sources: Vec::new(),
            records,
            ongoing: Vec::new(),
        })
}
