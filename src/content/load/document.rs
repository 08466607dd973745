//! One file: split its front-matter, check its YAML, keys, types and values, and give it a
//! slug and web address.

use super::{slugify, Parsed};
use crate::config::Config;
use crate::content::frontmatter::{self, locate_in_item, locate_value, top_level_keys};
use crate::content::model::*;
use crate::diagnostics::{self, Diagnostic};
use crate::vocab::{VocabKind, Vocabularies};
use crate::yaml::{error_position, plain_yaml_message, unknown_field_in};
use std::path::Path;

/// Parse and validate one file. `Ok` carries the document and its warnings.
pub(crate) fn parse_document(
    root: &Path,
    path: &Path,
    rel_path: &str,
    text: String,
    config: &Config,
    vocab: &Vocabularies,
) -> Parsed {
    let file = rel_path;
    let split = frontmatter::split(&text, file).map_err(|d| vec![d])?;
    let content_rel = path.strip_prefix(root.join("content")).unwrap_or(path);
    let mut comps: Vec<String> = content_rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    let kind = if comps.len() > 1 {
        Kind::from_folder(&comps[0])
    } else {
        Kind::Page
    };
    let mut errs = Vec::new();
    let warns = Vec::new();

    // 1. YAML syntax.
    let yaml = split.yaml;
    if let Err(e) = serde_norway::from_str::<serde_norway::Value>(yaml) {
        let (line, col) = error_position(&e, yaml, split.yaml_line);
        return Err(vec![Diagnostic::error(
            "front-matter/yaml",
            file,
            line,
            col,
            format!("the front-matter is not valid YAML: {}", plain_yaml_message(&e.to_string())),
        )
        .with_hint("check this line: each setting is `name: value`, lists are `[a, b]` or lines starting with `- `, and text containing `: ` or `#` goes in quotes")
        .with_source(&text)]);
    }

    // 2. Keys: unknown or not for this kind.
    let keys = top_level_keys(yaml, split.yaml_line);
    for k in &keys {
        if kind.accepts(&k.key) {
            continue;
        }
        let all_kinds = [Kind::Review, Kind::Briefing, Kind::LearningSummary];
        let owner = all_kinds.iter().find(|kk| kk.accepts(&k.key));
        let d = match owner {
            Some(o) => Diagnostic::error(
                "front-matter/key-not-for-kind",
                file,
                k.line,
                1,
                format!(
                    "`{}` is not used on a {} (it belongs on a {})",
                    k.key,
                    kind.label().to_lowercase(),
                    o.label().to_lowercase()
                ),
            )
            .with_hint(format!(
                "remove it, or move the file to content/{}/",
                o.section()
            )),
            None => {
                let mut d = Diagnostic::error(
                    "front-matter/unknown-key",
                    file,
                    k.line,
                    1,
                    format!("unknown front-matter key `{}`", k.key),
                );
                d = match diagnostics::nearest(&k.key, kind.keys()) {
                    Some(s) => d.with_hint(format!("did you mean `{s}`? Free-form data goes under `extra:`")),
                    None => d.with_hint("remove it, or put free-form data under `extra:`; the README lists every key"),
                };
                d
            }
        };
        errs.push(d.with_len(k.key.chars().count()).with_source(&text));
    }

    // 3. Types.
    let mut meta: Meta = match serde_norway::from_str(yaml) {
        Ok(m) => m,
        Err(e) => {
            let (mut line, mut col) = error_position(&e, yaml, split.yaml_line);
            let raw = e.to_string();
            // Errors raised by our own value types (dates, months) carry no position: find
            // the offending value, which the message quotes in backticks.
            if line <= split.yaml_line && col <= 1 {
                if let Some(v) = raw.split('`').nth(1).filter(|v| !v.is_empty()) {
                    if let Some(b) = yaml.find(v) {
                        let (l, c) = diagnostics::line_col(yaml, b);
                        line = split.yaml_line + l - 1;
                        col = c;
                    }
                }
            }
            let mut d = Diagnostic::error(
                "front-matter/invalid",
                file,
                line,
                col,
                plain_yaml_message(&raw),
            )
            .with_source(&text);
            d = if let Some(f) = unknown_field_in(&raw) {
                let known = [
                    "id",
                    "text",
                    "owner",
                    "agency",
                    "due",
                    "revised_due",
                    "status",
                    "evidence",
                    "reason",
                    "updates",
                    "date",
                    "scope",
                    "themes",
                    "from",
                    "to",
                    "url",
                    "available_until",
                    "measure",
                    "revisit",
                    "outcome",
                    "age_band",
                    "sex",
                    "ethnicity",
                    "disability",
                    "care_and_support_needs",
                    "relationship_to_perpetrator",
                ];
                match diagnostics::nearest(&f, known) {
                    Some(s) => d.with_hint(format!("did you mean `{s}`?")),
                    None => d.with_hint("the README lists the fields of each setting"),
                }
            } else {
                d.with_hint("the README's front-matter reference shows what each setting takes")
            };
            errs.push(d);
            return Err(errs);
        }
    };

    // 4. Required fields and values.
    let title = match meta.title.as_deref().map(str::trim) {
        Some(t) if !t.is_empty() => t.to_string(),
        _ => {
            let line = keys
                .iter()
                .find(|k| k.key == "title")
                .map(|k| k.line)
                .unwrap_or(1);
            errs.push(
                Diagnostic::error(
                    "front-matter/missing-title",
                    file,
                    line,
                    1,
                    "this document has no title",
                )
                .with_hint("add a line `title: ...` to the front-matter")
                .with_source(&text),
            );
            String::new()
        }
    };

    let loc =
        |key: &str, value: &str| locate_value(yaml, split.yaml_line, key, value).unwrap_or((1, 1));

    // Each value of a vocabulary field, written under the top-level key `at`, becomes its
    // term's slug; an unknown value is an error suggesting the nearest term.
    let check_vocab = |vk: VocabKind,
                       at: &str,
                       values: &mut Vec<String>,
                       errs: &mut Vec<Diagnostic>| {
        let v = vocab.get(vk);
        for val in values.iter_mut() {
            match v.get(val) {
                Some(t) => *val = t.slug.clone(),
                None => {
                    let (line, col) = loc(at, val);
                    let mut d = Diagnostic::error(
                        "front-matter/unknown-term",
                        file,
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
                    errs.push(d.with_source(&text));
                }
            }
        }
    };
    if let Some(rt) = meta.review_type.take() {
        let mut v = vec![rt];
        check_vocab(VocabKind::ReviewType, "review_type", &mut v, &mut errs);
        meta.review_type = v.pop();
    }
    check_vocab(
        VocabKind::Methodology,
        "methodology",
        &mut meta.methodology,
        &mut errs,
    );
    check_vocab(VocabKind::Theme, "themes", &mut meta.themes, &mut errs);
    check_vocab(
        VocabKind::AbuseType,
        "abuse_types",
        &mut meta.abuse_types,
        &mut errs,
    );
    meta.themes.dedup();
    for r in &mut meta.recommendations {
        check_vocab(
            VocabKind::Theme,
            "recommendations",
            &mut r.themes,
            &mut errs,
        );
        r.themes.dedup();
    }
    if let Some(p) = &mut meta.person {
        if let Some(age) = p
            .age_band
            .as_deref()
            .filter(|a| a.trim().parse::<u32>().is_ok())
        {
            let (line, col) = loc("person", age);
            let band = age_band_of(&vocab.age_bands, age.trim().parse().unwrap_or(0));
            errs.push(
                Diagnostic::error(
                    "front-matter/exact-age",
                    file,
                    line,
                    col,
                    format!("`{age}` is an exact age, but only an age band may be given (an exact age can identify the person)"),
                )
                .with_len(age.chars().count())
                .with_hint(match band {
                    Some(b) => format!("write `age_band: {b}`"),
                    None => "write an age band such as `18-25` or `65-74`".to_string(),
                })
                .with_source(&text),
            );
        } else {
            let one = |vk: VocabKind, v: &mut Option<String>, errs: &mut Vec<Diagnostic>| {
                if let Some(x) = v.take() {
                    let mut l = vec![x];
                    check_vocab(vk, "person", &mut l, errs);
                    *v = l.pop();
                }
            };
            one(VocabKind::AgeBand, &mut p.age_band, &mut errs);
            one(VocabKind::Sex, &mut p.sex, &mut errs);
            one(VocabKind::Ethnicity, &mut p.ethnicity, &mut errs);
            one(
                VocabKind::Relationship,
                &mut p.relationship_to_perpetrator,
                &mut errs,
            );
        }
        check_vocab(
            VocabKind::Disability,
            "person",
            &mut p.disability,
            &mut errs,
        );
        check_vocab(
            VocabKind::CareAndSupportNeed,
            "person",
            &mut p.care_and_support_needs,
            &mut errs,
        );
    }

    // Tracked recommendations: a decision not to implement one needs its reason.
    for r in &meta.recommendations {
        let missing = |s: &Option<String>| s.as_deref().is_none_or(|x| x.trim().is_empty());
        if r.status == RecommendationStatus::NotImplemented && missing(&r.reason) {
            let (line, col) = locate_in_item(
                yaml,
                split.yaml_line,
                "recommendations",
                &r.id,
                "not-implemented",
            )
            .unwrap_or((1, 1));
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
                .with_source(&text),
            );
        }
        for u in &r.updates {
            if u.text.trim().is_empty() {
                let (line, col) = locate_in_item(
                    yaml,
                    split.yaml_line,
                    "recommendations",
                    &r.id,
                    &u.date.iso(),
                )
                .unwrap_or((1, 1));
                errs.push(
                    Diagnostic::error(
                        "front-matter/invalid",
                        file,
                        line,
                        col,
                        format!(
                            "the update of {} to recommendation `{}` has no text",
                            u.date.human(),
                            r.id
                        ),
                    )
                    .with_hint("say what was done, e.g. `text: \"Training delivered to 40 staff\"`")
                    .with_source(&text),
                );
            }
        }
        if let (Some(due), Some(revised)) = (r.due, r.revised_due) {
            if revised < due {
                let (line, col) = locate_in_item(
                    yaml,
                    split.yaml_line,
                    "recommendations",
                    &r.id,
                    &revised.iso(),
                )
                .unwrap_or((1, 1));
                errs.push(
                    Diagnostic::error(
                        "front-matter/invalid",
                        file,
                        line,
                        col,
                        format!("recommendation `{}` has a revised due month before its due month", r.id),
                    )
                    .with_hint("`revised_due` is the later month the board agreed; keep `due` as the month first set")
                    .with_source(&text),
                );
            }
        }
    }
    if let Some(i) = &meta.impact {
        if i.measure.trim().is_empty() {
            let (line, col) = loc("impact", "measure");
            errs.push(
                Diagnostic::error("front-matter/invalid", file, line, col, "the impact has no measure")
                    .with_hint("say what will be measured, e.g. `measure: \"Risk management meetings held in self-neglect cases\"`")
                    .with_source(&text),
            );
        }
    }

    // Quality Markers: a key that is not one of the fifteen is an error, like any other key
    // (a misspelt `referal:` would otherwise be published as "99. referal").
    if !meta.quality_markers.is_empty() {
        let markers = std::mem::take(&mut meta.quality_markers);
        for (key, marker) in markers {
            match crate::content::quality_marker_slug(&key) {
                Some(slug) => {
                    meta.quality_markers.insert(slug.to_string(), marker);
                }
                None => {
                    let (line, col) = quality_marker_position(yaml, split.yaml_line, &key);
                    let d = Diagnostic::error(
                        "front-matter/unknown-quality-marker",
                        file,
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
                    errs.push(d.with_source(&text));
                }
            }
        }
    }

    if let Some(sp) = &meta.scoping_period {
        if sp.from > sp.to {
            let (line, col) = loc("scoping_period", &sp.from.iso());
            errs.push(
                Diagnostic::error(
                    "front-matter/invalid",
                    file,
                    line,
                    col,
                    "the scoping period ends before it starts",
                )
                .with_hint("`from` must be the earlier month")
                .with_source(&text),
            );
        }
    }
    if let (Some(c), Some(d)) = (meta.commissioned, meta.completed) {
        if c > d {
            let (line, col) = loc("completed", &d.iso());
            errs.push(
                Diagnostic::error(
                    "front-matter/invalid",
                    file,
                    line,
                    col,
                    "the review is completed before it was commissioned",
                )
                .with_hint("check `commissioned` and `completed`")
                .with_source(&text),
            );
        }
    }
    let mut seen_ids = std::collections::HashSet::new();
    for r in &meta.recommendations {
        if !seen_ids.insert(r.id.clone()) {
            let (line, col) = loc("recommendations", &r.id);
            errs.push(
                Diagnostic::error(
                    "front-matter/duplicate-recommendation",
                    file,
                    line,
                    col,
                    format!("two recommendations have the id `{}`", r.id),
                )
                .with_hint("give each recommendation its own id, e.g. R1, R2, R3")
                .with_source(&text),
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
            let (line, col) = loc("full_report", &fr.url);
            errs.push(
                Diagnostic::error(
                    "front-matter/invalid",
                    file,
                    line,
                    col,
                    "the full report link is not a web address",
                )
                .with_source(&text),
            );
        }
    }

    // 5. Slug and URL.
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let slug = match meta.slug.as_deref() {
        Some(s) => {
            let clean = slugify(s);
            if clean != s {
                let (line, col) = loc("slug", s);
                errs.push(
                    Diagnostic::error(
                        "front-matter/invalid-slug",
                        file,
                        line,
                        col,
                        format!("`{s}` cannot be used in a web address"),
                    )
                    .with_hint(format!(
                        "use lowercase letters, digits and hyphens, e.g. `{clean}`"
                    ))
                    .with_source(&text),
                );
            }
            clean
        }
        None => slugify(&stem),
    };
    let url = match kind {
        Kind::Page => {
            comps.pop();
            let mut parts: Vec<String> = comps.iter().map(|c| slugify(c)).collect();
            let is_index = stem == "index" || stem == "_index";
            if !is_index || meta.slug.is_some() {
                parts.push(slug.clone());
            }
            if parts.is_empty() {
                String::new()
            } else {
                format!("{}/", parts.join("/"))
            }
        }
        k => format!("{}/{}/", k.section(), slug),
    };
    if slug.is_empty() && !url.is_empty() {
        errs.push(
            Diagnostic::error(
                "content/bad-file-name",
                file,
                1,
                1,
                "this file name gives an empty web address",
            )
            .with_hint("rename the file using letters and digits, e.g. `adult-d.md`"),
        );
    }

    if !errs.is_empty() {
        return Err(errs);
    }
    let doc = Document {
        kind,
        slug,
        rel_path: rel_path.to_string(),
        path: path.to_path_buf(),
        front_matter_lines: (split.yaml_line, split.yaml_end_line),
        body_offset: split.body_offset,
        body_line: split.body_line,
        meta,
        title,
        url,
        source: text,
    };
    let _ = config;
    Ok((doc, warns))
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
