//! The regional view of the merged records: boards, themes, years, their counts and the
//! recommendations, in the order the pages show them.

use super::merge::Merged;
use crate::index::learning::{self, LearningIndex, OngoingReview, Record, Source};
use crate::vocab::Vocabularies;
use chrono::{Months, NaiveDate};
use std::collections::{BTreeMap, HashMap, HashSet};

/// One record of the regional site.
#[derive(Debug, Clone)]
pub(crate) struct Entry {
    pub(crate) rec: Record,
    /// Index into [`Region::boards`].
    pub(crate) board: usize,
    /// Index into [`Region::years`].
    pub(crate) year: usize,
    pub(crate) date: Option<NaiveDate>,
    /// Indexes into [`Region::themes`].
    pub(crate) themes: Vec<usize>,
    /// Which of `rec.recommendations` are overdue today.
    pub(crate) overdue: Vec<bool>,
    /// The themes of each of `rec.recommendations` (indexes into [`Region::themes`]): its own,
    /// where it gives themes this region knows, else its document's.
    pub(crate) rec_themes: Vec<Vec<usize>>,
}

#[derive(Debug, Clone)]
pub(crate) struct BoardInfo {
    pub(crate) name: String,
    /// Folder name under `boards/` (ASCII, unique).
    pub(crate) path: String,
    /// Entries, newest first.
    pub(crate) entries: Vec<usize>,
    /// The board's own index, when one was read.
    pub(crate) source: Option<Source>,
    pub(crate) counts: Counts,
}

/// How many reviews and recommendations a board has, or the whole region.
#[derive(Debug, Clone, Default)]
pub(crate) struct Counts {
    /// A review summary with the briefings and learning summaries that name it (by board and
    /// slug) counts once, however many documents it has; a document that names no review
    /// counts on its own.
    pub(crate) reviews: usize,
    pub(crate) recommendations: usize,
    /// Not started or in progress.
    pub(crate) open: usize,
    pub(crate) overdue: usize,
}

impl Counts {
    /// Count in one record's recommendations: `overdue` says which are, `open` how many are.
    fn add_recommendations(&mut self, overdue: &[bool], open: usize) {
        self.recommendations += overdue.len();
        self.open += open;
        self.overdue += overdue.iter().filter(|o| **o).count();
    }
}

#[derive(Debug, Clone)]
pub(crate) struct ThemeInfo {
    pub(crate) slug: String,
    pub(crate) label: String,
    /// Folder name under `themes/` (ASCII, unique).
    pub(crate) path: String,
    /// The documents on the theme, by their publication date.
    pub(crate) documents: Spread,
    /// The reviews on the theme (see [`Counts::reviews`]): a review is on it when any of its
    /// documents is, and counts by the date of its first published document.
    pub(crate) reviews: Spread,
    /// Entries, newest first.
    pub(crate) entries: Vec<usize>,
    /// Recommendations on it (their own themes, else their review's): (entry, number).
    pub(crate) recs: Vec<(usize, usize)>,
}

/// How many documents (or reviews) are on a theme: in all, in the 12 months up to the
/// collate date, per board and per year column (same orders as [`Region::boards`] and
/// [`Region::years`]).
#[derive(Debug, Clone)]
pub(crate) struct Spread {
    pub(crate) total: usize,
    pub(crate) recent: usize,
    pub(crate) by_board: Vec<usize>,
    pub(crate) by_year: Vec<usize>,
}

impl Spread {
    fn new(boards: usize, years: usize) -> Spread {
        Spread {
            total: 0,
            recent: 0,
            by_board: vec![0; boards],
            by_year: vec![0; years],
        }
    }
    fn add(&mut self, board: usize, year: usize, recent: bool) {
        self.total += 1;
        self.recent += usize::from(recent);
        self.by_board[board] += 1;
        self.by_year[year] += 1;
    }
}

/// A value documents are grouped by (a review type, a methodology, a year), with its page.
#[derive(Debug, Clone)]
pub(crate) struct Term<K> {
    /// The value; `None` for the documents that give none.
    pub(crate) key: Option<K>,
    pub(crate) label: String,
    /// Folder name (ASCII, unique).
    pub(crate) path: String,
    /// Entries, newest first.
    pub(crate) entries: Vec<usize>,
}

/// A review type or methodology, by its slug.
pub(crate) type TermInfo = Term<String>;
/// A year of publication (or of completion, when no publication date was given).
pub(crate) type YearInfo = Term<i32>;

#[derive(Debug, Clone)]
pub(crate) struct Region {
    pub(crate) title: String,
    pub(crate) region: Option<String>,
    pub(crate) today: NaiveDate,
    /// First day of the "last 12 months".
    pub(crate) recent_from: NaiveDate,
    pub(crate) entries: Vec<Entry>,
    pub(crate) boards: Vec<BoardInfo>,
    /// Most reviews in the last 12 months first, then most reviews in all, then most documents,
    /// then by label.
    pub(crate) themes: Vec<ThemeInfo>,
    /// Ascending; the unknown year last.
    pub(crate) years: Vec<YearInfo>,
    /// Review types, most documents first; documents with none last.
    pub(crate) review_types: Vec<TermInfo>,
    /// Methodologies, the same way.
    pub(crate) methodologies: Vec<TermInfo>,
    /// Entries with no theme.
    pub(crate) untagged: usize,
    /// Recommendations with no theme (neither their own nor their review's).
    pub(crate) untagged_recs: Vec<(usize, usize)>,
    /// The whole region's: see [`Counts::reviews`].
    pub(crate) counts: Counts,
    pub(crate) duplicates: usize,
    pub(crate) warnings: Vec<String>,
    pub(crate) sources: Vec<Source>,
    /// Reviews still being carried out, by board.
    pub(crate) ongoing: Vec<OngoingReview>,
}

/// An ASCII folder name for `s`: lowercase letters, digits and single hyphens.
pub(crate) fn path_slug(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out.truncate(80);
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// Give each name a unique folder name, `fallback`, `fallback-2`, ... when a name has no letters.
fn unique_paths<'a>(names: impl Iterator<Item = &'a str>, fallback: &str) -> Vec<String> {
    let mut used = HashSet::new();
    names
        .map(|n| {
            let base = match path_slug(n) {
                s if s.is_empty() => fallback.to_string(),
                s => s,
            };
            let mut p = base.clone();
            let mut i = 2;
            while !used.insert(p.clone()) {
                p = format!("{base}-{i}");
                i += 1;
            }
            p
        })
        .collect()
}

/// Each entry's place in the order every list shows: newest first (by publication, then
/// completion), then by title and board; entries alike in all of these in the order read.
/// Computed once: a list (entries in the order read) is then put in order by these places
/// alone, as a stable sort by the same rule would order it.
struct Newest(Vec<u32>);

impl Newest {
    fn of(entries: &[Entry]) -> Newest {
        let mut order: Vec<usize> = (0..entries.len()).collect();
        order.sort_by(|&a, &b| {
            let (ea, eb) = (&entries[a], &entries[b]);
            eb.date
                .cmp(&ea.date)
                .then_with(|| eb.rec.completed.cmp(&ea.rec.completed))
                .then_with(|| ea.rec.title.cmp(&eb.rec.title))
                .then_with(|| ea.board.cmp(&eb.board))
        });
        let mut place = vec![0; entries.len()];
        for (i, &n) in order.iter().enumerate() {
            place[n] = i as u32;
        }
        Newest(place)
    }

    /// Put `list` (entry numbers) newest first.
    fn sort(&self, list: &mut [usize]) {
        list.sort_unstable_by_key(|&n| self.0[n]);
    }
}

/// The records in the order of the region's entries: by board, then as every index orders
/// them ([`learning::record_order`]); one sort of their numbers, then each record moved once
/// (records are large: sorting them in place moved each many times).
fn in_region_order(records: Vec<Record>) -> Vec<Record> {
    crate::order::sorted_moving_once(records, |ra, rb| {
        ra.board
            .cmp(&rb.board)
            .then_with(|| learning::record_order(ra, rb))
    })
}

/// Group entries by the values of a facet (a document may have several), newest first in each;
/// terms with the most documents first, the documents with no value last.
fn facet_terms(
    entries: &[Entry],
    newest: &Newest,
    none_label: &str,
    values: impl Fn(&Record) -> Vec<(String, Option<String>)>,
) -> Vec<TermInfo> {
    let mut at: HashMap<Option<String>, usize> = HashMap::new();
    let mut out: Vec<TermInfo> = Vec::new();
    for (n, e) in entries.iter().enumerate() {
        let mut keys: Vec<(Option<String>, String)> = values(&e.rec)
            .into_iter()
            .map(|(slug, label)| (Some(slug.clone()), label.unwrap_or(slug)))
            .collect();
        if keys.is_empty() {
            keys.push((None, none_label.to_string()));
        }
        for (slug, label) in keys {
            let i = *at.entry(slug.clone()).or_insert_with(|| {
                out.push(TermInfo {
                    key: slug,
                    label,
                    path: String::new(),
                    entries: Vec::new(),
                });
                out.len() - 1
            });
            if out[i].entries.last() != Some(&n) {
                out[i].entries.push(n);
            }
        }
    }
    out.sort_by(|a, b| {
        (
            a.key.is_none(),
            std::cmp::Reverse(a.entries.len()),
            &a.label,
        )
            .cmp(&(
                b.key.is_none(),
                std::cmp::Reverse(b.entries.len()),
                &b.label,
            ))
    });
    let paths = unique_paths(
        out.iter().map(|t| t.key.as_deref().unwrap_or("not-given")),
        "term",
    );
    for (t, p) in out.iter_mut().zip(paths) {
        t.path = p;
        newest.sort(&mut t.entries);
    }
    out
}

/// The boards of these records (sorted by board), each with its own index when one was read.
fn boards_of(records: &[Record], sources: &[Source]) -> Vec<BoardInfo> {
    let mut names: Vec<&str> = records.iter().filter_map(|r| r.board.as_deref()).collect();
    names.dedup();
    let paths = unique_paths(names.iter().copied(), "board");
    names
        .iter()
        .zip(paths)
        .map(|(name, path)| BoardInfo {
            name: name.to_string(),
            path,
            entries: Vec::new(),
            source: sources
                .iter()
                .find(|s| s.board.as_deref() == Some(*name))
                .cloned(),
            counts: Counts::default(),
        })
        .collect()
}

/// The years of these records, ascending, the unknown year last.
fn years_of(records: &[Record]) -> Vec<YearInfo> {
    let mut set: Vec<Option<i32>> = records
        .iter()
        .map(Record::year)
        .collect::<HashSet<_>>()
        .into_iter()
        .collect();
    set.sort_by_key(|y| (y.is_none(), *y));
    set.into_iter()
        .map(|year| YearInfo {
            key: year,
            label: year.map_or_else(|| "Year not known".into(), |y| y.to_string()),
            path: year.map_or_else(|| "unknown".into(), |y| y.to_string()),
            entries: Vec::new(),
        })
        .collect()
}

/// The themes of these records, in the order first met, each labelled as most boards label it
/// (else as the default vocabulary does, else by its slug).
fn themes_of(records: &[Record], boards: usize, years: usize) -> Vec<ThemeInfo> {
    let mut labels: HashMap<&str, BTreeMap<&str, usize>> = HashMap::new();
    let mut order: Vec<&str> = Vec::new();
    for r in records {
        for (i, t) in r.themes.iter().enumerate() {
            let e = labels.entry(t.as_str()).or_insert_with(|| {
                order.push(t.as_str());
                BTreeMap::new()
            });
            if let Some(l) = r.theme_labels.get(i).filter(|l| !l.trim().is_empty()) {
                *e.entry(l.as_str()).or_default() += 1;
            }
        }
    }
    let defaults = Vocabularies::defaults();
    let paths = unique_paths(order.iter().copied(), "theme");
    order
        .iter()
        .zip(paths)
        .map(|(slug, path)| {
            let best = labels[slug]
                .iter()
                .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
                .map(|(l, _)| l.to_string());
            let label = best
                .or_else(|| defaults.themes.by_slug(slug).map(|t| t.label.clone()))
                .unwrap_or_else(|| slug.to_string());
            ThemeInfo {
                slug: slug.to_string(),
                label,
                path,
                documents: Spread::new(boards, years),
                reviews: Spread::new(boards, years),
                entries: Vec::new(),
                recs: Vec::new(),
            }
        })
        .collect()
}

/// The records as entries, counted into their boards, years and themes.
struct Tally {
    entries: Vec<Entry>,
    untagged: usize,
    untagged_recs: Vec<(usize, usize)>,
    /// The region's recommendations (its reviews are counted later).
    counts: Counts,
}

impl Tally {
    fn count(
        records: Vec<Record>,
        today: NaiveDate,
        recent_from: NaiveDate,
        boards: &mut [BoardInfo],
        years: &mut [YearInfo],
        themes: &mut [ThemeInfo],
    ) -> Tally {
        let board_at: HashMap<String, usize> = (boards.iter().enumerate())
            .map(|(i, b)| (b.name.clone(), i))
            .collect();
        let year_at: HashMap<Option<i32>, usize> =
            years.iter().enumerate().map(|(i, y)| (y.key, i)).collect();
        let theme_at: HashMap<String, usize> = (themes.iter().enumerate())
            .map(|(i, t)| (t.slug.clone(), i))
            .collect();
        let mut tally = Tally {
            entries: Vec::with_capacity(records.len()),
            untagged: 0,
            untagged_recs: Vec::new(),
            counts: Counts::default(),
        };
        for (n, rec) in records.into_iter().enumerate() {
            let board = board_at[rec.board.as_deref().unwrap_or_default()];
            let year = year_at[&rec.year()];
            let date = rec.published_date();
            let recent = date.is_some_and(|d| d >= recent_from && d <= today);
            let mut entry_themes: Vec<usize> = Vec::with_capacity(rec.themes.len());
            for t in &rec.themes {
                if !entry_themes.contains(&theme_at[t]) {
                    entry_themes.push(theme_at[t]);
                }
            }
            // The model's rule: due month passed and not complete.
            let overdue: Vec<bool> = (rec.recommendations.iter())
                .map(|r| r.is_overdue(today))
                .collect();
            let open = (rec.recommendations.iter())
                .filter(|r| r.status.is_open())
                .count();
            let rec_themes: Vec<Vec<usize>> = (rec.recommendations.iter())
                .map(|r| {
                    let mut own: Vec<usize> = Vec::with_capacity(r.themes.len());
                    for t in r.themes.iter().filter_map(|t| theme_at.get(t)) {
                        if !own.contains(t) {
                            own.push(*t);
                        }
                    }
                    if own.is_empty() {
                        entry_themes.clone()
                    } else {
                        own
                    }
                })
                .collect();
            let b = &mut boards[board];
            b.entries.push(n);
            b.counts.add_recommendations(&overdue, open);
            years[year].entries.push(n);
            for &t in &entry_themes {
                let th = &mut themes[t];
                th.entries.push(n);
                th.documents.add(board, year, recent);
            }
            for (i, list) in rec_themes.iter().enumerate() {
                for &t in list {
                    themes[t].recs.push((n, i));
                }
                if list.is_empty() {
                    tally.untagged_recs.push((n, i));
                }
            }
            tally.untagged += usize::from(entry_themes.is_empty());
            tally.counts.add_recommendations(&overdue, open);
            tally.entries.push(Entry {
                rec,
                board,
                year,
                date,
                themes: entry_themes,
                overdue,
                rec_themes,
            });
        }
        tally
    }
}

/// The key of the review a document belongs to on its board: the review summary's slug, the
/// slug a briefing or learning summary names, else the document's own kind and slug.
fn review_key(rec: &Record) -> String {
    match rec.review.as_deref().map(str::trim) {
        Some(r) if !r.is_empty() => r.to_string(),
        _ if rec.kind == "review" => rec.slug.clone(),
        _ => format!("{}:{}", rec.kind, rec.slug),
    }
}

/// Count the reviews (see [`Counts::reviews`]) into their boards and themes: a review is on
/// a theme when any of its documents is, counted in the year (and the last 12 months, or not)
/// of its first published document. Returns how many reviews there are.
fn count_reviews(
    entries: &[Entry],
    today: NaiveDate,
    recent_from: NaiveDate,
    boards: &mut [BoardInfo],
    themes: &mut [ThemeInfo],
) -> usize {
    let mut reviews: BTreeMap<(usize, String), Vec<usize>> = BTreeMap::new();
    for (n, e) in entries.iter().enumerate() {
        reviews
            .entry((e.board, review_key(&e.rec)))
            .or_default()
            .push(n);
    }
    let mut on: Vec<usize> = Vec::new();
    for ((board, _), docs) in &reviews {
        let first = docs
            .iter()
            .map(|&n| &entries[n])
            .min_by_key(|e| (e.date.is_none(), e.date))
            .expect("a review has a document");
        let recent = first.date.is_some_and(|d| d >= recent_from && d <= today);
        on.clear();
        on.extend(docs.iter().flat_map(|&n| entries[n].themes.iter().copied()));
        on.sort_unstable();
        on.dedup();
        boards[*board].counts.reviews += 1;
        for &t in &on {
            themes[t].reviews.add(*board, first.year, recent);
        }
    }
    reviews.len()
}

/// Put the themes in the order every page shows them (most reviews in the last 12 months
/// first, then most reviews in all, then most documents, then by label), renumbering the
/// entries' themes and their recommendations'.
fn order_themes(themes: Vec<ThemeInfo>, entries: &mut [Entry]) -> Vec<ThemeInfo> {
    let mut order: Vec<usize> = (0..themes.len()).collect();
    order.sort_by(|&a, &b| {
        let (ta, tb) = (&themes[a], &themes[b]);
        (tb.reviews.recent, tb.reviews.total, tb.documents.total)
            .cmp(&(ta.reviews.recent, ta.reviews.total, ta.documents.total))
            .then_with(|| ta.label.cmp(&tb.label))
    });
    let mut new_index = vec![0; themes.len()];
    for (new, &old) in order.iter().enumerate() {
        new_index[old] = new;
    }
    for e in entries {
        for t in e.themes.iter_mut().chain(e.rec_themes.iter_mut().flatten()) {
            *t = new_index[*t];
        }
    }
    let mut slots: Vec<Option<ThemeInfo>> = themes.into_iter().map(Some).collect();
    order
        .iter()
        .map(|&old| slots[old].take().expect("each theme once"))
        .collect()
}

/// `(slug, label)` of values given with optional labels: a label the record gives, else the
/// default vocabulary's, else none.
pub(super) fn labelled(
    values: &[String],
    labels: &[String],
    vocab: &crate::vocab::Vocab,
) -> Vec<(String, Option<String>)> {
    values
        .iter()
        .enumerate()
        .filter(|(_, t)| !t.trim().is_empty())
        .map(|(i, t)| {
            let given = labels.get(i).filter(|l| !l.trim().is_empty()).cloned();
            let label = given.or_else(|| vocab.by_slug(t).map(|x| x.label.clone()));
            (t.clone(), label)
        })
        .collect()
}

/// The region all the entries share, if they share one.
fn common_region(entries: &[Entry]) -> Option<String> {
    let mut it = entries.iter().map(|e| e.rec.region.as_deref());
    match it.next() {
        Some(Some(first)) if it.all(|r| r == Some(first)) => Some(first.to_string()),
        _ => None,
    }
}

impl Region {
    pub(crate) fn build(merged: Merged, title: Option<String>, today: NaiveDate) -> Region {
        let Merged {
            records,
            ongoing,
            sources,
            duplicates,
            mut warnings,
        } = merged;
        let records = in_region_order(records);
        let mut boards = boards_of(&records, &sources);
        let mut years = years_of(&records);
        let mut themes = themes_of(&records, boards.len(), years.len());
        let recent_from = today
            .checked_sub_months(Months::new(12))
            .unwrap_or(today)
            .succ_opt()
            .unwrap_or(today);
        let mut tally = Tally::count(
            records,
            today,
            recent_from,
            &mut boards,
            &mut years,
            &mut themes,
        );
        tally.counts.reviews =
            count_reviews(&tally.entries, today, recent_from, &mut boards, &mut themes);
        let entries = &mut tally.entries;
        let newest = Newest::of(entries);
        for list in (boards.iter_mut().map(|b| &mut b.entries))
            .chain(years.iter_mut().map(|y| &mut y.entries))
            .chain(themes.iter_mut().map(|t| &mut t.entries))
        {
            newest.sort(list);
        }
        let themes = order_themes(themes, entries);

        let defaults = Vocabularies::defaults();
        let review_types = facet_terms(entries, &newest, "Review type not given", |r| {
            let given = r.review_type_label.iter().cloned().collect::<Vec<_>>();
            labelled(r.review_type.as_slice(), &given, &defaults.review_types)
        });
        let methodologies = facet_terms(entries, &newest, "Methodology not given", |r| {
            labelled(
                &r.methodology,
                &r.methodology_labels,
                &defaults.methodologies,
            )
        });

        let region = common_region(entries);
        let title = title
            .filter(|t| !t.trim().is_empty())
            .unwrap_or_else(|| match &region {
                Some(r) => format!("{r}: learning from safeguarding reviews"),
                None => "Regional learning from safeguarding reviews".to_string(),
            });
        let untagged = tally.untagged;
        if untagged > 0 {
            warnings.push(format!(
                "{untagged} record{} no theme: {} in the theme tables",
                if untagged == 1 { " has" } else { "s have" },
                if untagged == 1 {
                    "it is not counted"
                } else {
                    "they are not counted"
                }
            ));
        }
        Region {
            title,
            region,
            today,
            recent_from,
            entries: tally.entries,
            boards,
            themes,
            years,
            review_types,
            methodologies,
            untagged,
            untagged_recs: tally.untagged_recs,
            counts: tally.counts,
            duplicates,
            warnings,
            sources,
            ongoing,
        }
    }

    /// The regional learning index: same schema, `board` null, records keep their boards.
    pub(crate) fn learning_index(&self) -> LearningIndex {
        LearningIndex {
            schema: learning::SCHEMA.to_string(),
            version: learning::VERSION,
            site_title: self.title.clone(),
            base_url: None,
            board: None,
            region: self.region.clone(),
            built: self.today.format("%Y-%m-%d").to_string(),
            generator: learning::generator(),
            sources: self.sources.clone(),
            records: self.entries.iter().map(|e| e.rec.clone()).collect(),
            ongoing: self.ongoing.clone(),
        }
    }
}
