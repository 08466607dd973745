//! In-source suppressions: `<!-- learnsite-allow pii/person-name: reason -->` (or, in the
//! front-matter, `# learnsite-allow pii/person-name: reason`) covers the next line.

use super::scan::Scanned;

/// A suppression comment as written.
#[derive(Debug, Clone)]
pub(crate) struct Parsed {
    /// 1-based line of the comment.
    pub(crate) line: usize,
    /// 1-based line it covers (the next line that is not blank).
    pub(crate) target: usize,
    pub(crate) rules: Vec<String>,
    pub(crate) reason: Option<String>,
    /// Byte range of the comment.
    pub(crate) start: usize,
    pub(crate) end: usize,
}

/// Parse every suppression comment of a document.
pub(crate) fn parse(src: &str, sc: &Scanned) -> Vec<Parsed> {
    let mut out = Vec::new();
    for &(li, s, e) in &sc.comments {
        let text = &src[s..e];
        let Some(pos) = text.find("learnsite-allow") else {
            continue;
        };
        let mut rest = &text[pos + "learnsite-allow".len()..];
        if let Some(i) = rest.find("-->") {
            rest = &rest[..i];
        }
        let (rules_part, reason) = match rest.find(':') {
            // a rule id contains one `/` and no spaces: the reason follows the first `:` after the ids
            Some(i) => (&rest[..i], Some(rest[i + 1..].trim().to_string())),
            None => (rest, None),
        };
        let rules: Vec<String> = rules_part
            .split(|c: char| c == ',' || c.is_whitespace())
            .filter(|r| !r.is_empty())
            .map(str::to_string)
            .collect();
        let reason = reason.filter(|r| !r.is_empty());
        // The next line that is not blank and not itself a suppression.
        let mut target = li + 2;
        let n = sc.line_starts.len();
        while target <= n {
            let ls = sc.line_starts[target - 1];
            let le = sc.line_starts.get(target).copied().unwrap_or(src.len());
            let l = &src[ls..le];
            if l.trim().is_empty() || super::scan::is_suppression_line(l) {
                target += 1;
            } else {
                break;
            }
        }
        out.push(Parsed {
            line: li + 1,
            target,
            rules,
            reason,
            start: s,
            end: e,
        });
    }
    out
}

/// Does suppression rule `pat` cover `rule`? Exact ids, or a family written `pii/*` or `pii`.
pub(crate) fn covers(pat: &str, rule: &str) -> bool {
    if pat == rule || pat == "*" || pat == "all" {
        return true;
    }
    let fam = pat.trim_end_matches("/*").trim_end_matches('/');
    rule.split('/').next() == Some(fam) && !pat.contains('/')
        || pat.ends_with("/*") && rule.starts_with(&format!("{fam}/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn covers_ids_and_families() {
        assert!(covers("pii/person-name", "pii/person-name"));
        assert!(!covers("pii/person-name", "pii/postcode"));
        assert!(covers("pii/*", "pii/postcode"));
        assert!(covers("pii", "pii/postcode"));
        assert!(!covers("pii", "review/good-practice-first"));
    }

    #[test]
    fn parses_rules_and_reason() {
        let src = "---\ntitle: x\n---\n<!-- learnsite-allow pii/person-name, pii/address: consent given -->\n\nKaren lives here\n<!-- learnsite-allow pii/postcode -->\nNE1 1AA\n";
        let sc = crate::lint::scan::scan(src, Some((2, 2)), src.find("<!--").unwrap_or(0));
        let p = parse(src, &sc);
        assert_eq!(p.len(), 2);
        assert_eq!(p[0].rules, vec!["pii/person-name", "pii/address"]);
        assert_eq!(p[0].reason.as_deref(), Some("consent given"));
        assert_eq!(p[0].target, 6);
        assert_eq!(p[1].reason, None);
        assert_eq!(p[1].target, 8);
    }
}
