//! A board's learning index, made from the documents a build publishes.

use super::*;
use crate::config::Config;
use crate::content::{Document, Kind};
use crate::vocab::{Vocab, Vocabularies};
use chrono::NaiveDate;

fn label_of(v: &Vocab, slug: &str) -> String {
    v.by_slug(slug)
        .map(|t| t.label.clone())
        .unwrap_or_else(|| slug.to_string())
}

/// The labels of `slugs` in `v`, one per slug.
fn labels_of(v: &Vocab, slugs: &[String]) -> Vec<String> {
    slugs.iter().map(|s| label_of(v, s)).collect()
}

fn non_empty(s: Option<&str>) -> Option<String> {
    s.map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

/// One record for a document (pages have none).
pub(crate) fn record_for(config: &Config, vocab: &Vocabularies, doc: &Document) -> Option<Record> {
    if doc.kind == Kind::Page {
        return None;
    }
    let m = &doc.meta;
    Some(Record {
        kind: doc.kind.as_str().to_string(),
        title: doc.title.clone(),
        url: config.absolute_url(&doc.url),
        slug: doc.slug.clone(),
        board: non_empty(doc.board(config)),
        region: non_empty(doc.region(config)),
        review_type: m.review_type.clone(),
        review_type_label: m
            .review_type
            .as_deref()
            .map(|s| label_of(&vocab.review_types, s)),
        methodology: m.methodology.clone(),
        methodology_labels: labels_of(&vocab.methodologies, &m.methodology),
        themes: m.themes.clone(),
        theme_labels: labels_of(&vocab.themes, &m.themes),
        abuse_types: m.abuse_types.clone(),
        incident: m.incident.map(|i| i.iso()),
        published: m.published.map(|d| d.iso()),
        completed: m.completed.map(|c| c.iso()),
        reference: non_empty(m.reference.as_deref()),
        summary: non_empty(m.summary.as_deref()),
        review: non_empty(m.review.as_deref()),
        recommendations: m.recommendations.iter().map(Into::into).collect(),
        built: None,
        commissioned: m.commissioned.map(|c| c.iso()),
        quality_markers: m
            .quality_markers
            .iter()
            .map(|(k, q)| {
                (
                    k.clone(),
                    RecordMarker {
                        status: q.status,
                        evidence: q.evidence.clone(),
                    },
                )
            })
            .collect(),
        impact: m.impact.as_ref().map(Into::into),
        person: m
            .person
            .as_ref()
            .filter(|p| !p.is_empty())
            .map(|p| record_person(vocab, p)),
        learning: (doc.kind == Kind::LearningSummary)
            .then(|| sections::learning_sections(doc.body()))
            .filter(|l| *l != LearningSections::default()),
        pseudonym: m
            .pseudonyms
            .first()
            .map(|p| p.trim().to_string())
            .filter(|p| !p.is_empty()),
        feedback: None,
    })
}

fn record_person(vocab: &Vocabularies, p: &crate::content::Person) -> RecordPerson {
    RecordPerson {
        age_band: p.age_band.clone(),
        sex: p.sex.clone(),
        ethnicity: p.ethnicity.clone(),
        disability: p.disability.clone(),
        care_and_support_needs: p.care_and_support_needs.clone(),
        relationship_to_perpetrator: p.relationship_to_perpetrator.clone(),
        labels: p
            .codes()
            .into_iter()
            .flat_map(|(k, v)| v.into_iter().map(move |s| (k, s)))
            .map(|(k, s)| (s.to_string(), vocab.label(k, s)))
            .collect(),
    }
}

/// What a listing may say of an ongoing review (no title, summary or body).
pub(crate) fn ongoing_for(config: &Config, vocab: &Vocabularies, doc: &Document) -> OngoingReview {
    let m = &doc.meta;
    OngoingReview {
        board: non_empty(doc.board(config)),
        reference: non_empty(m.reference.as_deref()),
        review_type: m.review_type.clone(),
        review_type_label: m
            .review_type
            .as_deref()
            .map(|s| label_of(&vocab.review_types, s)),
        commissioned: m.commissioned.map(|c| c.iso()),
        themes: m.themes.clone(),
        theme_labels: labels_of(&vocab.themes, &m.themes),
        built: None,
    }
}

fn kind_rank(kind: &str) -> usize {
    RECORD_KINDS
        .iter()
        .position(|k| *k == kind)
        .unwrap_or(RECORD_KINDS.len())
}

/// Sort records: by kind, newest first, then slug; stable across builds.
pub(crate) fn sort_records(records: &mut [Record]) {
    records.sort_by(record_order);
}

/// The order of records in every index: by kind, newest first, then slug.
pub(crate) fn record_order(a: &Record, b: &Record) -> std::cmp::Ordering {
    kind_rank(&a.kind)
        .cmp(&kind_rank(&b.kind))
        .then_with(|| b.published.cmp(&a.published))
        .then_with(|| a.slug.cmp(&b.slug))
}

/// The generator string written into every index.
pub fn generator() -> String {
    format!("learnsite {}", env!("CARGO_PKG_VERSION"))
}

/// The learning index of a board's build. `docs` are the documents visible to the build's
/// audience; pages are skipped; `ongoing` are the ongoing reviews it lists without their
/// content. `today` is the build date.
pub fn build_learning_index(
    config: &Config,
    vocab: &Vocabularies,
    docs: &[&Document],
    ongoing: &[&Document],
    today: NaiveDate,
) -> LearningIndex {
    let mut records: Vec<Record> = docs
        .iter()
        .filter_map(|d| record_for(config, vocab, d))
        .collect();
    sort_records(&mut records);
    LearningIndex {
        schema: SCHEMA.to_string(),
        version: VERSION,
        site_title: config.title.clone(),
        base_url: Some(config.base_url.clone()),
        board: non_empty(config.board.as_deref()),
        region: non_empty(config.region.as_deref()),
        built: today.format("%Y-%m-%d").to_string(),
        generator: generator(),
        sources: Vec::new(),
        records,
        ongoing: ongoing
            .iter()
            .map(|d| ongoing_for(config, vocab, d))
            .collect(),
    }
}

/// The index as pretty-printed JSON, ending in a newline.
pub fn to_json(index: &LearningIndex) -> String {
    let mut s = serde_json::to_string_pretty(index).expect("a learning index always serialises");
    s.push('\n');
    s
}

/// The index as compact JSON (no indentation), ending in a newline: for large (collated) indexes.
pub(crate) fn to_json_compact(index: &LearningIndex) -> String {
    let mut s = serde_json::to_string(index).expect("a learning index always serialises");
    s.push('\n');
    s
}
