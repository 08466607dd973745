//! Machine-readable output: JSON (the documented shape) and SARIF 2.1.0, both masking the
//! flagged text unless asked not to.

use super::rules::RULES;
use super::{LintReport, SuppressedFinding};
use crate::diagnostics::{Diagnostic, Severity};
use serde_json::{json, Value};
use std::collections::HashMap;

/// Version of the JSON output's shape.
pub(crate) const JSON_VERSION: u32 = 1;

/// Mask text for logs: keep the first character of each word, star the rest.
/// `Nigel 9 Rd` → `N**** 9 R*`; `NE63 9XL` → `N*** 9**`.
pub(crate) fn mask(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_word = false;
    for c in text.chars() {
        if c.is_whitespace() {
            out.push(c);
            in_word = false;
        } else if in_word {
            out.push('*');
        } else {
            out.push(c);
            in_word = true;
        }
    }
    out
}

fn shown_text(d: &Diagnostic, unmasked: bool) -> Option<String> {
    d.text
        .as_ref()
        .map(|t| if unmasked { t.clone() } else { mask(t) })
}

fn file_of(report: &LintReport, d: &Diagnostic, root_relative: bool) -> String {
    if root_relative {
        return d.file.clone();
    }
    match report.paths.get(&d.file) {
        Some(p) => p.to_string_lossy().replace('\\', "/"),
        None => d.file.clone(),
    }
}

fn finding_json(report: &LintReport, d: &Diagnostic, root_relative: bool, unmasked: bool) -> Value {
    let mut v = json!({
        "file": file_of(report, d, root_relative),
        "line": d.line,
        "column": d.column,
        "end_line": d.line,
        "end_column": d.end_column,
        "rule": d.code,
        "severity": d.severity.as_str(),
        "message": d.message,
    });
    if let Some(obj) = v.as_object_mut() {
        if let Some(h) = &d.hint {
            obj.insert("hint".into(), Value::String(h.clone()));
        }
        if let Some(t) = shown_text(d, unmasked) {
            obj.insert("text".into(), Value::String(t));
        }
    }
    v
}

/// The JSON report: `{"version":1,"findings":[…],"suppressions":[…]}`.
///
/// `root_relative`: files relative to the site root (the documented form); otherwise the
/// absolute path of each document where it is known. `unmasked`: print the exact flagged text.
pub(crate) fn to_json(report: &LintReport, root_relative: bool, unmasked: bool) -> String {
    let findings: Vec<Value> = report
        .findings
        .iter()
        .map(|d| finding_json(report, d, root_relative, unmasked))
        .collect();
    let suppressions: Vec<Value> = report
        .suppressions
        .iter()
        .map(|s| {
            let suppressed: Vec<Value> = report
                .suppressed
                .iter()
                .filter(|f| f.suppression == s.id)
                .map(|f| finding_json(report, &f.finding, root_relative, unmasked))
                .collect();
            json!({
                "file": s.file,
                "line": s.line,
                "rule": s.rule,
                "reason": s.reason,
                "used": s.used,
                "suppressed": suppressed,
            })
        })
        .collect();
    let v = json!({ "version": JSON_VERSION, "findings": findings, "suppressions": suppressions });
    serde_json::to_string_pretty(&v).unwrap_or_else(|_| "{}".to_string())
}

/// A stable 64-bit FNV-1a hash, printed as hex.
fn fnv(parts: &[&str]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for p in parts {
        for b in p.bytes().chain(std::iter::once(0u8)) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{h:016x}")
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// SARIF 2.1.0 for code scanning: stable rule ids with descriptions, partial fingerprints
/// (from the rule, the file and the masked text, never the text itself), and in-source
/// suppressions with their justification.
pub(crate) fn to_sarif(report: &LintReport, unmasked: bool) -> String {
    let rules_json: Vec<Value> = RULES
        .iter()
        .map(|r| {
            json!({
                "id": r.id,
                "name": r.id.replace(['/', '-'], "_"),
                "shortDescription": { "text": r.description },
                "fullDescription": { "text": r.description },
                "help": { "text": r.hint, "markdown": r.hint },
                "defaultConfiguration": { "level": level(r.severity) },
                "properties": { "tags": [r.id.split('/').next().unwrap_or("")] },
            })
        })
        .collect();
    let index: HashMap<&str, usize> = RULES.iter().enumerate().map(|(i, r)| (r.id, i)).collect();
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut result = |d: &Diagnostic, sup: Option<&SuppressedFinding>| -> Value {
        let masked = d.text.as_deref().map(mask).unwrap_or_default();
        let key = fnv(&[&d.code, &d.file, &masked]);
        let n = seen.entry(key.clone()).or_insert(0);
        *n += 1;
        let fingerprint = format!("{key}:{n}");
        let mut region = json!({
            "startLine": d.line,
            "startColumn": d.column,
            "endLine": d.line,
            "endColumn": d.end_column,
        });
        if let (Some(t), Some(obj)) = (shown_text(d, unmasked), region.as_object_mut()) {
            obj.insert("snippet".into(), json!({ "text": t }));
        }
        let mut r = json!({
            "ruleId": d.code,
            "level": level(d.severity),
            "message": { "text": match &d.hint { Some(h) => format!("{}. {}.", capitalise(&d.message), capitalise(h)), None => capitalise(&d.message) } },
            "locations": [{
                "physicalLocation": {
                    "artifactLocation": { "uri": d.file, "uriBaseId": "%SRCROOT%" },
                    "region": region,
                }
            }],
            "partialFingerprints": { "learnsite/v1": fingerprint },
        });
        if let Some(obj) = r.as_object_mut() {
            if let Some(i) = index.get(d.code.as_str()) {
                obj.insert("ruleIndex".into(), json!(i));
            }
            if let Some(s) = sup {
                obj.insert(
                    "suppressions".into(),
                    json!([{ "kind": "inSource", "status": "accepted", "justification": s.reason }]),
                );
            }
        }
        r
    };
    let mut results: Vec<Value> = report.findings.iter().map(|d| result(d, None)).collect();
    results.extend(
        report
            .suppressed
            .iter()
            .map(|s| result(&s.finding, Some(s))),
    );
    let v = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "learnsite",
                "version": env!("CARGO_PKG_VERSION"),
                "semanticVersion": env!("CARGO_PKG_VERSION"),
                "rules": rules_json,
            }},
            "originalUriBaseIds": { "%SRCROOT%": { "description": { "text": "The site folder (where learnsite.yaml is)." } } },
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    });
    serde_json::to_string_pretty(&v).unwrap_or_else(|_| "{}".to_string())
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_each_word() {
        assert_eq!(mask("Nigel 9 Rd"), "N**** 9 R*");
        assert_eq!(mask("NE63 9XL"), "N*** 9**");
        assert_eq!(mask("Zoë"), "Z**");
    }
}
