//! Controlled vocabularies: review types, methodologies, abuse types and themes, and the
//! codes of the person at the centre of a review (age band, sex, ethnicity, disability, care
//! and support needs, relationship to the perpetrator).
//!
//! Defaults drawn from the sector ship inside the binary (`src/vocab/defaults.yaml`);
//! a site extends them under `vocabularies:` in `learnsite.yaml`. Every term has a
//! stable slug (used in URLs and indexes) and a label (shown to readers). Authors may
//! write the slug, the label or an alias, in any case.

use serde::{Deserialize, Serialize};
use std::collections::HashMap;

const DEFAULTS: &str = include_str!("vocab/defaults.yaml");

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Term {
    pub slug: String,
    pub label: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// A sentence or two saying what the term covers, for readers (opens a theme's page).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// Which vocabulary a field is checked against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum VocabKind {
    ReviewType,
    Methodology,
    AbuseType,
    Theme,
    AgeBand,
    Sex,
    Ethnicity,
    Disability,
    CareAndSupportNeed,
    Relationship,
}

impl VocabKind {
    /// The person's codes, in the order pages show them.
    pub(crate) const PERSON: [VocabKind; 6] = [
        VocabKind::AgeBand,
        VocabKind::Sex,
        VocabKind::Ethnicity,
        VocabKind::Disability,
        VocabKind::CareAndSupportNeed,
        VocabKind::Relationship,
    ];
    /// The key under `vocabularies:` in learnsite.yaml.
    pub(crate) fn config_key(self) -> &'static str {
        match self {
            VocabKind::ReviewType => "review_types",
            VocabKind::Methodology => "methodologies",
            VocabKind::AbuseType => "abuse_types",
            VocabKind::Theme => "themes",
            VocabKind::AgeBand => "age_bands",
            VocabKind::Sex => "sexes",
            VocabKind::Ethnicity => "ethnicities",
            VocabKind::Disability => "disabilities",
            VocabKind::CareAndSupportNeed => "care_and_support_needs",
            VocabKind::Relationship => "relationships",
        }
    }
    pub(crate) fn noun(self) -> &'static str {
        match self {
            VocabKind::ReviewType => "review type",
            VocabKind::Methodology => "methodology",
            VocabKind::AbuseType => "abuse type",
            VocabKind::Theme => "theme",
            VocabKind::AgeBand => "age band",
            VocabKind::Sex => "sex",
            VocabKind::Ethnicity => "ethnic group",
            VocabKind::Disability => "disability",
            VocabKind::CareAndSupportNeed => "care and support need",
            VocabKind::Relationship => "relationship to the perpetrator",
        }
    }
    /// What a page calls the field ("Age band").
    pub(crate) fn title(self) -> &'static str {
        match self {
            VocabKind::ReviewType => "Review type",
            VocabKind::Methodology => "Methodology",
            VocabKind::AbuseType => "Type of abuse",
            VocabKind::Theme => "Theme",
            VocabKind::AgeBand => "Age band",
            VocabKind::Sex => "Sex",
            VocabKind::Ethnicity => "Ethnic group",
            VocabKind::Disability => "Disability",
            VocabKind::CareAndSupportNeed => "Care and support needs",
            VocabKind::Relationship => "Relationship to the perpetrator",
        }
    }
}

/// One vocabulary with a case-insensitive lookup of slugs, labels and aliases.
#[derive(Debug, Clone, Default)]
pub struct Vocab {
    pub terms: Vec<Term>,
    index: HashMap<String, usize>,
}

/// The form a vocabulary value is compared in: lower case, punctuation as spaces, "&" and
/// "and" left out ("Significant Incident Learning Process", "significant-incident learning
/// process" and "Significant Incident & Learning Process" are one key).
fn key(s: &str) -> String {
    s.trim()
        .to_lowercase()
        .replace('&', " and ")
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && *w != "and")
        .collect::<Vec<_>>()
        .join(" ")
}

/// A trailing abbreviation in brackets: "Significant Incident Learning Process (SILP)" →
/// ("Significant Incident Learning Process", "SILP"). Only letters (and digits) in capitals,
/// so "(mandatory, s44(1)-(3))" is not one.
fn split_abbreviation(s: &str) -> Option<(&str, &str)> {
    let t = s.trim_end();
    let inner = t.strip_suffix(')')?;
    let open = inner.rfind('(')?;
    let abbr = inner[open + 1..].trim();
    let head = inner[..open].trim_end();
    let is_abbr = abbr.len() >= 2
        && abbr.len() <= 10
        && abbr
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        && !head.is_empty();
    is_abbr.then_some((head, abbr))
}

/// Every key a label or an alias is found by: itself, and without a trailing "(ABBR)" and the
/// abbreviation alone.
fn keys(s: &str) -> Vec<String> {
    let mut v = vec![key(s)];
    if let Some((head, abbr)) = split_abbreviation(s) {
        v.push(key(head));
        v.push(key(abbr));
    }
    v
}

impl Vocab {
    pub(crate) fn new(terms: Vec<Term>) -> Self {
        let mut v = Vocab {
            terms: Vec::new(),
            index: HashMap::new(),
        };
        for t in terms {
            v.add(t);
        }
        v
    }

    /// Add a term; a term with a slug already present replaces its label and adds its aliases.
    pub(crate) fn add(&mut self, t: Term) {
        let i = match self.index.get(&key(&t.slug)) {
            Some(&i) if self.terms[i].slug == t.slug => {
                self.terms[i].label = t.label.clone();
                self.terms[i].aliases.extend(t.aliases.iter().cloned());
                if t.description.is_some() {
                    self.terms[i].description = t.description.clone();
                }
                i
            }
            _ => {
                self.terms.push(t.clone());
                self.terms.len() - 1
            }
        };
        // Slugs always win over labels/aliases of other terms.
        self.index.insert(key(&t.slug), i);
        for k in std::iter::once(&t.label).chain(t.aliases.iter()) {
            for kk in keys(k) {
                self.index.entry(kk).or_insert(i);
            }
        }
    }

    /// The term a value names: its slug, label or an alias, in any case, with or without
    /// punctuation, "and"/"&" or a trailing "(ABBR)".
    pub(crate) fn get(&self, value: &str) -> Option<&Term> {
        keys(value)
            .iter()
            .find_map(|k| self.index.get(k))
            .map(|&i| &self.terms[i])
    }

    pub fn by_slug(&self, slug: &str) -> Option<&Term> {
        self.terms.iter().find(|t| t.slug == slug)
    }

    /// The nearest known slug or label, for an error message.
    pub(crate) fn suggest(&self, value: &str) -> Option<&Term> {
        let name = crate::diagnostics::nearest(value, self.index.keys().map(|k| k.as_str()))?;
        self.get(name)
    }
}

/// All vocabularies of a site.
#[derive(Debug, Clone, Default)]
pub struct Vocabularies {
    pub review_types: Vocab,
    pub methodologies: Vocab,
    pub abuse_types: Vocab,
    pub themes: Vocab,
    pub age_bands: Vocab,
    pub sexes: Vocab,
    pub ethnicities: Vocab,
    pub disabilities: Vocab,
    pub care_and_support_needs: Vocab,
    pub relationships: Vocab,
}

/// Extensions in `learnsite.yaml`.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub(crate) struct VocabExtensions {
    pub(crate) review_types: Vec<Term>,
    pub(crate) methodologies: Vec<Term>,
    pub(crate) abuse_types: Vec<Term>,
    pub(crate) themes: Vec<Term>,
    pub(crate) age_bands: Vec<Term>,
    pub(crate) sexes: Vec<Term>,
    pub(crate) ethnicities: Vec<Term>,
    pub(crate) disabilities: Vec<Term>,
    pub(crate) care_and_support_needs: Vec<Term>,
    pub(crate) relationships: Vec<Term>,
}

impl Vocabularies {
    pub fn defaults() -> Self {
        let ext: VocabExtensions =
            serde_norway::from_str(DEFAULTS).expect("built-in vocabularies are valid YAML");
        Vocabularies {
            review_types: Vocab::new(ext.review_types),
            methodologies: Vocab::new(ext.methodologies),
            abuse_types: Vocab::new(ext.abuse_types),
            themes: Vocab::new(ext.themes),
            age_bands: Vocab::new(ext.age_bands),
            sexes: Vocab::new(ext.sexes),
            ethnicities: Vocab::new(ext.ethnicities),
            disabilities: Vocab::new(ext.disabilities),
            care_and_support_needs: Vocab::new(ext.care_and_support_needs),
            relationships: Vocab::new(ext.relationships),
        }
    }

    pub(crate) fn with_extensions(ext: &VocabExtensions) -> Self {
        let mut v = Self::defaults();
        let pairs: [(&mut Vocab, &Vec<Term>); 10] = [
            (&mut v.review_types, &ext.review_types),
            (&mut v.methodologies, &ext.methodologies),
            (&mut v.abuse_types, &ext.abuse_types),
            (&mut v.themes, &ext.themes),
            (&mut v.age_bands, &ext.age_bands),
            (&mut v.sexes, &ext.sexes),
            (&mut v.ethnicities, &ext.ethnicities),
            (&mut v.disabilities, &ext.disabilities),
            (&mut v.care_and_support_needs, &ext.care_and_support_needs),
            (&mut v.relationships, &ext.relationships),
        ];
        for (vocab, terms) in pairs {
            for t in terms {
                vocab.add(t.clone());
            }
        }
        v
    }

    pub(crate) fn get(&self, kind: VocabKind) -> &Vocab {
        match kind {
            VocabKind::ReviewType => &self.review_types,
            VocabKind::Methodology => &self.methodologies,
            VocabKind::AbuseType => &self.abuse_types,
            VocabKind::Theme => &self.themes,
            VocabKind::AgeBand => &self.age_bands,
            VocabKind::Sex => &self.sexes,
            VocabKind::Ethnicity => &self.ethnicities,
            VocabKind::Disability => &self.disabilities,
            VocabKind::CareAndSupportNeed => &self.care_and_support_needs,
            VocabKind::Relationship => &self.relationships,
        }
    }

    /// The label of `slug` in the vocabulary `kind` (the slug itself if unknown).
    pub(crate) fn label(&self, kind: VocabKind, slug: &str) -> String {
        self.get(kind)
            .by_slug(slug)
            .map(|t| t.label.clone())
            .unwrap_or_else(|| slug.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_load_and_look_up_by_slug_label_alias() {
        let v = Vocabularies::defaults();
        assert_eq!(v.review_types.get("SAR").unwrap().slug, "sar");
        assert_eq!(v.review_types.get("dhr").unwrap().slug, "dhr");
        for (written, slug) in [
            ("Professional Curiosity", "professional-curiosity"),
            ("voice of the child", "voice-of-the-person"),
        ] {
            assert_eq!(v.themes.get(written).unwrap().slug, slug, "{written}");
        }
        assert_eq!(v.methodologies.get("SILP").unwrap().slug, "silp");
        assert!(v.themes.get("astrology").is_none());
        assert!(v.themes.terms.len() >= 35);
        for slug in [
            "child-death-review",
            "multi-agency-concise-review",
            "serious-further-offence-review",
            "mental-health-homicide-review",
            "prevent-learning-review",
            "single-agency-review",
        ] {
            assert!(v.review_types.by_slug(slug).is_some(), "{slug}");
        }
        assert_eq!(v.age_bands.get("65-74").unwrap().label, "65 to 74");
        assert_eq!(v.age_bands.get("85+").unwrap().slug, "85-plus");
        assert_eq!(
            v.relationships.get("ex-partner").unwrap().slug,
            "former-partner"
        );
        for kind in VocabKind::PERSON {
            assert!(!v.get(kind).terms.is_empty(), "{}", kind.noun());
        }
    }

    #[test]
    fn lookup_ignores_case_punctuation_and_abbreviations() {
        let v = Vocabularies::defaults();
        for written in [
            "Significant Incident Learning Process",
            "significant incident learning process",
            "Significant Incident Learning Process (SILP)",
            "Significant Incident Learning Process  (SILP) ",
            "significant-incident-learning-process",
            "SILP",
        ] {
            assert_eq!(
                v.methodologies.get(written).map(|t| t.slug.as_str()),
                Some("silp"),
                "{written}"
            );
        }
        assert_eq!(
            v.themes
                .get("Mental capacity & best interests")
                .unwrap()
                .slug,
            "mental-capacity"
        );
        assert_eq!(
            v.themes
                .get("mental capacity, best interests")
                .unwrap()
                .slug,
            "mental-capacity"
        );
        assert_eq!(
            v.themes.get("Domestic Abuse (DA)").unwrap().slug,
            "domestic-abuse"
        );
        // A label whose brackets are not an abbreviation keeps them.
        assert_eq!(
            v.review_types
                .get("Safeguarding Adults Review (mandatory, s44(1)-(3))")
                .unwrap()
                .slug,
            "sar-mandatory"
        );
        assert_eq!(
            v.review_types
                .get("Safeguarding Adults Review")
                .unwrap()
                .slug,
            "sar"
        );
    }

    #[test]
    fn suggestion_for_misspelling() {
        let v = Vocabularies::defaults();
        for (written, slug) in [
            ("profesional curiosity", "professional-curiosity"),
            ("self neglect", "self-neglect"),
        ] {
            assert_eq!(v.themes.suggest(written).unwrap().slug, slug, "{written}");
        }
    }

    #[test]
    fn site_extends_vocabulary() {
        let ext = VocabExtensions {
            themes: vec![Term {
                slug: "cuckooing".into(),
                label: "Cuckooing".into(),
                aliases: vec![],
                description: None,
            }],
            ..Default::default()
        };
        let v = Vocabularies::with_extensions(&ext);
        assert_eq!(v.themes.get("cuckooing").unwrap().label, "Cuckooing");
        assert!(v.themes.get("hoarding").is_some());
    }
}
