//! `uptake/index.html`: how the boards' 7-minute briefings are being used, from the feedback
//! counts in their learning indexes (`records[].feedback`): by board, then by briefing, most
//! teams first. Teams' names are never in an index, so never here.

use super::{human_month, plural, OutFile, Renderer};
use crate::collate::CollateError;
use serde::Serialize;

#[derive(Serialize)]
struct BoardRow {
    href: String,
    name: String,
    briefings: usize,
    discussed: usize,
    teams: usize,
    returns: usize,
}

#[derive(Serialize)]
struct BriefingRow {
    url: String,
    title: String,
    board: String,
    teams: usize,
    since: String,
    rating: Option<String>,
}

impl Renderer<'_> {
    pub(super) fn uptake(&self) -> Result<OutFile, CollateError> {
        let r = self.region;
        let is_briefing = |e: &&crate::collate::region::Entry| e.rec.kind == "briefing";
        let boards: Vec<BoardRow> = r
            .boards
            .iter()
            .map(|b| {
                let briefings: Vec<_> = b
                    .entries
                    .iter()
                    .map(|&e| &r.entries[e])
                    .filter(is_briefing)
                    .collect();
                let fb: Vec<_> = briefings
                    .iter()
                    .filter_map(|e| e.rec.feedback.as_ref())
                    .collect();
                BoardRow {
                    href: format!("boards/{}/index.html", b.path),
                    name: b.name.clone(),
                    briefings: briefings.len(),
                    discussed: fb.len(),
                    teams: fb.iter().map(|f| f.teams).sum(),
                    returns: fb.iter().map(|f| f.returns).sum(),
                }
            })
            .filter(|b| b.briefings > 0)
            .collect();
        let mut briefings: Vec<BriefingRow> = r
            .entries
            .iter()
            .filter(is_briefing)
            .filter_map(|e| {
                let f = e.rec.feedback.as_ref()?;
                Some(BriefingRow {
                    url: e.rec.url.clone(),
                    title: e.rec.title.clone(),
                    board: r.boards[e.board].name.clone(),
                    teams: f.teams,
                    since: human_month(&f.since),
                    rating: f.rating.map(|x| format!("{x:.1}")),
                })
            })
            .collect();
        briefings.sort_by(|a, b| b.teams.cmp(&a.teams).then(a.title.cmp(&b.title)));
        let total: usize = boards.iter().map(|b| b.briefings).sum();
        let mut c = self.page(1, "Briefings in use", "uptake", vec![]);
        c.insert(
            "intro",
            &format!(
                "How teams have used the boards' 7-minute briefings, from the action sheets and feedback each board records: {} of {} discussed by at least one team. Teams are counted, never named.",
                briefings.len(),
                plural(total, "briefing", "briefings"),
            ),
        );
        c.insert("boards", &boards);
        c.insert("briefings", &briefings);
        self.render_file("uptake/index.html", "region/uptake.html", &c)
    }
}
