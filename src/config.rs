//! `learnsite.yaml`: the site's configuration.

use crate::diagnostics::Diagnostic;
use crate::vocab::{VocabExtensions, Vocabularies};
use crate::yaml;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

pub(crate) const CONFIG_FILE: &str = "learnsite.yaml";

/// The quick-exit button (GOV.UK "Exit this page" pattern). A setting left out takes its
/// value from [`QuickExit::default`]: on, to a neutral site.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub(crate) struct QuickExit {
    pub(crate) enabled: bool,
    /// Where the button goes: a neutral site.
    pub(crate) url: String,
}

impl Default for QuickExit {
    fn default() -> Self {
        QuickExit {
            enabled: true,
            url: "https://www.bbc.co.uk/weather".to_string(),
        }
    }
}

/// Settings of the pseudonymisation lint.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub(crate) struct LintConfig {
    /// Words that are never a person's name on this site: agency names, places, local services.
    pub(crate) allow: Vec<String>,
    /// A private file of the real names involved, one a line. Must lie outside `content/` and `static/`.
    pub(crate) known_names: Option<PathBuf>,
}

/// How readers send feedback on a page, and where a team's action sheet goes back to.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct FeedbackConfig {
    /// A `mailto:` or web-form address shown on every review, briefing and learning summary.
    /// `{reference}` (the document's reference, or its title when it has none), `{title}` and
    /// `{url}` are filled in, encoded for an address.
    pub link: Option<String>,
    /// Who a team returns its action sheet to ("your agency's safeguarding lead").
    pub return_to: Option<String>,
}

impl FeedbackConfig {
    /// The feedback link for one document, or `None` when the site has none.
    pub fn link_for(&self, reference: Option<&str>, title: &str, url: &str) -> Option<String> {
        use percent_encoding::{utf8_percent_encode, NON_ALPHANUMERIC};
        let enc = |v: &str| utf8_percent_encode(v, NON_ALPHANUMERIC).to_string();
        let link = self.link.as_deref()?.trim();
        Some(
            link.replace(' ', "%20")
                .replace("{reference}", &enc(reference.unwrap_or(title)))
                .replace("{title}", &enc(title))
                .replace("{url}", &enc(url)),
        )
    }
}

/// The site configuration as written in `learnsite.yaml`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    pub(crate) title: String,
    /// Absolute URL the site is published at, e.g. `https://learning.example-sab.org.uk/`.
    #[serde(default = "default_base_url")]
    pub(crate) base_url: String,
    pub(crate) description: Option<String>,
    /// The board or partnership that publishes this site.
    pub(crate) board: Option<String>,
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
    /// The feedback link on pages and the action sheet's return address.
    #[serde(default)]
    pub(crate) feedback: FeedbackConfig,
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
                    "quick_exit", "vocabularies", "lint", "accessibility_statement", "feedback",
                ];
                if let Some(s) = crate::diagnostics::nearest(&field, known) {
                    d = d.with_hint(format!("did you mean `{s}`?"));
                }
            }
            d
        })?;
        if let Some(link) = cfg.feedback.link.as_deref() {
            let l = link.trim().to_lowercase();
            if !(l.starts_with("mailto:") || l.starts_with("https://") || l.starts_with("http://"))
            {
                let line = text
                    .lines()
                    .position(|l| l.trim_start().starts_with("link:"))
                    .map_or(1, |i| i + 1);
                return Err(Diagnostic::error(
                    "config/invalid",
                    file,
                    line,
                    1,
                    format!("the feedback link `{link}` is not an email or web address"),
                )
                .with_hint("write `mailto:` and an address (mailto:learning@board.example?subject=Feedback on {reference}), or the https:// address of a form")
                .with_source(text));
            }
        }
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
        let c = Config::parse("title: X\nquick_exit:\n  url: https://x.example/\n", "l").unwrap();
        assert!(c.quick_exit.enabled);
        let c = Config::parse("title: X\nquick_exit:\n  enabled: false\n", "l").unwrap();
        assert_eq!(c.quick_exit.url, "https://www.bbc.co.uk/weather");
    }

    #[test]
    fn feedback_link_fills_in_the_reference_and_must_be_an_address() {
        let c = Config::parse(
            "title: X\nfeedback:\n  link: \"mailto:l@b.example?subject=Feedback on {reference}\"\n",
            "learnsite.yaml",
        )
        .unwrap();
        assert_eq!(
            c.feedback
                .link_for(Some("NM-SAR-2024/01"), "T", "u")
                .unwrap(),
            "mailto:l@b.example?subject=Feedback%20on%20NM%2DSAR%2D2024%2F01"
        );
        assert_eq!(
            c.feedback.link_for(None, "Adult D & more", "u").unwrap(),
            "mailto:l@b.example?subject=Feedback%20on%20Adult%20D%20%26%20more"
        );
        let e = Config::parse(
            "title: X\nfeedback:\n  link: javascript:alert(1)\n",
            "learnsite.yaml",
        )
        .unwrap_err();
        assert_eq!(e.line, 3);
    }

    #[test]
    fn unknown_setting_names_line_and_suggestion() {
        let e = Config::parse("title: X\nregoin: North\n", "learnsite.yaml").unwrap_err();
        assert_eq!(e.line, 2);
        assert!(e.hint.unwrap().contains("`region`"));
    }
}
