//! Splitting a file into YAML front-matter and markdown body, and finding where a key or
//! value is written (for messages). YAML error messages themselves are [`crate::yaml`]'s.

use crate::diagnostics::Diagnostic;

/// A file split at its front-matter fences.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Split<'a> {
    /// The YAML between the fences.
    pub(crate) yaml: &'a str,
    /// 1-based line of the first YAML line.
    pub(crate) yaml_line: usize,
    /// 1-based line of the last YAML line (the line before the closing fence).
    pub(crate) yaml_end_line: usize,
    /// Byte offset of the body in the file.
    pub(crate) body_offset: usize,
    /// 1-based line of the body's first line.
    pub(crate) body_line: usize,
}

fn is_fence(line: &str) -> bool {
    line.trim_end() == "---"
}

/// Split `text` into front-matter and body. The file must open with a `---` line and the
/// front-matter must be closed by another `---` (or `...`) line.
pub(crate) fn split<'a>(text: &'a str, file: &str) -> Result<Split<'a>, Diagnostic> {
    let start = if text.starts_with('\u{feff}') {
        '\u{feff}'.len_utf8()
    } else {
        0
    };
    let mut lines = text[start..].split_inclusive('\n');
    let first = lines.next().unwrap_or("");
    if !is_fence(first) {
        return Err(Diagnostic::error(
            "front-matter/missing",
            file,
            1,
            1,
            "this file does not start with front-matter",
        )
        .with_hint("begin the file with a line `---`, the settings (at least `title: ...`), then another line `---`")
        .with_source(text));
    }
    let yaml_start = start + first.len();
    let mut offset = yaml_start;
    let mut line_no = 1;
    for l in lines {
        line_no += 1;
        if is_fence(l) || l.trim_end() == "..." {
            return Ok(Split {
                yaml: &text[yaml_start..offset],
                yaml_line: 2,
                yaml_end_line: line_no - 1,
                body_offset: offset + l.len(),
                body_line: line_no + 1,
            });
        }
        offset += l.len();
    }
    Err(Diagnostic::error(
        "front-matter/unclosed",
        file,
        1,
        1,
        "the front-matter that starts here is never closed",
    )
    .with_len(3)
    .with_hint("add a line with only `---` after the last setting, before the text of the page")
    .with_source(text))
}

/// A top-level key of the front-matter and where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct KeyPos {
    pub(crate) key: String,
    /// 1-based line in the file.
    pub(crate) line: usize,
}

/// The top-level keys of a YAML mapping, with their lines, found by scanning the text
/// (serde discards positions). `first_line` is the file line of the YAML's first line.
pub(crate) fn top_level_keys(yaml: &str, first_line: usize) -> Vec<KeyPos> {
    let mut out = Vec::new();
    for (i, l) in yaml.lines().enumerate() {
        if l.starts_with([' ', '\t', '#', '-']) || l.trim().is_empty() {
            continue;
        }
        let key_part = l.split(':').next().unwrap_or("");
        if key_part.len() == l.len() {
            continue;
        }
        let key = key_part.trim().trim_matches(['"', '\'']);
        if !key.is_empty() {
            out.push(KeyPos {
                key: key.to_string(),
                line: first_line + i,
            });
        }
    }
    out
}

/// Where `value` is written under the top-level `key`: (line, column), both 1-based,
/// searching the key's line and the lines that belong to it.
pub(crate) fn locate_value(
    yaml: &str,
    first_line: usize,
    key: &str,
    value: &str,
) -> Option<(usize, usize)> {
    let lines: Vec<&str> = yaml.lines().collect();
    let start = lines.iter().position(|l| {
        l.strip_prefix(key)
            .is_some_and(|rest| rest.trim_start().starts_with(':'))
    })?;
    for (i, l) in lines.iter().enumerate().skip(start) {
        if i > start && !l.starts_with([' ', '\t', '-']) && !l.trim().is_empty() {
            break;
        }
        let search_from = if i == start { key.len() } else { 0 };
        if let Some(b) = l[search_from..].find(value) {
            let col = l[..search_from + b].chars().count() + 1;
            return Some((first_line + i, col));
        }
    }
    Some((first_line + start, 1))
}

/// Where `value` is written in the list item under the top-level `key` whose text contains
/// `anchor` (e.g. a recommendation's id): (line, column), both 1-based. Falls back to the
/// anchor's place, then the key's.
pub(crate) fn locate_in_item(
    yaml: &str,
    first_line: usize,
    key: &str,
    anchor: &str,
    value: &str,
) -> Option<(usize, usize)> {
    let (aline, acol) = locate_value(yaml, first_line, key, anchor)?;
    let lines: Vec<&str> = yaml.lines().collect();
    let start = aline - first_line;
    let indent = |l: &str| l.len() - l.trim_start().len();
    // The item's own dash, at or before the anchor's line.
    let item_indent = lines[..=start]
        .iter()
        .rev()
        .find(|l| l.trim_start().starts_with("- "))
        .map(|l| indent(l))
        .unwrap_or(0);
    for (i, l) in lines.iter().enumerate().skip(start) {
        if i > start
            && (indent(l) < item_indent
                || (indent(l) == item_indent && l.trim_start().starts_with("- "))
                || (!l.starts_with([' ', '\t', '-']) && !l.trim().is_empty()))
        {
            break;
        }
        let from = if i == start {
            l.char_indices().nth(acol - 1).map(|(b, _)| b).unwrap_or(0)
        } else {
            0
        };
        if let Some(b) = l[from..].find(value) {
            return Some((first_line + i, l[..from + b].chars().count() + 1));
        }
    }
    Some((aline, acol))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_front_matter_and_body() {
        let t = "---\ntitle: A\nthemes: [x]\n---\n# Body\ntext\n";
        let s = split(t, "a.md").unwrap();
        assert_eq!(s.yaml, "title: A\nthemes: [x]\n");
        assert_eq!(s.yaml_line, 2);
        assert_eq!(s.yaml_end_line, 3);
        assert_eq!(&t[s.body_offset..], "# Body\ntext\n");
        assert_eq!(s.body_line, 5);
    }

    #[test]
    fn crlf_and_bom() {
        let t = "\u{feff}---\r\ntitle: A\r\n---\r\nBody\r\n";
        let s = split(t, "a.md").unwrap();
        assert_eq!(s.yaml, "title: A\r\n");
        assert_eq!(&t[s.body_offset..], "Body\r\n");
    }

    #[test]
    fn unclosed_and_missing() {
        let e = split("---\ntitle: A\n# Body\n", "a.md").unwrap_err();
        assert_eq!((e.code.as_str(), e.line), ("front-matter/unclosed", 1));
        let e = split("# Body\n", "a.md").unwrap_err();
        assert_eq!(e.code, "front-matter/missing");
    }

    #[test]
    fn keys_and_values_are_located() {
        let y = "title: A\nthemes:\n  - neglect\n  - hoardin\nboard: X\n";
        let keys = top_level_keys(y, 2);
        assert_eq!(
            keys.iter()
                .map(|k| (k.key.as_str(), k.line))
                .collect::<Vec<_>>(),
            vec![("title", 2), ("themes", 3), ("board", 6)]
        );
        assert_eq!(locate_value(y, 2, "themes", "hoardin"), Some((5, 5)));
        assert_eq!(
            locate_value("themes: [a, bb]\n", 2, "themes", "bb"),
            Some((2, 13))
        );
    }

    #[test]
    fn values_in_a_list_item_are_located() {
        let y = "recommendations:\n  - id: R1\n    status: done\n  - id: R2\n    text: x\n    status: not-implemented\n";
        assert_eq!(
            locate_in_item(y, 2, "recommendations", "R2", "not-implemented"),
            Some((7, 13))
        );
        // Not found in its own item: the anchor's place, never the next item's.
        assert_eq!(
            locate_in_item(y, 2, "recommendations", "R1", "text"),
            Some((3, 9))
        );
        let flow = "recommendations:\n  - {id: R1, status: not-implemented}\n";
        assert_eq!(
            locate_in_item(flow, 2, "recommendations", "R1", "not-implemented"),
            Some((3, 22))
        );
    }
}
