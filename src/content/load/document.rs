//! One file: split its front-matter, check its YAML, keys and types, check its values
//! (`values.rs`), and give it a slug and web address.

use super::{slugify, values, Parsed};
use crate::config::Config;
use crate::content::frontmatter::{self, locate_in_item, locate_value, top_level_keys, KeyPos};
use crate::content::model::*;
use crate::diagnostics::{self, Diagnostic};
use crate::vocab::Vocabularies;
use crate::yaml::{error_position, plain_yaml_message, unknown_field_in};
use std::path::Path;

/// A file's front-matter, for placing its errors: the file, its whole text, the YAML and
/// the YAML's first line in the file.
pub(super) struct Place<'a> {
    pub(super) file: &'a str,
    pub(super) text: &'a str,
    pub(super) yaml: &'a str,
    pub(super) yaml_line: usize,
}

impl Place<'_> {
    /// Line and column of `value` under the top-level `key` (1:1 when it cannot be found).
    pub(super) fn loc(&self, key: &str, value: &str) -> (usize, usize) {
        locate_value(self.yaml, self.yaml_line, key, value).unwrap_or((1, 1))
    }
    /// A `front-matter/invalid` error at `line`:`col` of this file, showing its source.
    pub(super) fn invalid(
        &self,
        (line, col): (usize, usize),
        message: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic::error("front-matter/invalid", self.file, line, col, message)
            .with_source(self.text)
    }
    /// Line and column of `value` in the recommendation `id` (1:1 when it cannot be found).
    pub(super) fn in_recommendation(&self, id: &str, value: &str) -> (usize, usize) {
        locate_in_item(self.yaml, self.yaml_line, "recommendations", id, value).unwrap_or((1, 1))
    }
}

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
    let (kind, folders) = kind_and_folders(root, path);
    let mut errs = Vec::new();
    let warns = Vec::new();
    let at = Place {
        file,
        text: &text,
        yaml: split.yaml,
        yaml_line: split.yaml_line,
    };

    // 1. YAML syntax.
    let value = check_yaml(&at)?;

    // 2. Keys: unknown or not for this kind.
    let keys = top_level_keys(at.yaml, at.yaml_line);
    check_keys(&at, kind, &keys, &mut errs);

    // 3. Types: from the YAML read once above when every setting reads (the usual case).
    // Otherwise the text is read again: a setting that cannot be read is reported (at its
    // line) and left out, and the rest are read and checked, so that one run names every
    // mistake in the file.
    let mut meta: Meta = match serde_norway::from_value(value) {
        Ok(m) => m,
        Err(_) => match typed_meta_reporting_each(&at, &keys, &mut errs) {
            Some(m) => m,
            None => return Err(errs),
        },
    };

    // 4. Required fields and values.
    let title = title(&at, &meta, &keys, &mut errs);
    values::check(&at, vocab, &mut meta, &mut errs);

    // 5. Slug and URL.
    let (slug, url) = slug_and_url(&at, path, kind, folders, &meta, &mut errs);

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

/// The document's kind (from its first folder under `content/`) and the folders and file
/// name of its path under `content/`.
pub(super) fn kind_and_folders(root: &Path, path: &Path) -> (Kind, Vec<String>) {
    let content_rel = path.strip_prefix(root.join("content")).unwrap_or(path);
    let comps: Vec<String> = content_rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    let kind = if comps.len() > 1 {
        Kind::from_folder(&comps[0])
    } else {
        Kind::Page
    };
    (kind, comps)
}

/// YAML syntax: an error here is the only one reported for the file. The YAML as read.
fn check_yaml(at: &Place) -> Result<serde_norway::Value, Vec<Diagnostic>> {
    let yaml = at.yaml;
    serde_norway::from_str::<serde_norway::Value>(yaml).map_err(|e| {
        let (line, col) = error_position(&e, yaml, at.yaml_line);
        vec![Diagnostic::error(
            "front-matter/yaml",
            at.file,
            line,
            col,
            format!("the front-matter is not valid YAML: {}", plain_yaml_message(&e.to_string())),
        )
        .with_hint("check this line: each setting is `name: value`, lists are `[a, b]` or lines starting with `- `, and text containing `: ` or `#` goes in quotes")
        .with_source(at.text)]
    })
}

/// Keys that are unknown, or that belong on another kind of document.
fn check_keys(at: &Place, kind: Kind, keys: &[KeyPos], errs: &mut Vec<Diagnostic>) {
    let file = at.file;
    for k in keys {
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
        errs.push(d.with_len(k.key.chars().count()).with_source(at.text));
    }
}

/// The fields of settings with fields (recommendations, updates, scoping period, full
/// report, impact, person), for suggesting the nearest to a misspelt one.
const NESTED_FIELDS: [&str; 26] = [
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

/// The front-matter as the content model's types, or the first value of a wrong type.
fn typed_meta(at: &Place) -> Result<Meta, Diagnostic> {
    let yaml = at.yaml;
    serde_norway::from_str(yaml).map_err(|e| {
        let (mut line, mut col) = error_position(&e, yaml, at.yaml_line);
        let raw = e.to_string();
        // Errors raised by our own value types (dates, months) carry no position: find
        // the offending value, which the message quotes in backticks.
        if line <= at.yaml_line && col <= 1 {
            if let Some(v) = raw.split('`').nth(1).filter(|v| !v.is_empty()) {
                if let Some(b) = yaml.find(v) {
                    let (l, c) = diagnostics::line_col(yaml, b);
                    line = at.yaml_line + l - 1;
                    col = c;
                }
            }
        }
        let d = Diagnostic::error(
            "front-matter/invalid",
            at.file,
            line,
            col,
            plain_yaml_message(&raw),
        )
        .with_source(at.text);
        if let Some(f) = unknown_field_in(&raw) {
            match diagnostics::nearest(&f, NESTED_FIELDS) {
                Some(s) => d.with_hint(format!("did you mean `{s}`?")),
                None => d.with_hint("the README lists the fields of each setting"),
            }
        } else {
            d.with_hint("the README's front-matter reference shows what each setting takes")
        }
    })
}

/// [`typed_meta`], reporting each setting that cannot be read into `errs` and reading the
/// front-matter again without it (its lines blanked, so positions stay true), until the rest
/// reads. `None` when an error cannot be placed under a setting.
fn typed_meta_reporting_each(
    at: &Place,
    keys: &[KeyPos],
    errs: &mut Vec<Diagnostic>,
) -> Option<Meta> {
    let mut lines: Vec<&str> = at.yaml.lines().collect();
    for _ in 0..=keys.len() {
        let yaml = lines.join("\n");
        let here = Place { yaml: &yaml, ..*at };
        let d = match typed_meta(&here) {
            Ok(m) => return Some(m),
            Err(d) => d,
        };
        let line = d.line;
        if !errs.iter().any(|e| e.line == line) {
            errs.push(d);
        }
        // The setting the error is in: from its key's line to the next key's.
        let at_key = keys.iter().rposition(|k| k.line <= line)?;
        let first = keys[at_key].line.checked_sub(at.yaml_line)?;
        let end = keys
            .get(at_key + 1)
            .map_or(lines.len(), |k| k.line - at.yaml_line);
        if line < at.yaml_line || lines[first..end].iter().all(|l| l.is_empty()) {
            return None;
        }
        for l in &mut lines[first..end] {
            *l = "";
        }
    }
    None
}

/// The title (required).
fn title(at: &Place, meta: &Meta, keys: &[KeyPos], errs: &mut Vec<Diagnostic>) -> String {
    match meta.title.as_deref().map(str::trim) {
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
                    at.file,
                    line,
                    1,
                    "this document has no title",
                )
                .with_hint("add a line `title: ...` to the front-matter")
                .with_source(at.text),
            );
            String::new()
        }
    }
}

/// The slug (`slug:`, else the file name) and the site-relative web address. `folders` is
/// the path under `content/`, file name last.
fn slug_and_url(
    at: &Place,
    path: &Path,
    kind: Kind,
    mut folders: Vec<String>,
    meta: &Meta,
    errs: &mut Vec<Diagnostic>,
) -> (String, String) {
    let file = at.file;
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let slug = match meta.slug.as_deref() {
        Some(s) => {
            let clean = slugify(s);
            if clean != s {
                let (line, col) = at.loc("slug", s);
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
                    .with_source(at.text),
                );
            }
            clean
        }
        None => slugify(&stem),
    };
    let url = match kind {
        Kind::Page => {
            folders.pop();
            let mut parts: Vec<String> = folders.iter().map(|c| slugify(c)).collect();
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
    (slug, url)
}
