//! The rules: one file per family. Every rule has a stable id, a severity, a short
//! description (shown in SARIF) and a fix hint.

pub(crate) mod jigsaw;
pub(crate) mod person;
pub(crate) mod pii;
pub(crate) mod print;
pub(crate) mod template;

use crate::content::Document;
use crate::diagnostics::Severity;
use crate::lint::DocCtx;

/// Run every rule family on one document (a new family adds its line here).
pub(crate) fn check(doc: &Document, ctx: &DocCtx, hits: &mut Vec<Hit>) {
    pii::check(ctx, hits);
    person::check(ctx, hits);
    template::check(doc, ctx.scanned, hits);
    jigsaw::check(doc, ctx, hits);
}

/// What the lint knows about one rule.
#[derive(Debug, Clone, Copy)]
pub(crate) struct RuleInfo {
    pub(crate) id: &'static str,
    pub(crate) severity: Severity,
    /// One line: what the rule catches.
    pub(crate) description: &'static str,
    /// What to do about a finding.
    pub(crate) hint: &'static str,
}

const E: Severity = Severity::Error;
const W: Severity = Severity::Warning;

/// Every rule, in a stable order (SARIF rule indexes follow it).
pub(crate) const RULES: &[RuleInfo] = &[
    RuleInfo { id: "pii/person-name", severity: E, description: "A person's name that is not one of the document's agreed pseudonyms.", hint: "replace the name with the agreed pseudonym or a role (\"her sister\", \"the GP\"), or add the pseudonym to `pseudonyms:` in the front-matter" },
    RuleInfo { id: "pii/date-of-birth", severity: E, description: "A date of birth.", hint: "remove the date of birth; give an age range instead (\"in her forties\")" },
    RuleInfo { id: "pii/exact-date", severity: E, description: "A day-month-year date of an event in the person's life.", hint: "give the month and year only (\"March 2022\"), or a relative time (\"two weeks later\")" },
    RuleInfo { id: "pii/address", severity: E, description: "A street address, flat or house name.", hint: "remove the address; describe the place in general terms (\"a rented flat\", \"a rural village\")" },
    RuleInfo { id: "pii/postcode", severity: E, description: "A UK postcode.", hint: "remove the postcode" },
    RuleInfo { id: "pii/phone", severity: E, description: "A UK landline or mobile phone number.", hint: "remove the phone number; only published helpline numbers belong on the page" },
    RuleInfo { id: "pii/email", severity: E, description: "An email address of a person.", hint: "remove the email address, or use the board's shared mailbox" },
    RuleInfo { id: "pii/nhs-number", severity: E, description: "An NHS number (passes the mod-11 check).", hint: "remove the NHS number" },
    RuleInfo { id: "pii/ni-number", severity: E, description: "A National Insurance number.", hint: "remove the National Insurance number" },
    RuleInfo { id: "pii/named-institution", severity: E, description: "A named school, GP practice, care home, hospital ward or similar that would locate the person.", hint: "describe the kind of place instead (\"a local primary school\", \"her GP practice\", \"a care home\")" },
    RuleInfo { id: "pii/age-with-place", severity: E, description: "An exact age together with a named town or village.", hint: "give an age range (\"in his twenties\") or leave out the place" },
    RuleInfo { id: "pii/jigsaw", severity: E, description: "An exact age, a named place and a month and year together, which can re-identify someone.", hint: "leave out at least one of the three: use an age range, a general place, or a season or year" },
    RuleInfo { id: "pii/known-name", severity: E, description: "One of the real names in the author's private known-names file (exact, possessive or one letter different).", hint: "replace the real name with the agreed pseudonym" },
    RuleInfo { id: "review/recommendation-incomplete", severity: E, description: "A recommendation without an owner or a due month.", hint: "add `owner:` (the agency or group responsible) and `due:` (year and month, e.g. 2025-03) to the recommendation" },
    RuleInfo { id: "review/good-practice-first", severity: W, description: "The findings do not open with good practice.", hint: "start the findings with what went well (a heading such as \"Good practice\")" },
    RuleInfo { id: "briefing/too-long", severity: E, description: "A 7-minute briefing that would not print on one A4 page (10pt, two columns; the message gives the words that fit).", hint: "shorten the briefing to the number of words the message gives; fewer, fuller points fit more words than many short ones, and a shorter title and summary leave more room" },
    RuleInfo { id: "briefing/missing-section", severity: E, description: "A 7-minute briefing without its seven numbered sections.", hint: "use seven numbered headings: 1. Background, 2. Why it matters, 3.–5. key points, 6. questions to reflect on, 7. What to do" },
    RuleInfo { id: "learning-summary/missing-section", severity: E, description: "A learning summary without one of the sections of the regional template.", hint: "add the missing heading and fill it in (write \"None\" if there is nothing to say)" },
    RuleInfo { id: "lint/suppression-without-reason", severity: E, description: "A learnsite-allow comment without a reason.", hint: "write the reason after a colon: `<!-- learnsite-allow pii/person-name: named with the family's written consent -->`" },
    RuleInfo { id: "lint/unused-suppression", severity: W, description: "A learnsite-allow comment that suppresses nothing.", hint: "remove the comment, or move it to the line just above the text it is meant to allow" },
    RuleInfo { id: "pii/jigsaw-age-band", severity: W, description: "The person's age band (person.age_band), a small place and a month and year published together, which can re-identify someone in a small community.", hint: "publish at most two of the three: leave out the age band, describe the place more widely (\"a coastal town\"), or give the year or season instead of the month" },
];

/// Look a rule up by id.
pub(crate) fn rule(id: &str) -> Option<&'static RuleInfo> {
    RULES.iter().find(|r| r.id == id)
}

/// A finding before it is placed: byte range in the source.
#[derive(Debug, Clone)]
pub(crate) struct Hit {
    pub(crate) rule: &'static str,
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) message: String,
}

impl Hit {
    /// A hit over the whole of `m`, a match in the text from byte `s0` on.
    pub(crate) fn at(
        rule: &'static str,
        s0: usize,
        m: regex::Match<'_>,
        message: impl Into<String>,
    ) -> Hit {
        Hit::new(rule, s0 + m.start(), s0 + m.end(), message)
    }

    pub(crate) fn new(
        rule: &'static str,
        start: usize,
        end: usize,
        message: impl Into<String>,
    ) -> Hit {
        Hit {
            rule,
            start,
            end,
            message: message.into(),
        }
    }
}
