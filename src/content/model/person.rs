//! The person at the centre of a review, coded for national analyses.

use super::{one_or_many, scalar_text};
use crate::vocab::VocabKind;
use serde::{Deserialize, Serialize};

/// The person at the centre of a review, coded as national analyses code them. Every value
/// is a slug of a built-in vocabulary (after validation); never an exact age. A list may be
/// written as one value, as in [`super::Meta`].
#[serde_with::apply(Vec<String> => #[serde(deserialize_with = "one_or_many")])]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub(crate) struct Person {
    /// An age band such as `18-25` or `65-74` (a number is read as text, so that an exact
    /// age can be refused with the band to write instead).
    #[serde(deserialize_with = "scalar_text")]
    pub(crate) age_band: Option<String>,
    pub(crate) sex: Option<String>,
    /// An ethnic group (the census's high-level groups).
    pub(crate) ethnicity: Option<String>,
    pub(crate) disability: Vec<String>,
    /// Care and support needs (the primary support reasons of adult social care).
    pub(crate) care_and_support_needs: Vec<String>,
    /// For a DHR: the perpetrator's relationship to the person.
    pub(crate) relationship_to_perpetrator: Option<String>,
}

impl Person {
    pub(crate) fn is_empty(&self) -> bool {
        *self == Person::default()
    }
    /// Each code's vocabulary and values, in the order of [`VocabKind::PERSON`].
    pub fn codes(&self) -> [(VocabKind, Vec<&str>); 6] {
        fn one(o: &Option<String>) -> Vec<&str> {
            o.as_deref().into_iter().collect()
        }
        fn many(v: &[String]) -> Vec<&str> {
            v.iter().map(String::as_str).collect()
        }
        [
            (VocabKind::AgeBand, one(&self.age_band)),
            (VocabKind::Sex, one(&self.sex)),
            (VocabKind::Ethnicity, one(&self.ethnicity)),
            (VocabKind::Disability, many(&self.disability)),
            (
                VocabKind::CareAndSupportNeed,
                many(&self.care_and_support_needs),
            ),
            (
                VocabKind::Relationship,
                one(&self.relationship_to_perpetrator),
            ),
        ]
    }
}
