//! YAML error messages a business manager can act on, for every YAML file learnsite reads:
//! `learnsite.yaml` ([`crate::config`]) and documents' front-matter ([`crate::content`]).
//! serde_norway's messages name Rust types and carry the position inline; these helpers
//! give the position separately and the message in plain words.

/// `unknown field `x`, expected ...` → `x`.
pub(crate) fn unknown_field_in(msg: &str) -> Option<String> {
    let rest = msg.split("unknown field `").nth(1)?;
    Some(rest.split('`').next()?.to_string())
}

/// Make a YAML/serde error message plain: drop the position (we show it separately) and
/// reword the most common ones.
pub(crate) fn plain_yaml_message(msg: &str) -> String {
    let mut m = msg.to_string();
    if let Some(i) = m.find(" at line ") {
        m.truncate(i);
    }
    // serde_norway prefixes the path of the value: `recommendations[0].status: ...`.
    // Compiled once: a file with many errors (or a fuzzer) asks for many messages.
    static PATH_RE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        // A fixed pattern, checked by every test that reads a YAML error.
        regex::Regex::new(r"^([A-Za-z_][\w\-]*(?:\[\d+\]|\.[A-Za-z_][\w\-]*)*): ")
            .expect("a fixed, valid pattern")
    });
    let path_re = &*PATH_RE;
    if let Some(c) = path_re.captures(&m) {
        let path = c[1].to_string();
        let core = plain_core(&m[c[0].len()..]);
        return format!("{core} (in `{path}`)");
    }
    plain_core(&m)
}

fn plain_core(m: &str) -> String {
    let m = m.to_string();
    if let Some(rest) = m.strip_prefix("unknown variant `") {
        let (value, tail) = rest.split_once('`').unwrap_or((rest, ""));
        let options = tail
            .split("expected ")
            .nth(1)
            .unwrap_or("")
            .replace("one of ", "")
            .replace('`', "");
        return format!("`{value}` is not allowed here: use {options}");
    }
    if m.contains("invalid type: string") && m.contains("expected a boolean") {
        return "this must be `true` or `false`".into();
    }
    if m.contains("expected a sequence") {
        return format!("{m} (write a list, e.g. `[first, second]`)");
    }
    if m.contains("did not find expected key") || m.contains("mapping values are not allowed") {
        return format!(
            "the YAML is not valid here ({m}); a value containing `: ` must be put in quotes"
        );
    }
    m
}

/// Where a YAML error in `yaml` (which starts on file line `yaml_line`) is, in file lines:
/// (line, column). Worked out from the error's byte offset, because YAML also breaks lines at
/// a lone carriage return (and at U+0085, U+2028, U+2029), which editors and learnsite's
/// messages do not: its own line numbers would name the wrong line.
pub(crate) fn error_position(
    e: &serde_norway::Error,
    yaml: &str,
    yaml_line: usize,
) -> (usize, usize) {
    match e.location() {
        Some(l) if yaml.is_char_boundary(l.index().min(yaml.len())) => {
            let (line, col) = crate::diagnostics::line_col(yaml, l.index());
            (yaml_line + line - 1, col)
        }
        Some(l) => (yaml_line + l.line().saturating_sub(1), l.column().max(1)),
        None => (yaml_line.saturating_sub(1).max(1), 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variant_message_is_plain() {
        let m = plain_yaml_message("audience: unknown variant `partner`, expected one of `public`, `partners`, `internal` at line 3 column 11");
        assert_eq!(
            m,
            "`partner` is not allowed here: use public, partners, internal (in `audience`)"
        );
        let m = plain_yaml_message("recommendations[1].status: unknown variant `done`, expected one of `a`, `b` at line 3 column 11");
        assert!(m.ends_with("(in `recommendations[1].status`)"), "{m}");
    }

    #[test]
    fn unknown_field_is_found_and_position_is_in_file_lines() {
        let yaml = "a: 1\nb: x\n";
        let e = serde_norway::from_str::<std::collections::BTreeMap<String, u8>>(yaml).unwrap_err();
        // The YAML starts on line 2 of its file (after the `---` fence).
        assert_eq!(error_position(&e, yaml, 2).0, 3);
        // A lone carriage return is a line break to YAML, not to an editor.
        let yaml = "a: \"x\ry\"\nb: [\n";
        let e = serde_norway::from_str::<serde_norway::Value>(yaml).unwrap_err();
        let (line, col) = error_position(&e, yaml, 2);
        assert_eq!((line, col), (4, 1), "{line}:{col}");
        assert_eq!(
            unknown_field_in("unknown field `regoin`, expected one of `region`"),
            Some("regoin".to_string())
        );
        assert_eq!(unknown_field_in("invalid type"), None);
    }
}
