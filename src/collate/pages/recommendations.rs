//! The recommendations of the region: `recommendations/index.html` (a table by theme and
//! status) and `recommendations/THEME/index.html` (a theme's recommendations by status, overdue
//! first). A recommendation appears under each theme of its review.

use super::terms::{counts, Table, TermRow};
use super::{crumb, plural, OutFile, Renderer};
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

    /// The table of every theme's recommendations by status.
    pub(super) fn recommendations_index(&self) -> Result<OutFile, CollateError> {
        let r = self.region;
        let row = |path: &str, label: &str, list: &[(usize, usize)]| {
            let mut by = [0; 4];
            for &(e, i) in list {
                by[slot(r.entries[e].rec.recommendations[i].status)] += 1;
            }
            let figures = [
                by[0],
                by[1],
                by[2],
                by[3],
                self.overdue_in(list),
                list.len(),
            ];
            let cells = counts(&figures, Some(4));
            TermRow::new(format!("recommendations/{path}/index.html"), label, cells)
        };
        let mut rows: Vec<TermRow> = r
            .themes
            .iter()
            .filter(|t| !t.recs.is_empty())
            .map(|t| row(&t.path, &t.label, &t.recs))
            .collect();
        if !r.untagged_recs.is_empty() {
            rows.push(row("no-theme", "No theme given", &r.untagged_recs));
        }
        self.table(Table {
            path: "recommendations/index.html",
            section: "recommendations",
            title: "Recommendations",
            intro: format!(
                "{} from the reviews of {}, by theme and status: {} open, {} overdue (the month they were due, or the revised month, has passed and they are still open). A recommendation appears under each theme of its review.",
                plural(r.recommendation_count, "recommendation", "recommendations"),
                plural(r.boards.len(), "board", "boards"),
                r.open_count,
                r.overdue_count
            ),
            headers: &[
                "Theme",
                "Not started",
                "In progress",
                "Complete",
                "Not implemented",
                "Overdue",
                "All",
            ],
            rows,
        })
    }

    /// The recommendations on one theme (`None`: of the reviews with no theme).
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
        let groups: Vec<Group> = STATUSES
            .iter()
            .zip(self.by_status(list))
            .map(|(&(s, id), v)| Group {
                id,
                label: s.label(),
                count: v.len(),
                overdue: self.overdue_in(&v),
                html: v.iter().map(|&(e, i)| self.recs[e][i].as_str()).collect(),
            })
            .collect();
        let mut c = self.page(
            2,
            &format!("Recommendations: {label}"),
            "recommendations",
            vec![crumb("recommendations/index.html", "Recommendations")],
        );
        c.insert("caption", "Recommendations by theme");
        c.insert(
            "intro",
            &match t {
                Some(_) => format!("on {label}"),
                None => "with no theme".to_string(),
            },
        );
        c.insert("total", &list.len());
        c.insert("overdue", &self.overdue_in(list));
        c.insert("groups", &groups);
        if let Some(t) = t {
            c.insert(
                "theme_href",
                &format!("../../themes/{}/index.html", r.themes[t].path),
            );
        }
        self.render_file(
            &format!("recommendations/{path}/index.html"),
            "region/recommendations.html",
            &c,
        )
    }
}
