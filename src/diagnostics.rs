//! Diagnostics: what every stage reports to the person publishing.
//!
//! A [`Diagnostic`] always names a file (relative to the site root), a 1-based
//! line and column (columns counted in characters), what is wrong in plain
//! English and, where we can, how to fix it.

use serde::Serialize;
use std::fmt::Write as _;
use std::io::IsTerminal;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Hash)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// A problem found in a file, with its place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// Stable identifier of the check, e.g. `front-matter/unknown-key` or `pii/postcode`.
    pub code: String,
    pub severity: Severity,
    /// File relative to the site root, with `/` separators.
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// 1-based column one past the end of the span, in characters (same line).
    pub end_column: usize,
    pub message: String,
    /// What to do about it.
    pub hint: Option<String>,
    /// The text of the source line, shown under the message.
    #[serde(skip)]
    pub source_line: Option<String>,
    /// The exact flagged text (lint findings). Never serialised as is: the lint's JSON and
    /// SARIF output mask it unless asked not to.
    #[serde(skip)]
    pub text: Option<String>,
}

impl Diagnostic {
    pub fn error(
        code: &str,
        file: &str,
        line: usize,
        column: usize,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            code: code.to_string(),
            severity: Severity::Error,
            file: file.to_string(),
            line: line.max(1),
            column: column.max(1),
            end_column: column.max(1) + 1,
            message: message.into(),
            hint: None,
            source_line: None,
            text: None,
        }
    }

    /// The same diagnostic as a warning: shown, but it does not stop a build.
    pub fn as_warning(mut self) -> Self {
        self.severity = Severity::Warning;
        self
    }

    pub(crate) fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// Span length in characters (at least 1).
    pub(crate) fn with_len(mut self, len: usize) -> Self {
        self.end_column = self.column + len.max(1);
        self
    }

    /// Attach the source line from the full text of the file.
    pub(crate) fn with_source(mut self, source: &str) -> Self {
        if let Some(l) = source.lines().nth(self.line.saturating_sub(1)) {
            self.source_line = Some(l.to_string());
        }
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// Render for a terminal: message, place, the source line with the span underlined, the hint.
    pub fn render(&self, color: bool) -> String {
        let (red, yellow, blue, bold, reset) = if color {
            ("\x1b[31m", "\x1b[33m", "\x1b[34m", "\x1b[1m", "\x1b[0m")
        } else {
            ("", "", "", "", "")
        };
        let sev_color = if self.is_error() { red } else { yellow };
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{bold}{sev_color}{}[{}]{reset}{bold}: {}{reset}",
            self.severity.as_str(),
            self.code,
            self.message
        );
        let gutter = self.line.to_string().len();
        let pad = " ".repeat(gutter);
        let _ = writeln!(
            out,
            "{pad}{blue}-->{reset} {}:{}:{}",
            self.file, self.line, self.column
        );
        if let Some(src) = &self.source_line {
            let shown: String = src.replace('\t', " ");
            let _ = writeln!(out, "{pad} {blue}|{reset}");
            let _ = writeln!(out, "{blue}{}{reset} {blue}|{reset} {}", self.line, shown);
            let width = self.end_column.saturating_sub(self.column).max(1);
            let _ = writeln!(
                out,
                "{pad} {blue}|{reset} {}{sev_color}{}{reset}",
                " ".repeat(self.column.saturating_sub(1)),
                "^".repeat(width)
            );
        }
        if let Some(h) = &self.hint {
            let _ = writeln!(out, "{pad} {blue}={reset} {bold}help{reset}: {h}");
        }
        out
    }
}

/// Should terminal output be coloured? Honours `NO_COLOR` and whether stderr is a terminal.
pub fn use_color() -> bool {
    std::env::var_os("NO_COLOR").is_none() && std::io::stderr().is_terminal()
}

/// Sort diagnostics by file, line, column for stable output.
pub fn sort(diags: &mut [Diagnostic]) {
    diags.sort_by(|a, b| {
        (a.file.as_str(), a.line, a.column, a.code.as_str()).cmp(&(
            b.file.as_str(),
            b.line,
            b.column,
            b.code.as_str(),
        ))
    });
}

/// Convert a byte offset in `text` to a 1-based (line, column-in-characters).
pub(crate) fn line_col(text: &str, byte: usize) -> (usize, usize) {
    let byte = byte.min(text.len());
    let before = &text[..byte];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map(|i| i + 1).unwrap_or(0);
    let col = before[line_start..].chars().count() + 1;
    (line, col)
}

/// The nearest candidate to `word` (case-insensitive), if it is close enough to be a useful suggestion.
pub(crate) fn nearest<'a, I>(word: &str, candidates: I) -> Option<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    let w = word.to_lowercase();
    let mut best: Option<(&'a str, f64)> = None;
    for c in candidates {
        let cl = c.to_lowercase();
        let mut score = strsim::jaro_winkler(&w, &cl);
        if cl.contains(&w) || w.contains(&cl) {
            score = score.max(0.9);
        }
        if best.is_none_or(|(_, s)| score > s) {
            best = Some((c, score));
        }
    }
    best.filter(|(_, s)| *s >= 0.7).map(|(c, _)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters() {
        let t = "ab\ncé d";
        assert_eq!(line_col(t, 0), (1, 1));
        assert_eq!(line_col(t, 3), (2, 1));
        // byte offset of 'd' (é is two bytes)
        let d = t.find('d').unwrap();
        assert_eq!(line_col(t, d), (2, 4));
    }

    #[test]
    fn nearest_suggests_close_words() {
        let keys = ["title", "themes", "summary"];
        assert_eq!(nearest("themse", keys), Some("themes"));
        assert_eq!(nearest("titel", keys), Some("title"));
        assert_eq!(nearest("zzzzqqq", keys), None);
    }

    #[test]
    fn render_underlines_the_span() {
        let d = Diagnostic::error("x/y", "content/a.md", 3, 5, "bad thing")
            .with_len(3)
            .with_hint("do this")
            .with_source("one\ntwo\nabc defgh\n");
        let r = d.render(false);
        assert!(r.contains("error[x/y]: bad thing"), "{r}");
        assert!(r.contains("--> content/a.md:3:5"), "{r}");
        assert!(r.contains("3 | abc defgh"), "{r}");
        assert!(r.contains("  |     ^^^"), "{r}");
        assert!(r.contains("help: do this"), "{r}");
    }
}
