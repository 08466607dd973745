//! One file's front-matter values, once they have the right types: vocabulary terms (which
//! become their slugs), the person's codes, tracked recommendations, impact, Quality
//! Markers, and the rules between fields (periods in order, unique ids, a real link).

use super::document::Place;
use crate::content::model::*;
use crate::diagnostics::{self, Diagnostic};
use crate::vocab::{VocabKind, Vocabularies};

/// Check every value of `meta`, turning vocabulary words into their terms' slugs and Quality
/// Marker keys into their slugs. Errors go to `errs`, in the order of the checks.
pub(super) fn check(at: &Place, vocab: &Vocabularies, meta: &mut Meta, errs: &mut Vec<Diagnostic>) {
    vocabulary_fields(at, vocab, meta, errs);
    if let Some(p) = &mut meta.person {
        person(at, vocab, p, errs);
    }
    recommendations(at, meta, errs);
    if let Some(i) = &meta.impact {
        if i.measure.trim().is_empty() {
            let pos = at.loc("impact", "measure");
            errs.push(
                at.invalid(pos, "the impact has no measure")
                    .with_hint("say what will be measured, e.g. `measure: \"Risk management meetings held in self-neglect cases\"`"),
            );
        }
    }
    quality_markers(at, meta, errs);
    between_fields(at, meta, errs);
}

/// Each value of a vocabulary field, written under the top-level key `key`, becomes its
/// term's slug; an unknown value is an error suggesting the nearest term.
fn terms(
    at: &Place,
    vocab: &Vocabularies,
    vk: VocabKind,
    key: &str,
    values: &mut [String],
    errs: &mut Vec<Diagnostic>,
) {
    let v = vocab.get(vk);
    for val in values.iter_mut() {
        match v.get(val) {
            Some(t) => *val = t.slug.clone(),
            None => {
                let (line, col) = at.loc(key, val);
                let mut d = Diagnostic::error(
                    "front-matter/unknown-term",
                    at.file,
                    line,
                    col,
                    format!("`{val}` is not a known {}", vk.noun()),
                )
                .with_len(val.chars().count());
                d = match v.suggest(val) {
                    Some(s) => d.with_hint(format!(
                        "did you mean `{}` ({})? To add a new {}, list it under `vocabularies: {}:` in learnsite.yaml",
                        s.slug, s.label, vk.noun(), vk.config_key()
                    )),
                    None => d.with_hint(format!(
                        "use one of the {} slugs listed in the README, or add it under `vocabularies: {}:` in learnsite.yaml",
                        vk.noun(), vk.config_key()
                    )),
                };
                errs.push(d.with_source(at.text));
            }
        }
    }
}

/// [`terms`] for a field of one value.
fn term(
    at: &Place,
    vocab: &Vocabularies,
    vk: VocabKind,
    key: &str,
    value: &mut Option<String>,
    errs: &mut Vec<Diagnostic>,
) {
    if let Some(x) = value.take() {
        let mut l = vec![x];
        terms(at, vocab, vk, key, &mut l, errs);
        *value = l.pop();
    }
}

/// The review type, methodologies, themes and abuse types, and the recommendations' themes.
fn vocabulary_fields(
    at: &Place,
    vocab: &Vocabularies,
    meta: &mut Meta,
    errs: &mut Vec<Diagnostic>,
) {
    let review_type = &mut meta.review_type;
    term(
        at,
        vocab,
        VocabKind::ReviewType,
        "review_type",
        review_type,
        errs,
    );
    terms(
        at,
        vocab,
        VocabKind::Methodology,
        "methodology",
        &mut meta.methodology,
        errs,
    );
    terms(
        at,
        vocab,
        VocabKind::Theme,
        "themes",
        &mut meta.themes,
        errs,
    );
    terms(
        at,
        vocab,
        VocabKind::AbuseType,
        "abuse_types",
        &mut meta.abuse_types,
        errs,
    );
    meta.themes.dedup();
    for r in &mut meta.recommendations {
        terms(
            at,
            vocab,
            VocabKind::Theme,
            "recommendations",
            &mut r.themes,
            errs,
        );
        r.themes.dedup();
    }
}

/// The person's codes; an exact age is refused with the band to write instead.
fn person(at: &Place, vocab: &Vocabularies, p: &mut Person, errs: &mut Vec<Diagnostic>) {
    if let Some(age) = p
        .age_band
        .as_deref()
        .filter(|a| a.trim().parse::<u32>().is_ok())
    {
        let (line, col) = at.loc("person", age);
        let band = age_band_of(&vocab.age_bands, age.trim().parse().unwrap_or(0));
        errs.push(
            Diagnostic::error(
                "front-matter/exact-age",
                at.file,
                line,
                col,
                format!("`{age}` is an exact age, but only an age band may be given (an exact age can identify the person)"),
            )
            .with_len(age.chars().count())
            .with_hint(match band {
                Some(b) => format!("write `age_band: {b}`"),
                None => "write an age band such as `18-25` or `65-74`".to_string(),
            })
            .with_source(at.text),
        );
    } else {
        term(
            at,
            vocab,
            VocabKind::AgeBand,
            "person",
            &mut p.age_band,
            errs,
        );
        term(at, vocab, VocabKind::Sex, "person", &mut p.sex, errs);
        term(
            at,
            vocab,
            VocabKind::Ethnicity,
            "person",
            &mut p.ethnicity,
            errs,
        );
        let relationship = &mut p.relationship_to_perpetrator;
        term(
            at,
            vocab,
            VocabKind::Relationship,
            "person",
            relationship,
            errs,
        );
    }
    terms(
        at,
        vocab,
        VocabKind::Disability,
        "person",
        &mut p.disability,
        errs,
    );
    let needs = &mut p.care_and_support_needs;
    terms(
        at,
        vocab,
        VocabKind::CareAndSupportNeed,
        "person",
        needs,
        errs,
    );
}

/// Tracked recommendations: a decision not to implement one needs its reason, an update its
/// text, and a revised due month comes after the first.
fn recommendations(at: &Place, meta: &Meta, errs: &mut Vec<Diagnostic>) {
    let file = at.file;
    for r in &meta.recommendations {
        let missing = |s: &Option<String>| s.as_deref().is_none_or(|x| x.trim().is_empty());
        if r.status == RecommendationStatus::NotImplemented && missing(&r.reason) {
            let (line, col) = at.in_recommendation(&r.id, "not-implemented");
            errs.push(
                Diagnostic::error(
                    "front-matter/not-implemented-without-reason",
                    file,
                    line,
                    col,
                    format!("recommendation `{}` is not implemented but gives no reason", r.id),
                )
                .with_len("not-implemented".len())
                .with_hint("add `reason: ...` saying why the board decided not to implement it (the annual report must say)")
                .with_source(at.text),
            );
        }
        for u in &r.updates {
            if u.text.trim().is_empty() {
                let pos = at.in_recommendation(&r.id, &u.date.iso());
                let message = format!(
                    "the update of {} to recommendation `{}` has no text",
                    u.date.human(),
                    r.id
                );
                errs.push(at.invalid(pos, message).with_hint(
                    "say what was done, e.g. `text: \"Training delivered to 40 staff\"`",
                ));
            }
        }
        if let (Some(due), Some(revised)) = (r.due, r.revised_due) {
            if revised < due {
                let pos = at.in_recommendation(&r.id, &revised.iso());
                let message = format!(
                    "recommendation `{}` has a revised due month before its due month",
                    r.id
                );
                errs.push(at.invalid(pos, message).with_hint(
                    "`revised_due` is the later month the board agreed; keep `due` as the month first set",
                ));
            }
        }
    }
}

/// Quality Markers: a key that is not one of the fifteen is an error, like any other key
/// (a misspelt `referal:` would otherwise be published as "99. referal").
fn quality_markers(at: &Place, meta: &mut Meta, errs: &mut Vec<Diagnostic>) {
    if meta.quality_markers.is_empty() {
        return;
    }
    let markers = std::mem::take(&mut meta.quality_markers);
    for (key, marker) in markers {
        match crate::content::quality_marker_slug(&key) {
            Some(slug) => {
                meta.quality_markers.insert(slug.to_string(), marker);
            }
            None => {
                let (line, col) = quality_marker_position(at.yaml, at.yaml_line, &key);
                let d = Diagnostic::error(
                    "front-matter/unknown-quality-marker",
                    at.file,
                    line,
                    col,
                    format!("`{key}` is not one of the SAR Quality Markers"),
                )
                .with_len(key.chars().count());
                let slugs = crate::content::QUALITY_MARKERS.iter().map(|(s, _)| *s);
                let d = match diagnostics::nearest(&key, slugs) {
                    Some(s) => d.with_hint(format!(
                        "did you mean `{s}`? The README lists the fifteen markers' keys"
                    )),
                    None => d.with_hint(
                        "use one of the fifteen markers' keys listed in the README (referral, decision-making, …)",
                    ),
                };
                errs.push(d.with_source(at.text));
            }
        }
    }
}

/// Rules between fields: the scoping period and the review's months in order, one id per
/// recommendation, and a full report that is a web address.
fn between_fields(at: &Place, meta: &Meta, errs: &mut Vec<Diagnostic>) {
    if let Some(sp) = &meta.scoping_period {
        if sp.from > sp.to {
            let pos = at.loc("scoping_period", &sp.from.iso());
            errs.push(
                at.invalid(pos, "the scoping period ends before it starts")
                    .with_hint("`from` must be the earlier month"),
            );
        }
    }
    if let (Some(c), Some(d)) = (meta.commissioned, meta.completed) {
        if c > d {
            let pos = at.loc("completed", &d.iso());
            errs.push(
                at.invalid(pos, "the review is completed before it was commissioned")
                    .with_hint("check `commissioned` and `completed`"),
            );
        }
    }
    let mut seen_ids = std::collections::HashSet::new();
    for r in &meta.recommendations {
        if !seen_ids.insert(r.id.clone()) {
            let (line, col) = at.loc("recommendations", &r.id);
            errs.push(
                Diagnostic::error(
                    "front-matter/duplicate-recommendation",
                    at.file,
                    line,
                    col,
                    format!("two recommendations have the id `{}`", r.id),
                )
                .with_hint("give each recommendation its own id, e.g. R1, R2, R3")
                .with_source(at.text),
            );
        }
    }
    if let Some(fr) = &meta.full_report {
        if fr
            .url
            .trim_start()
            .to_lowercase()
            .starts_with("javascript:")
        {
            let pos = at.loc("full_report", &fr.url);
            errs.push(at.invalid(pos, "the full report link is not a web address"));
        }
    }
}

/// The band of `vocab` (slugs such as `18-25`, `85-plus`, `under-1`) an exact age falls in.
fn age_band_of(vocab: &crate::vocab::Vocab, age: u32) -> Option<String> {
    vocab.terms.iter().find_map(|t| {
        let s = t.slug.as_str();
        let hit = if s == "under-1" {
            age < 1
        } else if let Some(from) = s.strip_suffix("-plus") {
            from.parse::<u32>().is_ok_and(|f| age >= f)
        } else {
            let (a, b) = s.split_once('-')?;
            matches!((a.parse::<u32>(), b.parse::<u32>()), (Ok(a), Ok(b)) if (a..=b).contains(&age))
        };
        hit.then(|| t.slug.clone())
    })
}

/// Line and column of a Quality Marker's key under `quality_markers:` (1-based, in the file).
fn quality_marker_position(yaml: &str, first_line: usize, key: &str) -> (usize, usize) {
    let start = yaml.find("quality_markers:").unwrap_or(0);
    let rest = &yaml[start..];
    let needle = format!("{key}:");
    match rest.find(&needle) {
        Some(i) => {
            let (l, c) = diagnostics::line_col(yaml, start + i);
            (first_line + l - 1, c)
        }
        None => {
            let (l, c) = diagnostics::line_col(yaml, start);
            (first_line + l - 1, c)
        }
    }
}
