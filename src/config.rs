//! `learnsite.yaml`: the site's configuration.

use crate::diagnostics::Diagnostic;
use crate::vocab::{VocabExtensions, Vocabularies};
use crate::yaml;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

pub(crate) const CONFIG_FILE: &str = "learnsite.yaml";

/// The quick-exit button (GOV.UK "Exit this page" pattern).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct QuickExit {
    #[serde(default = "yes")]
    pub(crate) enabled: bool,
    /// Where the button goes: a neutral site.
    #[serde(default = "default_exit_url")]
    pub(crate) url: String,
}

fn yes() -> bool {
    true
}
fn default_exit_url() -> String {
    "https://www.bbc.co.uk/weather".to_string()
}

impl Default for QuickExit {
    fn default() -> Self {
        QuickExit {
            enabled: true,
            url: default_exit_url(),
        }
    }
}

/// Settings of the pseudonymisation lint.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct LintConfig {
    /// Words that are never a person's name on this site: agency names, places, local services.
    #[serde(default)]
    pub(crate) allow: Vec<String>,
    /// A private file of the real names involved, one a line. Must lie outside `content/` and `static/`.
    #[serde(default)]
    pub(crate) known_names: Option<PathBuf>,
}

/// The site configuration as written in `learnsite.yaml`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    pub(crate) title: String,
    /// Absolute URL the site is published at, e.g. `https://learning.example-sab.org.uk/`.
    #[serde(default = "default_base_url")]
    pub(crate) base_url: String,
    #[serde(default)]
    pub(crate) description: Option<String>,
    /// The board or partnership that publishes this site.
    #[serde(default)]
    pub(crate) board: Option<String>,
    #[serde(default)]
    pub(crate) region: Option<String>,
    #[serde(default = "default_language")]
    pub(crate) language: String,
    /// Output folder, relative to the site root.
    #[serde(default = "default_output")]
    pub(crate) output: PathBuf,
    #[serde(default)]
    pub(crate) quick_exit: QuickExit,
    #[serde(default)]
    pub(crate) vocabularies: VocabExtensions,
    #[serde(default)]
    pub(crate) lint: LintConfig,
    /// Link to the site's accessibility statement (a page path or URL).
    #[serde(default = "default_a11y")]
    pub(crate) accessibility_statement: String,
}

fn default_base_url() -> String {
    "http://localhost/".to_string()
}
fn default_language() -> String {
    "en-GB".to_string()
}
fn default_output() -> PathBuf {
    PathBuf::from("public")
}
fn default_a11y() -> String {
    "/accessibility/".to_string()
}

impl Config {
    /// Parse the text of `learnsite.yaml`. `file` is the name used in messages.
    pub(crate) fn parse(text: &str, file: &str) -> Result<Config, Diagnostic> {
        let mut cfg: Config = serde_norway::from_str(text).map_err(|e| {
            let (line, col) = yaml::error_position(&e, text, 1);
            let msg = yaml::plain_yaml_message(&e.to_string());
            let mut d = Diagnostic::error("config/invalid", file, line, col, format!("the site settings could not be read: {msg}"))
                .with_hint("check the spelling and indentation of this line of learnsite.yaml; the README lists every setting")
                .with_source(text);
            if let Some(field) = yaml::unknown_field_in(&e.to_string()) {
                let known = [
                    "title", "base_url", "description", "board", "region", "language", "output",
                    "quick_exit", "vocabularies", "lint", "accessibility_statement",
                ];
                if let Some(s) = crate::diagnostics::nearest(&field, known) {
                    d = d.with_hint(format!("did you mean `{s}`?"));
                }
            }
            d
        })?;
        if !cfg.base_url.ends_with('/') {
            cfg.base_url.push('/');
        }
        Ok(cfg)
    }

    pub fn load(site_root: &Path) -> Result<Config, LoadConfigError> {
        let path = site_root.join(CONFIG_FILE);
        let text = std::fs::read_to_string(&path).map_err(|source| LoadConfigError::Io {
            path: path.clone(),
            source,
        })?;
        Config::parse(&text, CONFIG_FILE).map_err(LoadConfigError::Invalid)
    }

    pub(crate) fn vocabularies(&self) -> Vocabularies {
        Vocabularies::with_extensions(&self.vocabularies)
    }

    /// Absolute URL of a site path such as `reviews/adult-a/`.
    pub(crate) fn absolute_url(&self, path: &str) -> String {
        format!("{}{}", self.base_url, path.trim_start_matches('/'))
    }
}

#[derive(Debug, thiserror::Error)]
pub enum LoadConfigError {
    #[error("cannot read {}: {source}. Is this a learnsite site folder? (use --site DIR, or `learnsite init DIR` to start one)", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}", .0.render(false))]
    Invalid(Diagnostic),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minimal_config_gets_defaults() {
        let c = Config::parse(
            "title: Example SAB\nbase_url: https://x.example\n",
            "learnsite.yaml",
        )
        .unwrap();
        assert_eq!(c.language, "en-GB");
        assert_eq!(c.base_url, "https://x.example/");
        assert_eq!(c.output, PathBuf::from("public"));
        assert!(c.quick_exit.enabled);
    }

    #[test]
    fn unknown_setting_names_line_and_suggestion() {
        let e = Config::parse("title: X\nregoin: North\n", "learnsite.yaml").unwrap_err();
        assert_eq!(e.line, 2);
        assert!(e.hint.unwrap().contains("`region`"));
    }
}
