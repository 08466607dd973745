//! Lint: the pseudonymisation lint and the template checks (pure functions, no I/O
//! beyond reading the private known-names file when the linter is set up).
//!
//! PLACEHOLDER API, being implemented: see issue 3.

use crate::content::Document;
use crate::diagnostics::Diagnostic;

/// The lint, set up for one site.
#[derive(Debug, Default, Clone)]
pub struct Linter {}

/// A suppression comment found in a document.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Suppression {
    pub file: String,
    pub line: usize,
    pub rule: String,
    pub reason: String,
    pub used: bool,
}

/// What linting a set of documents found.
#[derive(Debug, Default, Clone)]
pub struct LintReport {
    pub findings: Vec<Diagnostic>,
    pub suppressions: Vec<Suppression>,
}

impl Linter {
    /// Lint every document (in parallel).
    pub fn lint_all(&self, docs: &[Document]) -> LintReport {
        let _ = docs;
        LintReport::default()
    }
}
