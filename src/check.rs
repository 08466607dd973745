//! `learnsite check`: validation and the lint over every document, whatever its audience,
//! without building. Exit 0 clean, 1 if any error, 2 on usage or I/O errors.

use crate::diagnostics::{self, Diagnostic};
use crate::lint::Linter;
use crate::site;
use std::path::Path;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Human,
    Json,
    Sarif,
}

/// Run the check and print its findings; returns the exit code.
pub fn run(
    site: &Path,
    only: Option<&Path>,
    format: Format,
    unmasked: bool,
    known_names: Option<&Path>,
) -> anyhow::Result<u8> {
    let outcome = match site::load(site) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("error: {e}");
            return Ok(e.exit_code() as u8);
        }
    };
    let linter = match Linter::new(&outcome.site.config, site, known_names) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("error: {e}");
            return Ok(2);
        }
    };
    // Every document: those with front-matter errors too, as far as they could be read;
    // and the feedback files.
    let feedback = outcome.site.feedback_documents(|_| true);
    let every: Vec<&crate::content::Document> = outcome
        .site
        .documents
        .iter()
        .chain(&outcome.unpublishable)
        .chain(&feedback)
        .collect();
    let documents = every.len() - feedback.len();
    let mut report = linter.lint_all(&every);
    let mut all: Vec<Diagnostic> = outcome.diagnostics.clone();
    all.append(&mut report.findings);
    if let Some(p) = only {
        let prefix = p.to_string_lossy().replace('\\', "/");
        let prefix = prefix.trim_start_matches("./").to_string();
        all.retain(|d| d.file.starts_with(&prefix));
        report.suppressions.retain(|s| s.file.starts_with(&prefix));
    }
    diagnostics::sort(&mut all);
    let errors = all.iter().filter(|d| d.is_error()).count();
    match format {
        Format::Human => {
            let color = diagnostics::use_color();
            for d in &all {
                eprintln!("{}", d.render(color));
            }
            let warnings = all.len() - errors;
            let feedback = match outcome.site.feedback.len() {
                0 => String::new(),
                1 => " and 1 feedback file".to_string(),
                n => format!(" and {n} feedback files"),
            };
            eprintln!(
                "Checked {} document{}{feedback}: {} error{}, {} warning{}.",
                documents,
                if documents == 1 { "" } else { "s" },
                errors,
                if errors == 1 { "" } else { "s" },
                warnings,
                if warnings == 1 { "" } else { "s" }
            );
        }
        Format::Json => {
            report.findings = all;
            println!("{}", crate::lint::to_json(&report, true, unmasked));
        }
        Format::Sarif => {
            report.findings = all;
            println!("{}", crate::lint::to_sarif(&report, unmasked));
        }
    }
    Ok(if errors > 0 { 1 } else { 0 })
}
