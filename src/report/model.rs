//! What an annual report says, whatever its form: chosen from the documents a build publishes
//! (after the gate), for one year. It follows what the Care Act (Schedule 2, paragraph 4) asks
//! of a Safeguarding Adults Board's annual report, which the frameworks for children's
//! partnerships and domestic homicide reviews echo:
//!
//! - the reviews **arranged** (commissioned) in the year;
//! - the findings of the reviews **concluded** in the year (completed in it; lacking a
//!   completed month, published in it), whenever they began, with every recommendation;
//! - the reviews **ongoing at the end** of the year, whenever they began;
//! - what has been done to implement the findings: the recommendations of the reviews
//!   concluded in the year and of earlier reviews whose action plans were still open or
//!   moved in the year (a dated update in it), by status and theme, overdue, the progress
//!   recorded in the year, and every recommendation the board decided **not to implement,
//!   with the reason**;
//! - what difference the learning made (impact), the SAR Quality Markers of the reviews
//!   concluded, and the briefings and learning summaries published.
//!
//! Recommendations' status and overdue are as at the report date (`--now`).

use super::period::Period;
use crate::config::Config;
use crate::content::{Document, Kind, MonthYear, RecommendationStatus};
use crate::render::view::{ImpactView, RecommendationView};
use crate::vocab::{Vocab, Vocabularies};
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// A review as the report's tables list it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ReviewRow {
    /// The review's title; `None` for an ongoing review outside an internal report (listed,
    /// like the site's listings, by type, month commissioned, themes and reference only).
    pub(crate) title: Option<String>,
    pub(crate) reference: Option<String>,
    pub(crate) board: Option<String>,
    pub(crate) review_type: Option<String>,
    pub(crate) commissioned: Option<MonthYear>,
    pub(crate) completed: Option<MonthYear>,
    pub(crate) themes: Vec<String>,
    /// The page's full address, when the site publishes it.
    pub(crate) url: Option<String>,
    pub(crate) ongoing: bool,
}

impl ReviewRow {
    /// How the review is named where its title may not be shown.
    pub(crate) fn name(&self) -> String {
        self.title
            .clone()
            .or_else(|| self.reference.clone())
            .or_else(|| self.review_type.as_ref().map(|t| format!("Ongoing {t}")))
            .unwrap_or_else(|| "Ongoing review".to_string())
    }
}

/// A review whose recommendations the report accounts for.
#[derive(Debug, Clone)]
pub(crate) struct ReviewEntry {
    pub(crate) row: ReviewRow,
    pub(crate) summary: Option<String>,
    pub(crate) published: Option<NaiveDate>,
    /// The review summary's "Findings" section, as markdown.
    pub(crate) findings: Option<String>,
    pub(crate) recommendations: Vec<RecommendationView>,
    /// The recommendations' statuses (as the views hold them as text).
    pub(crate) statuses: Vec<RecommendationStatus>,
    /// Each recommendation's themes (its own, else the review's), as labels.
    pub(crate) rec_themes: Vec<Vec<String>>,
}

/// One recommendation with the review it belongs to.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ActionRef<'a> {
    pub(crate) review: &'a ReviewEntry,
    pub(crate) rec: &'a RecommendationView,
}

/// One dated update recorded in the year.
#[derive(Debug, Clone)]
pub(crate) struct Progress<'a> {
    pub(crate) date: NaiveDate,
    pub(crate) action: ActionRef<'a>,
    pub(crate) text: &'a str,
}

/// Counts of recommendations by status, with how many are overdue.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct StatusCounts {
    /// In the order of [`RecommendationStatus::ALL`].
    pub(crate) by_status: [usize; 4],
    pub(crate) overdue: usize,
}

impl StatusCounts {
    pub(crate) fn total(&self) -> usize {
        self.by_status.iter().sum()
    }
    fn add(&mut self, s: RecommendationStatus, overdue: bool) {
        let i = RecommendationStatus::ALL
            .iter()
            .position(|x| *x == s)
            .expect("every status is listed");
        self.by_status[i] += 1;
        self.overdue += usize::from(overdue);
    }
}

/// A review's or learning summary's impact.
#[derive(Debug, Clone)]
pub(crate) struct ImpactEntry {
    /// The review or learning summary.
    pub(crate) title: String,
    pub(crate) url: String,
    pub(crate) impact: ImpactView,
}

/// A Quality Marker across the reviews concluded in the year.
#[derive(Debug, Clone)]
pub(crate) struct MarkerRow {
    pub(crate) tally: crate::content::MarkerTally,
    /// Reviews where it was partly met or not met: (review, status label, evidence).
    pub(crate) shortfalls: Vec<(String, &'static str, Option<String>)>,
}

/// A briefing or learning summary published in the year.
#[derive(Debug, Clone)]
pub(crate) struct Shared {
    pub(crate) kind: Kind,
    pub(crate) title: String,
    pub(crate) url: String,
    pub(crate) published: NaiveDate,
    /// "Discussed by 4 teams since March 2025; rated 4.5 out of 5 on average (4 ratings)".
    pub(crate) uptake: Option<String>,
}

/// The report.
#[derive(Debug, Clone)]
pub(crate) struct Report {
    /// The board (or, when the report covers several, or none is set, the site's title).
    pub(crate) board: String,
    /// The boards whose reviews the report covers, when there are several (a site shared by
    /// a board and its partnerships, reported on together).
    pub(crate) boards: Vec<String>,
    pub(crate) period: Period,
    pub(crate) as_at: NaiveDate,
    /// `public`, `partners` or `internal`.
    pub(crate) audience: &'static str,
    /// Commissioned in the year, in the month order they were commissioned.
    pub(crate) arranged: Vec<ReviewRow>,
    /// Concluded in the year, in the order they concluded.
    pub(crate) concluded: Vec<ReviewEntry>,
    /// Ongoing at the end of the year, in the order they were commissioned.
    pub(crate) ongoing: Vec<ReviewRow>,
    /// Concluded before the year, whose action plans were still open or moved in it.
    pub(crate) earlier: Vec<ReviewEntry>,
    /// Impact of the reviews above and of their (or the year's) learning summaries.
    pub(crate) impact: Vec<ImpactEntry>,
    /// The SAR Quality Markers of the reviews concluded in the year, and how many reviews
    /// recorded them.
    pub(crate) markers: Vec<MarkerRow>,
    pub(crate) marker_reviews: usize,
    /// Briefings and learning summaries published in the year, oldest first.
    pub(crate) shared: Vec<Shared>,
}

impl Report {
    /// Every recommendation the report accounts for: the concluded reviews', then the
    /// earlier reviews'.
    pub(crate) fn actions(&self) -> Vec<ActionRef<'_>> {
        self.concluded
            .iter()
            .chain(&self.earlier)
            .flat_map(|review| {
                review
                    .recommendations
                    .iter()
                    .map(move |rec| ActionRef { review, rec })
            })
            .collect()
    }

    /// All of them by status.
    pub(crate) fn counts(&self) -> StatusCounts {
        let mut c = StatusCounts::default();
        for r in self.concluded.iter().chain(&self.earlier) {
            for (s, v) in r.statuses.iter().zip(&r.recommendations) {
                c.add(*s, v.overdue);
            }
        }
        c
    }

    /// By theme (a recommendation with two themes counts under each), the most
    /// recommendations first, then by name.
    pub(crate) fn by_theme(&self) -> Vec<(String, StatusCounts)> {
        let mut m: BTreeMap<String, StatusCounts> = BTreeMap::new();
        for r in self.concluded.iter().chain(&self.earlier) {
            for ((s, v), themes) in r.statuses.iter().zip(&r.recommendations).zip(&r.rec_themes) {
                for t in themes {
                    m.entry(t.clone()).or_default().add(*s, v.overdue);
                }
            }
        }
        most_first(m.into_iter().collect(), StatusCounts::total)
    }

    /// Overdue on the report date, longest overdue first.
    pub(crate) fn overdue(&self) -> Vec<ActionRef<'_>> {
        let mut v: Vec<ActionRef> = self
            .actions()
            .into_iter()
            .filter(|a| a.rec.overdue)
            .collect();
        v.sort_by_key(|a| std::cmp::Reverse(a.rec.overdue_months.unwrap_or(0)));
        v
    }

    /// The board decided not to implement them.
    pub(crate) fn not_implemented(&self) -> Vec<ActionRef<'_>> {
        self.actions()
            .into_iter()
            .filter(|a| a.rec.status == RecommendationStatus::NotImplemented.as_str())
            .collect()
    }

    /// The dated updates recorded in the year, oldest first.
    pub(crate) fn progress(&self) -> Vec<Progress<'_>> {
        let mut v: Vec<Progress> = self
            .actions()
            .into_iter()
            .flat_map(|action| {
                action.rec.updates.iter().filter_map(move |u| {
                    let date = NaiveDate::parse_from_str(&u.date_iso, "%Y-%m-%d").ok()?;
                    self.period.contains(date).then_some(Progress {
                        date,
                        action,
                        text: &u.text,
                    })
                })
            })
            .collect();
        v.sort_by_key(|p| p.date);
        v
    }

    /// The learning themes of the reviews concluded in the year, with how many reviews each,
    /// most first.
    pub(crate) fn themes(&self) -> Vec<(String, usize)> {
        let mut m: BTreeMap<&str, usize> = BTreeMap::new();
        for r in &self.concluded {
            for t in &r.row.themes {
                *m.entry(t).or_default() += 1;
            }
        }
        most_first(
            m.into_iter().map(|(t, n)| (t.to_string(), n)).collect(),
            |n| *n,
        )
    }
}

/// Themes with their counts, the largest `count` first, then by name (ignoring case).
fn most_first<T>(mut v: Vec<(String, T)>, count: impl Fn(&T) -> usize) -> Vec<(String, T)> {
    v.sort_by(|a, b| {
        count(&b.1)
            .cmp(&count(&a.1))
            .then_with(|| a.0.to_lowercase().cmp(&b.0.to_lowercase()))
    });
    v
}

/// What the report is made from: the documents a build for the report's audience publishes,
/// and the ongoing reviews it lists without their content.
pub(crate) struct Input<'a> {
    pub(crate) config: &'a Config,
    /// The board the report is for: only its documents are read. `None`: every board's.
    pub(crate) board: Option<&'a str>,
    pub(crate) vocab: &'a Vocabularies,
    pub(crate) docs: &'a [&'a Document],
    pub(crate) ongoing: &'a [&'a Document],
    pub(crate) uptake: &'a crate::index::Uptakes,
    pub(crate) audience: crate::content::Audience,
    pub(crate) today: NaiveDate,
}

fn label(v: &Vocab, slug: &str) -> String {
    v.by_slug(slug)
        .map(|t| t.label.clone())
        .unwrap_or_else(|| slug.to_string())
}

/// The month a review concluded: completed, else the month it was published.
fn concluded_month(d: &Document) -> Option<MonthYear> {
    d.meta.completed.or_else(|| {
        d.meta.published.map(|p| MonthYear {
            year: chrono::Datelike::year(&p.0),
            month: chrono::Datelike::month(&p.0),
        })
    })
}

fn row(input: &Input, d: &Document, show_title: bool) -> ReviewRow {
    let m = &d.meta;
    ReviewRow {
        title: show_title.then(|| d.title.clone()),
        reference: m.reference.clone(),
        board: d.board(input.config).map(str::to_string),
        review_type: m
            .review_type
            .as_deref()
            .map(|s| label(&input.vocab.review_types, s)),
        commissioned: m.commissioned,
        completed: m.completed,
        themes: m
            .themes
            .iter()
            .map(|s| label(&input.vocab.themes, s))
            .collect(),
        url: show_title.then(|| input.config.absolute_url(&d.url)),
        ongoing: d.is_ongoing(),
    }
}

fn entry(input: &Input, d: &Document) -> ReviewEntry {
    let m = &d.meta;
    let published = m.published.map(|p| p.0);
    let review_themes: Vec<String> = m
        .themes
        .iter()
        .map(|s| label(&input.vocab.themes, s))
        .collect();
    ReviewEntry {
        row: row(input, d, true),
        summary: m.summary.clone(),
        published,
        findings: super::findings::section(d.body()),
        recommendations: m
            .recommendations
            .iter()
            .map(|r| RecommendationView::new(r, input.vocab, published, input.today))
            .collect(),
        statuses: m.recommendations.iter().map(|r| r.status).collect(),
        rec_themes: m
            .recommendations
            .iter()
            .map(|r| {
                if r.themes.is_empty() {
                    review_themes.clone()
                } else {
                    r.themes
                        .iter()
                        .map(|s| label(&input.vocab.themes, s))
                        .collect()
                }
            })
            .collect(),
    }
}

/// Did anything happen to this review's action plan in the year, or is it still open?
fn plan_open_or_moved(d: &Document, period: &Period) -> bool {
    d.meta
        .recommendations
        .iter()
        .any(|r| r.status.is_open() || r.updates.iter().any(|u| period.contains(u.date.0)))
}

/// The report of `period` from what a build publishes.
pub(crate) fn report(input: &Input, period: Period) -> Report {
    let ours = |d: &&Document| {
        input.board.is_none_or(|b| {
            d.board(input.config)
                .is_some_and(|x| board_key(x) == board_key(b))
        })
    };
    let docs: Vec<&Document> = input.docs.iter().copied().filter(ours).collect();
    let listed: Vec<&Document> = input.ongoing.iter().copied().filter(ours).collect();
    let boards = boards(input.config, docs.iter().chain(&listed).copied());
    let reviews: Vec<&Document> = docs
        .iter()
        .copied()
        .filter(|d| d.kind == Kind::Review)
        .collect();
    // Ongoing reviews: published ones (internal reports) and those listed without content.
    let ongoing_docs: Vec<&Document> = reviews
        .iter()
        .copied()
        .filter(|d| d.is_ongoing())
        .chain(listed.iter().copied())
        .collect();
    let done: Vec<&Document> = reviews
        .iter()
        .copied()
        .filter(|d| !d.is_ongoing())
        .collect();

    // Arranged (commissioned) in the year, whether ongoing or done.
    let in_year = |d: &&&Document| {
        d.meta
            .commissioned
            .is_some_and(|c| period.contains_month(c))
    };
    let arranged = rows_by_commissioned(
        input,
        ongoing_docs.iter().filter(in_year).copied(),
        done.iter().filter(in_year).copied(),
    );

    let concluded_docs = by_conclusion(&done, |d| {
        concluded_month(d).is_some_and(|m| period.contains_month(m))
    });
    // Ongoing at the end of the year: still ongoing (if begun by then), or concluded after it.
    let begun_by_end = |d: &&&Document| d.meta.commissioned.is_none_or(|c| !period.ends_before(c));
    let ongoing = rows_by_commissioned(
        input,
        ongoing_docs.iter().filter(begun_by_end).copied(),
        done.iter()
            .filter(|d| {
                d.meta.commissioned.is_some_and(|c| !period.ends_before(c))
                    && concluded_month(d).is_some_and(|m| period.ends_before(m))
            })
            .copied(),
    );
    let earlier_docs = by_conclusion(&done, |d| {
        concluded_month(d).is_some_and(|m| period.starts_after(m)) && plan_open_or_moved(d, &period)
    });

    let in_scope: Vec<&Document> = concluded_docs
        .iter()
        .chain(&earlier_docs)
        .copied()
        .collect();
    let summaries: Vec<&Document> = docs
        .iter()
        .copied()
        .filter(|d| d.kind == Kind::LearningSummary)
        .filter(|d| {
            d.meta
                .review
                .as_deref()
                .is_some_and(|r| in_scope.iter().any(|x| x.slug == r))
                || d.meta.published.is_some_and(|p| period.contains(p.0))
        })
        .collect();
    let impact = in_scope
        .iter()
        .chain(&summaries)
        .filter_map(|d| {
            d.meta.impact.as_ref().map(|i| ImpactEntry {
                title: d.title.clone(),
                url: input.config.absolute_url(&d.url),
                impact: ImpactView::new(i, input.today),
            })
        })
        .collect();

    let (markers, marker_reviews) = markers(&concluded_docs);

    let shared = shared(input, &period, &docs);

    Report {
        board: board_name(input, &boards),
        boards: if boards.len() > 1 { boards } else { Vec::new() },
        period,
        as_at: input.today,
        audience: input.audience.as_str(),
        arranged,
        concluded: concluded_docs.iter().map(|d| entry(input, d)).collect(),
        ongoing,
        earlier: earlier_docs.iter().map(|d| entry(input, d)).collect(),
        impact,
        markers,
        marker_reviews,
        shared,
    }
}

/// The board the report is of: as the documents write it (`--board`, or the one board of the
/// site), else the site's board or title.
fn board_name(input: &Input, boards: &[String]) -> String {
    match (input.board, boards) {
        // As the documents write it.
        (Some(b), found) => found.first().cloned().unwrap_or_else(|| b.to_string()),
        (None, [one]) => one.clone(),
        (None, []) => input
            .config
            .board
            .clone()
            .filter(|b| !b.trim().is_empty())
            .unwrap_or_else(|| input.config.title.clone()),
        (None, _) => input.config.title.clone(),
    }
}

/// Rows of ongoing reviews (whose titles show only in an internal report) and of done ones,
/// by the month commissioned, then name.
fn rows_by_commissioned<'a>(
    input: &Input,
    ongoing: impl Iterator<Item = &'a Document>,
    done: impl Iterator<Item = &'a Document>,
) -> Vec<ReviewRow> {
    let internal = input.audience == crate::content::Audience::Internal;
    let mut rows: Vec<ReviewRow> = ongoing
        .map(|d| row(input, d, internal))
        .chain(done.map(|d| row(input, d, true)))
        .collect();
    rows.sort_by(|a, b| {
        a.commissioned
            .cmp(&b.commissioned)
            .then(a.name().cmp(&b.name()))
    });
    rows
}

/// The reviews of `done` that `keep` keeps, by the month concluded, then title.
fn by_conclusion<'a>(done: &[&'a Document], keep: impl Fn(&Document) -> bool) -> Vec<&'a Document> {
    let mut docs: Vec<&Document> = done.iter().copied().filter(|d| keep(d)).collect();
    docs.sort_by(|a, b| {
        concluded_month(a)
            .cmp(&concluded_month(b))
            .then(a.title.cmp(&b.title))
    });
    docs
}

/// Briefings and learning summaries published in the year, with teams' uptake.
fn shared(input: &Input, period: &Period, docs: &[&Document]) -> Vec<Shared> {
    let mut shared: Vec<Shared> = docs
        .iter()
        .filter(|d| matches!(d.kind, Kind::Briefing | Kind::LearningSummary))
        .filter_map(|d| {
            let p = d.meta.published?.0;
            period.contains(p).then(|| Shared {
                kind: d.kind,
                title: d.title.clone(),
                url: input.config.absolute_url(&d.url),
                published: p,
                uptake: input.uptake.get(&d.slug).map(uptake_words),
            })
        })
        .collect();
    shared.sort_by(|a, b| a.published.cmp(&b.published).then(a.title.cmp(&b.title)));
    shared
}

/// A board's name as compared: lower case, words only.
pub(crate) fn board_key(b: &str) -> String {
    b.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The boards of `docs` (a document's `board:`, else the site's), in order of first
/// appearance, each once.
pub(crate) fn boards<'a>(config: &Config, docs: impl Iterator<Item = &'a Document>) -> Vec<String> {
    let mut v: Vec<String> = Vec::new();
    for d in docs {
        if let Some(b) = d.board(config).filter(|b| !b.trim().is_empty()) {
            if !v.iter().any(|x| board_key(x) == board_key(b)) {
                v.push(b.to_string());
            }
        }
    }
    v
}

/// "Discussed by 4 teams since March 2025; rated 4.5 out of 5 on average (4 ratings)".
fn uptake_words(u: &crate::content::feedback::Uptake) -> String {
    let mut s = format!(
        "Discussed by {} team{} since {}",
        u.teams,
        if u.teams == 1 { "" } else { "s" },
        u.since_label
    );
    if let Some(r) = u.rating {
        s.push_str(&format!(
            "; rated {r:.1} out of 5 on average ({} rating{})",
            u.ratings,
            if u.ratings == 1 { "" } else { "s" }
        ));
    }
    s
}

/// The Quality Markers of `reviews` (those that record any), and how many reviews record them.
fn markers(reviews: &[&Document]) -> (Vec<MarkerRow>, usize) {
    use crate::content::MarkerStatus;
    let t = crate::content::tally(reviews.iter().map(|d| {
        d.meta
            .quality_markers
            .iter()
            .map(|(k, q)| (k.as_str(), q.status))
            .collect()
    }));
    let rows = t
        .markers
        .into_iter()
        .map(|tally| {
            let shortfalls = reviews
                .iter()
                .filter_map(|d| {
                    let q = d.meta.quality_markers.get(tally.key)?;
                    matches!(q.status, MarkerStatus::Partly | MarkerStatus::NotMet)
                        .then(|| (d.title.clone(), q.status.label(), q.evidence.clone()))
                })
                .collect();
            MarkerRow { tally, shortfalls }
        })
        .collect();
    (rows, t.reviews)
}
