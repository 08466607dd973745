//! The words of each section of the report: its heading, what it says when it has nothing to
//! show, its introduction and, for a section that is one table, the table's caption and
//! columns. The code that fills them is in `mod.rs`, `reviews.rs` and `actions.rs`.

/// A section's words. `intro` is left out when empty.
pub(super) struct Section {
    pub(super) title: &'static str,
    pub(super) nothing: &'static str,
    pub(super) intro: &'static str,
}

/// A section that is one table, a row per item: its words, the table's caption and its
/// columns (heading and relative width).
pub(super) struct TableSection {
    pub(super) words: Section,
    pub(super) caption: &'static str,
    pub(super) columns: &'static [(&'static str, u16)],
}

pub(super) const ARRANGED: TableSection = TableSection {
    words: Section {
        title: "Reviews arranged in the year",
        nothing: "The board arranged no reviews in the year.",
        intro: "",
    },
    caption: "Reviews arranged in the year: type, month commissioned and where each stands",
    columns: &[
        ("Review", 4),
        ("Type", 3),
        ("Commissioned", 2),
        ("Where it stands", 2),
    ],
};

pub(super) const CONCLUDED: Section = Section {
    title: "Reviews concluded in the year",
    nothing: "No review was concluded in the year.",
    intro: "The findings of each review completed in the year, whenever it began, and what has been done about each of its recommendations.",
};

pub(super) const EARLIER: Section = Section {
    title: "Action plans of earlier reviews",
    nothing: "None: the recommendations of reviews concluded before the year were all complete or not implemented, and none had progress recorded in the year.",
    intro: "Reviews concluded before the year whose action plans were still open, or had progress recorded, in it.",
};

pub(super) const ONGOING: TableSection = TableSection {
    words: Section {
        title: "Reviews ongoing at the end of the year",
        nothing: "No review was being carried out at the end of the year.",
        intro: "Reviews being carried out on the last day of the year, whenever they began. A review's findings are published when the board has agreed them.",
    },
    caption: "Reviews ongoing at the end of the year: type, month commissioned, themes and where each stands",
    columns: &[
        ("Review", 3),
        ("Type", 3),
        ("Commissioned", 2),
        ("Themes", 4),
        ("Where it stands", 2),
    ],
};

pub(super) const STANDING: Section = Section {
    title: "Recommendations: where they stand",
    nothing: "The reviews in this report made no recommendations.",
    intro: "",
};

pub(super) const NOT_IMPLEMENTED: TableSection = TableSection {
    words: Section {
        title: "Recommendations the board decided not to implement",
        nothing: "None: the board has not decided against any recommendation of these reviews.",
        intro: "Where a board decides not to implement a finding of a review, its annual report gives the reasons (Care Act 2014, Schedule 2).",
    },
    caption: "Recommendations not implemented, with the board's reasons",
    columns: &[
        ("Review", 3),
        ("No.", 1),
        ("Recommendation", 5),
        ("Reason", 5),
    ],
};

pub(super) const IMPACT: TableSection = TableSection {
    words: Section {
        title: "What difference the learning has made",
        nothing: "None of these reviews or their learning summaries records how its impact will be measured.",
        intro: "How the board will know whether the learning has made a difference, and what it found when it looked.",
    },
    caption: "Impact: what is measured, when the board looks again and what it found",
    columns: &[
        ("Review or learning summary", 3),
        ("What is measured", 4),
        ("Look again", 2),
        ("What was found", 5),
    ],
};

pub(super) const THEMES: TableSection = TableSection {
    words: Section {
        title: "Learning themes",
        nothing: "No review concluded in the year, so there are no themes to report.",
        intro: "",
    },
    caption: "Learning themes of the reviews concluded in the year",
    columns: &[("Theme", 4), ("Reviews concluded in the year", 2)],
};

pub(super) const MARKERS: Section = Section {
    title: "SAR Quality Markers",
    nothing: "None of the reviews concluded in the year recorded the SAR Quality Markers.",
    intro: "",
};

pub(super) const SHARED: TableSection = TableSection {
    words: Section {
        title: "Learning shared in the year",
        nothing: "No 7-minute briefing or learning summary was published in the year.",
        intro: "",
    },
    caption: "7-minute briefings and learning summaries published in the year, and teams' feedback",
    columns: &[
        ("Published", 2),
        ("Kind", 2),
        ("Title", 5),
        ("Teams' feedback", 4),
    ],
};
