//! `quality-markers/index.html`: the SAR Quality Markers compared across boards, from the
//! markers boards record in their learning indexes (version 2): a chart and table by board,
//! and a table by marker and board. A board whose indexes hold no markers (version 1, or no
//! SARs that record them) is listed as such.

use super::{plural, OutFile, Renderer};
use crate::collate::chart::{self, MarkerBar};
use crate::collate::CollateError;
use crate::content::{self, Tally, TALLY_COLUMNS};
use serde::Serialize;

#[derive(Serialize)]
struct BoardRow {
    href: String,
    name: String,
    reviews: usize,
    /// In the order of [`TALLY_COLUMNS`].
    counts: [usize; 5],
    /// "75%" of the assessed markers met; `None` when none was assessed.
    met_share: Option<String>,
}

#[derive(Serialize)]
struct MarkerRow {
    number: usize,
    name: &'static str,
    /// For each board with markers, then the region: "2 of 3" (met, of the reviews that
    /// assessed it), or "–" when none did.
    cells: Vec<String>,
}

fn share(met: usize, assessed: usize) -> Option<String> {
    (assessed > 0).then(|| format!("{}%", (met * 100 + assessed / 2) / assessed))
}

fn met_of(t: &Tally, marker: usize) -> String {
    let m = &t.markers[marker];
    match m.assessed() {
        0 => "–".to_string(),
        n => format!("{} of {n}", m.counts[0]),
    }
}

impl Renderer<'_> {
    pub(super) fn quality_markers(&self) -> Result<OutFile, CollateError> {
        let r = self.region;
        let review_markers = |e: usize| -> Vec<(&str, content::MarkerStatus)> {
            let rec = &r.entries[e].rec;
            if rec.kind != "review" {
                return Vec::new();
            }
            rec.quality_markers
                .iter()
                .map(|(k, m)| (k.as_str(), m.status))
                .collect()
        };
        let tallies: Vec<Tally> = r
            .boards
            .iter()
            .map(|b| content::tally(b.entries.iter().map(|&e| review_markers(e))))
            .collect();
        let region = content::tally((0..r.entries.len()).map(review_markers));
        let boards: Vec<BoardRow> = r
            .boards
            .iter()
            .zip(&tallies)
            .map(|(b, t)| {
                let counts = t.totals();
                BoardRow {
                    href: format!("boards/{}/index.html", b.path),
                    name: b.name.clone(),
                    reviews: t.reviews,
                    counts,
                    met_share: share(counts[0], counts[..3].iter().sum()),
                }
            })
            .collect();
        let with: Vec<usize> = (0..boards.len())
            .filter(|&i| tallies[i].reviews > 0)
            .collect();
        let markers: Vec<MarkerRow> = region
            .markers
            .iter()
            .enumerate()
            .map(|(i, m)| MarkerRow {
                number: m.number,
                name: m.name,
                cells: with
                    .iter()
                    .map(|&b| met_of(&tallies[b], i))
                    .chain([met_of(&region, i)])
                    .collect(),
            })
            .collect();
        let bars: Vec<MarkerBar> = with
            .iter()
            .map(|&b| {
                let c = tallies[b].totals();
                MarkerBar {
                    board: &r.boards[b].name,
                    met: c[0],
                    partly: c[1],
                    not_met: c[2],
                }
            })
            .collect();
        let mut c = self.page(1, "Quality markers", "quality-markers", vec![]);
        c.insert(
            "intro",
            &format!(
                "How each board's Safeguarding Adults Reviews met the SAR Quality Markers (2022), as the boards recorded them: {} from {} of the {}. Reviews that do not record the markers are not counted.",
                plural(region.reviews, "review", "reviews"),
                with.len(),
                plural(r.boards.len(), "board", "boards"),
            ),
        );
        c.insert("chart", &chart::markers_by_board(&bars));
        c.insert("columns", &TALLY_COLUMNS);
        c.insert(
            "marker_boards",
            &with.iter().map(|&b| &boards[b]).collect::<Vec<_>>(),
        );
        c.insert(
            "without",
            &boards
                .iter()
                .filter(|b| b.reviews == 0)
                .map(|b| b.name.as_str())
                .collect::<Vec<_>>(),
        );
        c.insert("markers", &markers);
        c.insert(
            "region_share",
            &share(region.totals()[0], region.totals()[..3].iter().sum()),
        );
        self.render_file(
            "quality-markers/index.html",
            "region/quality_markers.html",
            &c,
        )
    }
}
