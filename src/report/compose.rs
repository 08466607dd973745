//! The report's wording and order: a [`Report`] as [`Block`]s, which the writers turn into
//! markdown, HTML and Word. Everything the report says is said here once.

use super::blocks::{bold, link, plain, Block, Line, Row, Span, Table};
use super::model::{ActionRef, Report, ReviewEntry, ReviewRow, StatusCounts};
use crate::content::{Date, Kind, RecommendationStatus, TALLY_COLUMNS};
use crate::render::view::RecommendationView;

fn n(count: usize, one: &str, many: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}

/// A section: its heading, then what it says when it has nothing to show (and `false`: the
/// caller stops), or its introduction (none when empty).
fn open(b: &mut Vec<Block>, title: &str, nothing: Option<&str>, intro: &str) -> bool {
    b.push(Block::heading(2, title));
    if let Some(none) = nothing {
        b.push(Block::para(none));
        return false;
    }
    if !intro.is_empty() {
        b.push(Block::para(intro));
    }
    true
}

/// "A, B and C".
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

fn table(caption: &str, head: &[&str], widths: &[u16], rows: Vec<Row>) -> Block {
    Block::Table(Table {
        caption: caption.to_string(),
        head: head.iter().map(|h| h.to_string()).collect(),
        rows,
        widths: widths.to_vec(),
    })
}

/// A cell of one plain paragraph.
fn cell(s: impl Into<String>) -> Vec<Line> {
    vec![vec![plain(s)]]
}

/// The review's name, linked to its page when it has one.
fn review_cell(r: &ReviewRow) -> Vec<Line> {
    let name = match &r.url {
        Some(u) => link(r.name(), u),
        None => plain(r.name()),
    };
    let mut lines = vec![vec![name]];
    if r.title.is_some() {
        if let Some(reference) = &r.reference {
            lines.push(vec![plain(reference.clone())]);
        }
    }
    lines
}

fn month(m: Option<crate::content::MonthYear>) -> String {
    m.map(|m| m.human())
        .unwrap_or_else(|| "Not recorded".into())
}

/// The report as blocks, in order.
pub(crate) fn compose(r: &Report) -> Vec<Block> {
    let mut b = Vec::new();
    let as_at = Date(r.as_at).human();
    let year_kind = if r.period.financial {
        "financial year"
    } else {
        "year"
    };
    b.push(Block::heading(
        1,
        format!("Safeguarding reviews: annual report {}", r.period.label()),
    ));
    match r.audience {
        "partners" => b.push(Block::Para(vec![
            bold("Not for publication."),
            plain(" This report is for partner agencies: it includes reviews shared with partners only."),
        ])),
        "internal" => b.push(Block::Para(vec![
            bold("Not for publication."),
            plain(" This report is for the board's own use: it includes reviews shared with partners only and names reviews still being carried out."),
        ])),
        _ => {}
    }
    let who = if r.boards.is_empty() {
        r.board.clone()
    } else {
        format!("{}: the reviews of {}", r.board, and_list(&r.boards))
    };
    b.push(Block::para(format!(
        "{who}. This section of the annual report covers the {year_kind} {}. It sets out the reviews arranged in the year, the findings of the reviews concluded in it and what has been done about each of their recommendations, the reviews still being carried out at the end of the year, and the recommendations the board decided not to implement, with its reasons. The status of each recommendation is as at {as_at}.",
        r.period.words()
    )));
    glance(r, &mut b, &as_at);
    arranged(r, &mut b);
    concluded(r, &mut b);
    earlier(r, &mut b);
    ongoing(r, &mut b);
    standing(r, &mut b, &as_at);
    not_implemented(r, &mut b);
    impact(r, &mut b);
    themes(r, &mut b);
    markers(r, &mut b);
    shared(r, &mut b);
    b.push(Block::Para(vec![Span {
        text: format!(
            "Made with learnsite on {as_at} from the review summaries the board publishes."
        ),
        italic: true,
        ..Span::default()
    }]));
    b
}

fn glance(r: &Report, b: &mut Vec<Block>, as_at: &str) {
    let c = r.counts();
    b.push(Block::heading(2, "The year at a glance"));
    let mut items = vec![
        format!("Reviews arranged in the year: {}", r.arranged.len()),
        format!("Reviews concluded in the year: {}", r.concluded.len()),
        format!(
            "Reviews still being carried out at the end of the year: {}",
            r.ongoing.len()
        ),
        format!(
            "Recommendations in this report: {}, from {} concluded in the year and {} concluded earlier whose action plans were open or moved in it",
            c.total(),
            n(r.concluded.len(), "review", "reviews"),
            n(r.earlier.len(), "review", "reviews"),
        ),
    ];
    if c.total() > 0 {
        let statuses: Vec<String> = RecommendationStatus::ALL
            .iter()
            .zip(c.by_status)
            .map(|(s, k)| format!("{} {k}", s.label().to_lowercase()))
            .collect();
        items.push(format!("By status: {}", statuses.join(", ")));
        items.push(format!("Overdue on {as_at}: {}", c.overdue));
    }
    items.push(format!(
        "7-minute briefings and learning summaries published in the year: {}",
        r.shared.len()
    ));
    b.push(Block::bullets(items.into_iter().map(|i| vec![plain(i)])));
}

fn arranged(r: &Report, b: &mut Vec<Block>) {
    if !open(
        b,
        "Reviews arranged in the year",
        r.arranged
            .is_empty()
            .then_some("The board arranged no reviews in the year."),
        "",
    ) {
        return;
    }
    let rows = r
        .arranged
        .iter()
        .map(|x| {
            vec![
                review_cell(x),
                cell(x.review_type.clone().unwrap_or_default()),
                cell(month(x.commissioned)),
                cell(if x.ongoing {
                    "Ongoing".to_string()
                } else {
                    format!("Completed {}", month(x.completed))
                }),
            ]
        })
        .collect();
    b.push(table(
        "Reviews arranged in the year: type, month commissioned and where each stands",
        &["Review", "Type", "Commissioned", "Where it stands"],
        &[4, 3, 2, 2],
        rows,
    ));
}

/// "Type: SAR. Reference: X. Commissioned March 2023; completed May 2024. Published 15 July 2024."
fn facts(r: &Report, e: &ReviewEntry) -> Block {
    let mut line: Line = Vec::new();
    let mut add = |label: &str, value: String| {
        line.push(bold(format!("{label}: ")));
        line.push(plain(format!("{value}. ")));
    };
    if !r.boards.is_empty() {
        if let Some(b) = &e.row.board {
            add("Board", b.clone());
        }
    }
    if let Some(t) = &e.row.review_type {
        add("Type", t.clone());
    }
    if let Some(reference) = &e.row.reference {
        add("Reference", reference.clone());
    }
    if e.row.commissioned.is_some() {
        add("Commissioned", month(e.row.commissioned));
    }
    if e.row.completed.is_some() {
        add("Completed", month(e.row.completed));
    }
    if let Some(p) = e.published {
        add("Published", Date(p).human());
    }
    if !e.row.themes.is_empty() {
        add("Themes", e.row.themes.join(", "));
    }
    if let Some(last) = line.last_mut() {
        last.text = last.text.trim_end().to_string();
    }
    Block::Para(line)
}

fn page_link(e: &ReviewEntry) -> Option<Block> {
    e.row
        .url
        .as_deref()
        .map(|u| Block::Para(vec![plain("The review summary: "), link(u, u)]))
}

fn concluded(r: &Report, b: &mut Vec<Block>) {
    if !open(
        b,
        "Reviews concluded in the year",
        r.concluded.is_empty().then_some("No review was concluded in the year."),
        "The findings of each review completed in the year, whenever it began, and what has been done about each of its recommendations.",
    ) {
        return;
    }
    for e in &r.concluded {
        b.push(Block::heading(3, e.row.name()));
        b.push(facts(r, e));
        if let Some(s) = &e.summary {
            b.push(Block::para(s.clone()));
        }
        b.extend(page_link(e));
        b.push(Block::heading(4, "What the review found"));
        match &e.findings {
            Some(f) => b.extend(super::blocks::from_markdown(f, 5)),
            None => b.push(Block::para(
                "The published summary has no section headed Findings: see the review summary.",
            )),
        }
        b.push(Block::heading(4, "Recommendations and what has been done"));
        recommendations(e, b);
    }
}

fn earlier(r: &Report, b: &mut Vec<Block>) {
    if !open(
        b,
        "Action plans of earlier reviews",
        r.earlier.is_empty().then_some("None: the recommendations of reviews concluded before the year were all complete or not implemented, and none had progress recorded in the year."),
        "Reviews concluded before the year whose action plans were still open, or had progress recorded, in it.",
    ) {
        return;
    }
    for e in &r.earlier {
        b.push(Block::heading(3, e.row.name()));
        b.push(facts(r, e));
        b.extend(page_link(e));
        recommendations(e, b);
    }
}

/// A review's recommendations as a table: number, text, lead, due, status with evidence.
fn recommendations(e: &ReviewEntry, b: &mut Vec<Block>) {
    if e.recommendations.is_empty() {
        b.push(Block::para("The review made no recommendations."));
        return;
    }
    let rows = e
        .recommendations
        .iter()
        .map(|x| {
            vec![
                cell(x.id.clone()),
                cell(x.text.clone()),
                lead(x),
                due(x),
                status(x),
            ]
        })
        .collect();
    b.push(table(
        &format!(
            "Recommendations of {}: lead, due month and status with evidence",
            e.row.name()
        ),
        &[
            "No.",
            "Recommendation",
            "Lead",
            "Due",
            "Status and evidence",
        ],
        &[1, 6, 3, 3, 5],
        rows,
    ));
}

fn lead(x: &RecommendationView) -> Vec<Line> {
    let mut l = cell(x.owner.clone().unwrap_or_else(|| "Not set".into()));
    if !x.agency.is_empty() {
        l.push(vec![plain(format!(
            "Carried out by {}",
            x.agency.join(", ")
        ))]);
    }
    if let Some(s) = x.scope_label {
        l.push(vec![plain(s)]);
    }
    l
}

fn due(x: &RecommendationView) -> Vec<Line> {
    let mut l = cell(x.due.clone().unwrap_or_else(|| "Not set".into()));
    if let Some(rd) = &x.revised_due {
        l.push(vec![plain(format!("Revised to {rd}"))]);
    }
    l
}

fn status(x: &RecommendationView) -> Vec<Line> {
    let mut l = vec![vec![bold(x.status_label)]];
    if let Some(o) = &x.overdue_words {
        l.push(vec![plain(o.clone())]);
    }
    if let Some(e) = &x.evidence {
        l.push(vec![bold("Evidence: "), plain(e.clone())]);
    }
    if let Some(reason) = &x.reason {
        l.push(vec![bold("Reason: "), plain(reason.clone())]);
    }
    if let Some(u) = x.updates.last() {
        l.push(vec![
            bold(format!("Latest update, {}: ", u.date)),
            plain(u.text.clone()),
        ]);
    }
    l
}

fn ongoing(r: &Report, b: &mut Vec<Block>) {
    if !open(
        b,
        "Reviews ongoing at the end of the year",
        r.ongoing.is_empty().then_some("No review was being carried out at the end of the year."),
        "Reviews being carried out on the last day of the year, whenever they began. A review's findings are published when the board has agreed them.",
    ) {
        return;
    }
    let rows = r
        .ongoing
        .iter()
        .map(|x| {
            vec![
                review_cell(x),
                cell(x.review_type.clone().unwrap_or_default()),
                cell(month(x.commissioned)),
                cell(x.themes.join(", ")),
                cell(match (x.ongoing, x.completed) {
                    (true, _) => "Ongoing".to_string(),
                    (false, Some(c)) => format!("Completed {}, after the year", c.human()),
                    (false, None) => "Completed after the year".to_string(),
                }),
            ]
        })
        .collect();
    b.push(table(
        "Reviews ongoing at the end of the year: type, month commissioned, themes and where each stands",
        &["Review", "Type", "Commissioned", "Themes", "Where it stands"],
        &[3, 3, 2, 4, 2],
        rows,
    ));
}

fn counts_row(label: Vec<Line>, c: &StatusCounts) -> Vec<Vec<Line>> {
    let mut row = vec![label];
    row.extend(c.by_status.iter().map(|k| cell(k.to_string())));
    row.push(cell(c.overdue.to_string()));
    row.push(cell(c.total().to_string()));
    row
}

fn action_cells(a: &ActionRef) -> [Vec<Line>; 3] {
    [
        review_cell(&a.review.row),
        cell(a.rec.id.clone()),
        cell(a.rec.text.clone()),
    ]
}

fn standing(r: &Report, b: &mut Vec<Block>, as_at: &str) {
    let c = r.counts();
    if !open(
        b,
        "Recommendations: where they stand",
        (c.total() == 0).then_some("The reviews in this report made no recommendations."),
        "",
    ) {
        return;
    }
    b.push(Block::para(format!(
        "The {} of the reviews above, on {as_at}. A recommendation is overdue when the month it is due (the later month, when the board agreed one) has passed and it is not started or in progress.",
        n(c.total(), "recommendation", "recommendations")
    )));
    b.push(Block::heading(3, "By status"));
    let mut rows: Vec<Row> = RecommendationStatus::ALL
        .iter()
        .zip(c.by_status)
        .map(|(s, k)| vec![cell(s.label()), cell(k.to_string())])
        .collect();
    rows.push(vec![cell("Of which overdue"), cell(c.overdue.to_string())]);
    rows.push(vec![
        vec![vec![bold("Total")]],
        vec![vec![bold(c.total().to_string())]],
    ]);
    b.push(table(
        "Recommendations by status",
        &["Status", "Recommendations"],
        &[3, 2],
        rows,
    ));

    b.push(Block::heading(3, "By theme"));
    b.push(Block::para(
        "A recommendation's own themes, else its review's; a recommendation with more than one theme is counted under each.",
    ));
    let mut rows: Vec<Row> = r
        .by_theme()
        .iter()
        .map(|(t, k)| counts_row(cell(t.clone()), k))
        .collect();
    rows.push(counts_row(vec![vec![bold("All recommendations")]], &c));
    let mut head = vec!["Theme"];
    head.extend(RecommendationStatus::ALL.iter().map(|s| s.label()));
    head.extend(["Overdue", "Total"]);
    b.push(table(
        "Recommendations by theme and status",
        &head,
        &[4, 2, 2, 2, 2, 2, 2],
        rows,
    ));

    b.push(Block::heading(3, "Overdue"));
    let overdue = r.overdue();
    if overdue.is_empty() {
        b.push(Block::para(format!(
            "No recommendation was overdue on {as_at}."
        )));
    } else {
        let rows = overdue
            .iter()
            .map(|a| {
                let [rev, id, text] = action_cells(a);
                vec![
                    rev,
                    id,
                    text,
                    cell(a.rec.owner.clone().unwrap_or_else(|| "Not set".into())),
                    due(a.rec),
                    cell(a.rec.overdue_words.clone().unwrap_or_default()),
                ]
            })
            .collect();
        b.push(table(
            "Overdue recommendations, longest overdue first",
            &["Review", "No.", "Recommendation", "Lead", "Due", "Overdue"],
            &[3, 1, 6, 3, 2, 2],
            rows,
        ));
    }

    b.push(Block::heading(3, "Progress recorded in the year"));
    let progress = r.progress();
    if progress.is_empty() {
        b.push(Block::para("No dated update was recorded in the year."));
    } else {
        let rows = progress
            .iter()
            .map(|p| {
                let [rev, id, _] = action_cells(&p.action);
                vec![
                    cell(Date(p.date).human()),
                    rev,
                    id,
                    cell(p.text.to_string()),
                ]
            })
            .collect();
        b.push(table(
            "Dated updates on recommendations recorded in the year, oldest first",
            &["Date", "Review", "No.", "Update"],
            &[2, 3, 1, 7],
            rows,
        ));
    }
}

fn not_implemented(r: &Report, b: &mut Vec<Block>) {
    let ni = r.not_implemented();
    if !open(
        b,
        "Recommendations the board decided not to implement",
        ni.is_empty().then_some(
            "None: the board has not decided against any recommendation of these reviews.",
        ),
        "Where a board decides not to implement a finding of a review, its annual report gives the reasons (Care Act 2014, Schedule 2).",
    ) {
        return;
    }
    let rows = ni
        .iter()
        .map(|a| {
            let [rev, id, text] = action_cells(a);
            vec![
                rev,
                id,
                text,
                cell(a.rec.reason.clone().unwrap_or_default()),
            ]
        })
        .collect();
    b.push(table(
        "Recommendations not implemented, with the board's reasons",
        &["Review", "No.", "Recommendation", "Reason"],
        &[3, 1, 5, 5],
        rows,
    ));
}

fn impact(r: &Report, b: &mut Vec<Block>) {
    if !open(
        b,
        "What difference the learning has made",
        r.impact.is_empty().then_some("None of these reviews or their learning summaries records how its impact will be measured."),
        "How the board will know whether the learning has made a difference, and what it found when it looked.",
    ) {
        return;
    }
    let rows = r
        .impact
        .iter()
        .map(|e| {
            let i = &e.impact;
            let mut found: Vec<Line> = match &i.outcome {
                Some(o) => vec![vec![plain(o.clone())]],
                None if i.due => vec![vec![bold(format!(
                    "Not yet measured: the month to look again, {}, has passed.",
                    i.revisit.clone().unwrap_or_default()
                ))]],
                None => vec![vec![plain("Not yet measured.")]],
            };
            if let Some(ev) = &i.evidence {
                found.push(vec![bold("Evidence: "), plain(ev.clone())]);
            }
            vec![
                vec![vec![link(e.title.clone(), &e.url)]],
                cell(i.measure.clone()),
                cell(i.revisit.clone().unwrap_or_else(|| "Not set".into())),
                found,
            ]
        })
        .collect();
    b.push(table(
        "Impact: what is measured, when the board looks again and what it found",
        &[
            "Review or learning summary",
            "What is measured",
            "Look again",
            "What was found",
        ],
        &[3, 4, 2, 5],
        rows,
    ));
}

fn themes(r: &Report, b: &mut Vec<Block>) {
    let t = r.themes();
    if !open(
        b,
        "Learning themes",
        t.is_empty()
            .then_some("No review concluded in the year, so there are no themes to report."),
        "",
    ) {
        return;
    }
    b.push(table(
        "Learning themes of the reviews concluded in the year",
        &["Theme", "Reviews concluded in the year"],
        &[4, 2],
        t.into_iter()
            .map(|(label, k)| vec![cell(label), cell(k.to_string())])
            .collect(),
    ));
}

fn markers(r: &Report, b: &mut Vec<Block>) {
    if !open(
        b,
        "SAR Quality Markers",
        (r.marker_reviews == 0).then_some(
            "None of the reviews concluded in the year recorded the SAR Quality Markers.",
        ),
        "",
    ) {
        return;
    }
    b.push(Block::para(format!(
        "How the {} concluded in the year that recorded the SAR Quality Markers met each marker.",
        n(r.marker_reviews, "review", "reviews")
    )));
    let rows = r
        .markers
        .iter()
        .map(|m| {
            let mut row = vec![cell(format!("{}. {}", m.tally.number, m.tally.name))];
            row.extend(m.tally.counts.iter().map(|k| cell(k.to_string())));
            row
        })
        .collect();
    b.push(table(
        "SAR Quality Markers: how many reviews met each",
        &[
            "Marker",
            TALLY_COLUMNS[0],
            TALLY_COLUMNS[1],
            TALLY_COLUMNS[2],
            TALLY_COLUMNS[3],
            TALLY_COLUMNS[4],
        ],
        &[5, 1, 1, 1, 1, 1],
        rows,
    ));
    let short: Vec<Line> = r
        .markers
        .iter()
        .flat_map(|m| {
            m.shortfalls.iter().map(move |(review, status, evidence)| {
                let mut l = vec![
                    bold(format!("{}. {}", m.tally.number, m.tally.name)),
                    plain(format!(", {review}: {status}.")),
                ];
                if let Some(e) = evidence {
                    l.push(plain(format!(" {e}")));
                }
                l
            })
        })
        .collect();
    if !short.is_empty() {
        b.push(Block::heading(
            3,
            "Where a marker was partly met or not met",
        ));
        b.push(Block::bullets(short));
    }
}

fn shared(r: &Report, b: &mut Vec<Block>) {
    if !open(
        b,
        "Learning shared in the year",
        r.shared
            .is_empty()
            .then_some("No 7-minute briefing or learning summary was published in the year."),
        "",
    ) {
        return;
    }
    let rows = r
        .shared
        .iter()
        .map(|s| {
            vec![
                cell(Date(s.published).human()),
                cell(match s.kind {
                    Kind::Briefing => "7-minute briefing",
                    _ => "Learning summary",
                }),
                vec![vec![link(s.title.clone(), &s.url)]],
                cell(
                    s.uptake
                        .clone()
                        .unwrap_or_else(|| "No feedback recorded".into()),
                ),
            ]
        })
        .collect();
    b.push(table(
        "7-minute briefings and learning summaries published in the year, and teams' feedback",
        &["Published", "Kind", "Title", "Teams' feedback"],
        &[2, 2, 5, 4],
        rows,
    ));
}
