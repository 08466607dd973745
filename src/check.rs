//! `learnsite check`: validation and the lint over every document, whatever its audience,
//! without building. Exit 0 clean, 1 if any error, 2 on usage or I/O errors.

use crate::build;
use crate::diagnostics::{self, Diagnostic};
use crate::lint::Linter;
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
    let _ = (unmasked, known_names);
    let outcome = match build::load(site) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("error: {e}");
            return Ok(e.exit_code() as u8);
        }
    };
    let linter = Linter::default();
    let report = linter.lint_all(&outcome.site.documents);
    let mut all: Vec<Diagnostic> = outcome.diagnostics.clone();
    all.extend(report.findings);
    if let Some(p) = only {
        let prefix = p.to_string_lossy().replace('\\', "/");
        let prefix = prefix.trim_start_matches("./").to_string();
        all.retain(|d| d.file.starts_with(&prefix));
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
            eprintln!(
                "Checked {} document{}: {} error{}, {} warning{}.",
                outcome.site.documents.len(),
                if outcome.site.documents.len() == 1 {
                    ""
                } else {
                    "s"
                },
                errors,
                if errors == 1 { "" } else { "s" },
                warnings,
                if warnings == 1 { "" } else { "s" }
            );
        }
        Format::Json | Format::Sarif => {
            let v = serde_json::json!({ "version": 1, "findings": all.iter().map(|d| serde_json::json!({
                "file": d.file, "line": d.line, "column": d.column, "end_line": d.line, "end_column": d.end_column,
                "rule": d.code, "severity": d.severity, "message": d.message, "hint": d.hint,
            })).collect::<Vec<_>>() });
            println!("{}", serde_json::to_string_pretty(&v)?);
        }
    }
    Ok(if errors > 0 { 1 } else { 0 })
}
