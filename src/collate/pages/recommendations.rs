//! The recommendations of the region: `recommendations/index.html` (a table by theme and
//! status, then every recommendation once, with its themes) and `recommendations/THEME/index.html`
//! (a theme's recommendations by status, overdue first). A recommendation is on the themes it
//! gives itself, else on its review's.

use super::terms::{counts, TermRow};
use super::{crumb, plural, Block, OutFile, Renderer};
use crate::collate::CollateError;
use crate::content::RecommendationStatus;
use serde::Serialize;

/// The statuses in the order the pages show them, with their element ids.
const STATUSES: [(RecommendationStatus, &str); 4] = [
    (RecommendationStatus::NotStarted, "not-started"),
    (RecommendationStatus::InProgress, "in-progress"),
    (RecommendationStatus::Complete, "complete"),
    (RecommendationStatus::NotImplemented, "not-implemented"),
];

fn slot(status: RecommendationStatus) -> usize {
    match status {
        RecommendationStatus::NotStarted => 0,
        RecommendationStatus::InProgress => 1,
        RecommendationStatus::Complete => 2,
        RecommendationStatus::NotImplemented => 3,
    }
}

/// The recommendations of one status on a theme's page.
#[derive(Serialize)]
struct Group {
    id: &'static str,
    label: &'static str,
    count: usize,
    overdue: usize,
    html: String,
}

impl Block for Group {
    fn set_html(&mut self, html: String) {
        self.html = html;
    }
}

impl Renderer<'_> {
    /// How many of these (entry, recommendation) pairs are overdue.
    pub(super) fn overdue_in(&self, list: &[(usize, usize)]) -> usize {
        list.iter()
            .filter(|&&(e, i)| self.region.entries[e].overdue[i])
            .count()
    }

    /// Recommendations by status (not started, in progress, complete); in each, overdue first,
    /// then by due month, board and review.
    fn by_status(&self, list: &[(usize, usize)]) -> [Vec<(usize, usize)>; 4] {
        let entries = &self.region.entries;
        let mut by: [Vec<(usize, usize)>; 4] = Default::default();
        for &(e, i) in list {
            by[slot(entries[e].rec.recommendations[i].status)].push((e, i));
        }
        for v in &mut by {
            v.sort_by(|&(ea, ia), &(eb, ib)| {
                let (a, b) = (&entries[ea], &entries[eb]);
                let (da, db) = (
                    &a.rec.recommendations[ia].due,
                    &b.rec.recommendations[ib].due,
                );
                b.overdue[ib]
                    .cmp(&a.overdue[ia])
                    .then_with(|| (da.is_none(), da).cmp(&(db.is_none(), db)))
                    .then_with(|| a.board.cmp(&b.board))
                    .then_with(|| a.rec.title.cmp(&b.rec.title))
                    .then_with(|| ia.cmp(&ib))
            });
        }
        by
    }

    /// The groups by status of these recommendations, and each group's list items.
    fn groups(&self, list: &[(usize, usize)]) -> (Vec<Group>, Vec<Vec<&str>>) {
        STATUSES
            .iter()
            .zip(self.by_status(list))
            .map(|(&(s, id), v)| {
                let group = Group {
                    id,
                    label: s.label(),
                    count: v.len(),
                    overdue: self.overdue_in(&v),
                    html: String::new(),
                };
                let items = v.iter().map(|&(e, i)| self.recs[e][i].as_str()).collect();
                (group, items)
            })
            .unzip()
    }

    /// A row of the index table: these recommendations by status, overdue and all.
    fn status_row(&self, href: String, label: &str, list: &[(usize, usize)]) -> TermRow {
        let mut by = [0; 4];
        for &(e, i) in list {
            by[slot(self.region.entries[e].rec.recommendations[i].status)] += 1;
        }
        let overdue = self.overdue_in(list);
        let figures = [by[0], by[1], by[2], by[3], overdue, list.len()];
        TermRow::new(href, label, counts(&figures, Some(4)))
    }

    /// The recommendations index: a table by theme and status, its last row counting each
    /// recommendation once, then every recommendation once, by status, with all its themes.
    pub(super) fn recommendations_index(&self) -> Result<OutFile, CollateError> {
        let r = self.region;
        let page = |path: &str| format!("recommendations/{path}/index.html");
        let mut rows: Vec<TermRow> = r
            .themes
            .iter()
            .filter(|t| !t.recs.is_empty())
            .map(|t| self.status_row(page(&t.path), &t.label, &t.recs))
            .collect();
        if !r.untagged_recs.is_empty() {
            rows.push(self.status_row(page("no-theme"), "No theme given", &r.untagged_recs));
        }
        let all: Vec<(usize, usize)> = (r.entries.iter().enumerate())
            .flat_map(|(e, x)| (0..x.overdue.len()).map(move |i| (e, i)))
            .collect();
        let footer = self.status_row(
            "recommendations/index.html#all-recommendations".into(),
            "All recommendations, each counted once",
            &all,
        );
        let mut c = self.page(1, "Recommendations", "recommendations", vec![]);
        c.insert(
            "lead",
            &format!(
                "{} from the reviews of {}, each counted once: {} open.",
                plural(
                    r.counts.recommendations,
                    "recommendation",
                    "recommendations"
                ),
                plural(r.boards.len(), "board", "boards"),
                r.counts.open,
            ),
        );
        c.insert("table_caption", "Recommendations by theme and status");
        c.insert(
            "table_note",
            "A recommendation is counted under each of its themes (the themes it gives, or its review’s when it gives none), so the rows add up to more than the last row, which counts each recommendation once.",
        );
        c.insert(
            "headers",
            &[
                "Theme",
                "Not started",
                "In progress",
                "Complete",
                "Not implemented",
                "Overdue",
                "All",
            ],
        );
        c.insert("rows", &rows);
        c.insert("footer", &footer);
        c.insert("total", &all.len());
        c.insert("overdue", &r.counts.overdue);
        let (groups, items) = self.groups(&all);
        self.render_blocks(
            "recommendations/index.html",
            "region/recommendations.html",
            c,
            "groups",
            groups,
            items,
        )
    }

    /// The recommendations on one theme (`None`: those with no theme).
    pub(super) fn theme_recommendations(&self, t: Option<usize>) -> Result<OutFile, CollateError> {
        let r = self.region;
        let (label, path, list) = match t {
            Some(t) => (
                r.themes[t].label.as_str(),
                r.themes[t].path.as_str(),
                &r.themes[t].recs,
            ),
            None => ("No theme given", "no-theme", &r.untagged_recs),
        };
        let mut c = self.page(
            2,
            &format!("Recommendations: {label}"),
            "recommendations",
            vec![crumb("recommendations/index.html", "Recommendations")],
        );
        c.insert("caption", "Recommendations by theme");
        c.insert(
            "lead",
            &format!(
                "{} {}, by status. A recommendation is on the themes it gives, or on its review’s when it gives none.",
                plural(list.len(), "recommendation", "recommendations"),
                match t {
                    Some(_) => format!("on {label}"),
                    None => "with no theme".to_string(),
                },
            ),
        );
        c.insert("total", &list.len());
        c.insert("overdue", &self.overdue_in(list));
        if let Some(t) = t {
            c.insert(
                "theme_href",
                &format!("../../themes/{}/index.html", r.themes[t].path),
            );
        }
        let (groups, items) = self.groups(list);
        self.render_blocks(
            &format!("recommendations/{path}/index.html"),
            "region/recommendations.html",
            c,
            "groups",
            groups,
            items,
        )
    }
}
