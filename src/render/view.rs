//! View models: what templates see. Built from typed documents; templates never see the
//! raw front-matter, so a template cannot print a field the build did not mean to show.

use super::theme::Frame;
use crate::config::Config;
use crate::content::{self, Document, Kind, MonthYear, Recommendation};
use crate::vocab::VocabKind;
use crate::vocab::{Vocab, Vocabularies};
use chrono::NaiveDate;
use rayon::prelude::*;
use serde::Serialize;
use std::collections::HashMap;

/// The relative prefix from a page at `url` (e.g. `reviews/a/`) to the site root.
pub(crate) fn root_for(url: &str) -> String {
    "../".repeat(url.split('/').filter(|s| !s.is_empty()).count())
}

/// Link to a site path from the root: `reviews/a/` → `reviews/a/index.html`.
pub(crate) fn href(url: &str) -> String {
    if url.is_empty() || url.ends_with('/') {
        format!("{url}index.html")
    } else {
        url.to_string()
    }
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct SiteView {
    pub(crate) title: String,
    pub(crate) description: Option<String>,
    pub(crate) board: Option<String>,
    pub(crate) region: Option<String>,
    pub(crate) language: String,
    pub(crate) base_url: String,
    pub(crate) quick_exit: bool,
    pub(crate) quick_exit_url: String,
    /// Relative href of the accessibility statement (from the root), or an absolute URL.
    pub(crate) accessibility_href: String,
    pub(crate) audience: &'static str,
    pub(crate) drafts_shown: bool,
    pub(crate) built: String,
    pub(crate) has_highlight_css: bool,
    /// Navigation, footer and stylesheets of the theme's frame (`site.nav`, ...).
    #[serde(flatten)]
    pub(crate) frame: Frame,
}

impl SiteView {
    pub(crate) fn new(
        config: &Config,
        audience: crate::content::Audience,
        drafts: bool,
        today: NaiveDate,
    ) -> Self {
        let a = &config.accessibility_statement;
        let accessibility_href = if a.contains("://") {
            a.clone()
        } else {
            href(a.trim_start_matches('/'))
        };
        let built = today.format("%Y-%m-%d").to_string();
        let frame = Frame::board(
            config.board.as_deref(),
            config.region.as_deref(),
            &built,
            &accessibility_href,
        );
        SiteView {
            title: config.title.clone(),
            description: config.description.clone(),
            board: config.board.clone(),
            region: config.region.clone(),
            language: config.language.clone(),
            base_url: config.base_url.clone(),
            quick_exit: config.quick_exit.enabled,
            quick_exit_url: config.quick_exit.url.clone(),
            accessibility_href,
            audience: audience.as_str(),
            drafts_shown: drafts,
            built,
            has_highlight_css: false,
            frame,
        }
    }
}

/// A vocabulary term with its link.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub(crate) struct TermLink {
    pub(crate) slug: String,
    pub(crate) label: String,
    /// From the site root, e.g. `themes/self-neglect/index.html`.
    pub(crate) href: String,
}

pub(crate) fn term_link(vocab: &Vocab, section: &str, slug: &str) -> TermLink {
    let label = vocab
        .by_slug(slug)
        .map(|t| t.label.clone())
        .unwrap_or_else(|| slug.to_string());
    TermLink {
        slug: slug.to_string(),
        label,
        href: format!("{section}/{slug}/index.html"),
    }
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct RecommendationView {
    pub(crate) id: String,
    pub(crate) text: String,
    pub(crate) owner: Option<String>,
    /// The agencies that carry it out (`agency`, else the owner).
    pub(crate) agencies: Vec<String>,
    /// `agency` as written (empty when the owner carries it out).
    pub(crate) agency: Vec<String>,
    pub(crate) due: Option<String>,
    pub(crate) due_iso: Option<String>,
    /// The revised due month, when the board agreed a later one (the page shows both).
    pub(crate) revised_due: Option<String>,
    pub(crate) revised_due_iso: Option<String>,
    pub(crate) status: &'static str,
    pub(crate) status_label: &'static str,
    pub(crate) overdue: bool,
    /// "Overdue by 3 months" (the build date against the due month it counts from).
    pub(crate) overdue_words: Option<String>,
    pub(crate) overdue_months: Option<i32>,
    pub(crate) evidence: Option<String>,
    pub(crate) reason: Option<String>,
    pub(crate) updates: Vec<UpdateView>,
    /// The latest update, "4 March 2025".
    pub(crate) last_update: Option<String>,
    pub(crate) last_update_iso: Option<String>,
    /// Open with no update for three months or more.
    pub(crate) stale: bool,
    pub(crate) scope: Option<&'static str>,
    pub(crate) scope_label: Option<&'static str>,
    pub(crate) themes: Vec<TermLink>,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct UpdateView {
    pub(crate) date: String,
    pub(crate) date_iso: String,
    pub(crate) text: String,
}

/// Months from `from` to the month of `today` (0 in the same month).
pub(crate) fn months_between(from: MonthYear, today: NaiveDate) -> i32 {
    use chrono::Datelike;
    (today.year() - from.year) * 12 + today.month() as i32 - from.month as i32
}

impl RecommendationView {
    /// `published` is the review's publication date: an open recommendation with no update
    /// counts as last updated then.
    pub(crate) fn new(
        r: &Recommendation,
        vocab: &Vocabularies,
        published: Option<NaiveDate>,
        today: NaiveDate,
    ) -> RecommendationView {
        let overdue = r.is_overdue(today);
        let overdue_months = overdue
            .then(|| r.effective_due())
            .flatten()
            .map(|d| months_between(d, today));
        let overdue_words = overdue_months.map(|n| match n {
            1 => "Overdue by 1 month".to_string(),
            n => format!("Overdue by {n} months"),
        });
        let last = r.last_update();
        RecommendationView {
            id: r.id.clone(),
            text: r.text.clone(),
            owner: r.owner.clone(),
            agencies: r.agencies().into_iter().map(str::to_string).collect(),
            agency: r.agency.clone(),
            due: r.due.map(|x| x.human()),
            due_iso: r.due.map(|x| x.iso()),
            revised_due: r.revised_due.map(|x| x.human()),
            revised_due_iso: r.revised_due.map(|x| x.iso()),
            status: r.status.as_str(),
            status_label: r.status.label(),
            overdue,
            overdue_words,
            overdue_months,
            evidence: r.evidence.clone(),
            reason: r.reason.clone(),
            updates: r
                .updates
                .iter()
                .map(|u| UpdateView {
                    date: u.date.human(),
                    date_iso: u.date.iso(),
                    text: u.text.clone(),
                })
                .collect(),
            last_update: last.map(|d| d.human()),
            last_update_iso: last.map(|d| d.iso()),
            stale: content::is_stale(r.status, last.map(|d| d.0).or(published), today),
            scope: r.scope.map(|s| s.as_str()),
            scope_label: r.scope.map(|s| s.label()),
            // To the tracker's page of the theme, which exists whenever the recommendation
            // is published (a theme's own page needs a document filed under it).
            themes: r
                .themes
                .iter()
                .map(|s| term_link(&vocab.themes, "actions/theme", s))
                .collect(),
        }
    }
}

/// An ongoing review as listings show it: never its title, summary or body.
#[derive(Debug, Clone, Serialize)]
pub struct OngoingView {
    pub review_type_label: Option<String>,
    /// `YYYY-MM` and "February 2026".
    pub commissioned: Option<String>,
    pub commissioned_human: Option<String>,
    pub theme_labels: Vec<String>,
    pub reference: Option<String>,
}

impl From<&crate::index::learning::OngoingReview> for OngoingView {
    fn from(o: &crate::index::learning::OngoingReview) -> OngoingView {
        let month = o
            .commissioned
            .as_deref()
            .and_then(|m| MonthYear::parse(m).ok());
        OngoingView {
            review_type_label: o.review_type_label.clone(),
            commissioned: month.map(|m| m.iso()),
            commissioned_human: month.map(|m| m.human()),
            theme_labels: o.theme_labels.clone(),
            reference: o.reference.clone(),
        }
    }
}

/// How a board will know the learning made a difference, as a page shows it.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct ImpactView {
    pub(crate) measure: String,
    pub(crate) revisit: Option<String>,
    pub(crate) revisit_iso: Option<String>,
    pub(crate) outcome: Option<String>,
    pub(crate) evidence: Option<String>,
    /// The revisit month has passed and no outcome is recorded.
    pub(crate) due: bool,
}

impl ImpactView {
    pub(crate) fn new(i: &content::Impact, today: NaiveDate) -> ImpactView {
        ImpactView {
            measure: i.measure.clone(),
            revisit: i.revisit.map(|r| r.human()),
            revisit_iso: i.revisit.map(|r| r.iso()),
            outcome: i.outcome.clone().filter(|o| !o.trim().is_empty()),
            evidence: i.evidence.clone(),
            due: i.is_due(today),
        }
    }
}

/// One of the person's codes: what it is ("Age band") and its values, linked to their listings.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct PersonRow {
    pub(crate) key: &'static str,
    pub(crate) values: Vec<TermLink>,
}

/// The person's codes, in the order pages show them.
pub(crate) fn person_rows(p: &content::Person, vocab: &Vocabularies) -> Vec<PersonRow> {
    p.codes()
        .into_iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| PersonRow {
            key: k.title(),
            values: v
                .iter()
                .map(|s| term_link(vocab.get(k), person_section(k), s))
                .collect(),
        })
        .collect()
}

/// The listing section of a person code (`age-bands`, ...).
pub(crate) fn person_section(k: VocabKind) -> &'static str {
    match k {
        VocabKind::AgeBand => "age-bands",
        VocabKind::Sex => "sex",
        VocabKind::Ethnicity => "ethnicity",
        VocabKind::Disability => "disability",
        VocabKind::CareAndSupportNeed => "care-and-support-needs",
        VocabKind::Relationship => "relationship-to-perpetrator",
        _ => "themes",
    }
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct MarkerView {
    pub(crate) number: usize,
    pub(crate) name: String,
    pub(crate) status: &'static str,
    pub(crate) status_label: &'static str,
    pub(crate) evidence: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct LinkView {
    pub(crate) title: String,
    pub(crate) href: String,
    pub(crate) kind_label: &'static str,
}

/// Everything a template knows about one document.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct DocView {
    pub(crate) kind: &'static str,
    pub(crate) kind_label: &'static str,
    pub(crate) title: String,
    pub(crate) slug: String,
    pub(crate) url: String,
    pub(crate) href: String,
    pub(crate) canonical: String,
    pub(crate) summary: Option<String>,
    pub(crate) published: Option<String>,
    pub(crate) published_iso: Option<String>,
    pub(crate) updated: Option<String>,
    pub(crate) updated_iso: Option<String>,
    pub(crate) year: Option<i32>,
    pub(crate) draft: bool,
    pub(crate) audience: &'static str,
    pub(crate) board: Option<String>,
    pub(crate) board_href: Option<String>,
    pub(crate) region: Option<String>,
    pub(crate) reference: Option<String>,
    pub(crate) incident: Option<String>,
    pub(crate) review_type: Option<TermLink>,
    pub(crate) methodology: Vec<TermLink>,
    pub(crate) themes: Vec<TermLink>,
    pub(crate) abuse_types: Vec<TermLink>,
    pub(crate) agencies: Vec<String>,
    pub(crate) statutory_basis: Option<&'static str>,
    pub(crate) referral_source: Option<String>,
    pub(crate) commissioned: Option<String>,
    pub(crate) completed: Option<String>,
    /// Months from commissioning to completion.
    pub(crate) duration_months: Option<i32>,
    pub(crate) scoping_period: Option<String>,
    pub(crate) parallel_processes: Vec<String>,
    pub(crate) quality_markers: Vec<MarkerView>,
    pub(crate) hold_reason: Option<String>,
    pub(crate) full_report_url: Option<String>,
    pub(crate) full_report_until: Option<String>,
    /// The full report's availability has ended: the page stays as an index record.
    pub(crate) full_report_expired: bool,
    pub(crate) recommendations: Vec<RecommendationView>,
    pub(crate) overdue_count: usize,
    /// A review still being carried out (shown only on internal builds).
    pub(crate) ongoing: bool,
    pub(crate) impact: Option<ImpactView>,
    /// The person's codes (age band, sex, ...).
    pub(crate) person: Vec<PersonRow>,
    pub(crate) review_link: Option<LinkView>,
    pub(crate) related: Vec<LinkView>,
    pub(crate) reading_minutes: usize,
    pub(crate) selection: Option<String>,
    pub(crate) lead_reviewer: Option<String>,
    pub(crate) extra: Option<serde_json::Value>,
    /// The site's feedback link for this document (`feedback.link` in learnsite.yaml).
    pub(crate) feedback_href: Option<String>,
    /// On a briefing: what teams did with it (from `content/feedback/`), set by the renderer.
    pub(crate) uptake: Option<crate::content::feedback::Uptake>,
}

pub(crate) fn slugify(s: &str) -> String {
    crate::content::load::slugify(s)
}

impl DocView {
    pub(crate) fn new(
        d: &Document,
        config: &Config,
        vocab: &Vocabularies,
        today: NaiveDate,
    ) -> DocView {
        let m = &d.meta;
        let board = d.board(config).map(str::to_string);
        let recommendations: Vec<RecommendationView> = m
            .recommendations
            .iter()
            .map(|r| RecommendationView::new(r, vocab, m.published.map(|p| p.0), today))
            .collect();
        let overdue_count = recommendations.iter().filter(|r| r.overdue).count();
        let mut quality_markers: Vec<MarkerView> = m
            .quality_markers
            .iter()
            .map(|(k, q)| {
                let (number, name) = content::quality_marker(k).unwrap_or((99, "Other"));
                MarkerView {
                    number,
                    name: name.to_string(),
                    status: q.status.class(),
                    status_label: q.status.label(),
                    evidence: q.evidence.clone(),
                }
            })
            .collect();
        quality_markers.sort_by_key(|q| q.number);
        let duration_months = match (m.commissioned, m.completed) {
            (Some(a), Some(b)) => Some((b.year - a.year) * 12 + b.month as i32 - a.month as i32),
            _ => None,
        };
        let full_report_expired = m
            .full_report
            .as_ref()
            .and_then(|f| f.available_until)
            .is_some_and(|u| u.0 < today);
        DocView {
            kind: d.kind.as_str(),
            kind_label: d.kind.label(),
            title: d.title.clone(),
            slug: d.slug.clone(),
            url: d.url.clone(),
            href: href(&d.url),
            canonical: config.absolute_url(&d.url),
            summary: m.summary.clone(),
            published: m.published.map(|x| x.human()),
            published_iso: m.published.map(|x| x.iso()),
            updated: m.updated.map(|x| x.human()),
            updated_iso: m.updated.map(|x| x.iso()),
            year: d.year(),
            draft: m.draft,
            audience: m.audience.as_str(),
            board_href: board
                .as_ref()
                .map(|b| format!("boards/{}/index.html", slugify(b))),
            board,
            region: d.region(config).map(str::to_string),
            reference: m.reference.clone(),
            incident: m.incident.map(|x| x.human()),
            review_type: m
                .review_type
                .as_ref()
                .map(|s| term_link(&vocab.review_types, "review-types", s)),
            methodology: m
                .methodology
                .iter()
                .map(|s| term_link(&vocab.methodologies, "methodologies", s))
                .collect(),
            themes: m
                .themes
                .iter()
                .map(|s| term_link(&vocab.themes, "themes", s))
                .collect(),
            abuse_types: m
                .abuse_types
                .iter()
                .map(|s| term_link(&vocab.abuse_types, "abuse-types", s))
                .collect(),
            agencies: m.agencies.clone(),
            statutory_basis: m.statutory_basis.map(|b| match b {
                crate::content::StatutoryBasis::Mandatory => {
                    "Mandatory (Care Act 2014, section 44(1)–(3))"
                }
                crate::content::StatutoryBasis::Discretionary => {
                    "Discretionary (Care Act 2014, section 44(4))"
                }
            }),
            referral_source: m.referral_source.clone(),
            commissioned: m.commissioned.map(|x| x.human()),
            completed: m.completed.map(|x| x.human()),
            duration_months,
            scoping_period: m
                .scoping_period
                .as_ref()
                .map(|s| format!("{} to {}", s.from.human(), s.to.human())),
            parallel_processes: m.parallel_processes.clone(),
            quality_markers,
            hold_reason: m.hold_reason.clone(),
            full_report_url: m.full_report.as_ref().map(|f| f.url.clone()),
            full_report_until: m
                .full_report
                .as_ref()
                .and_then(|f| f.available_until)
                .map(|x| x.human()),
            full_report_expired,
            recommendations,
            overdue_count,
            ongoing: d.is_ongoing(),
            impact: m.impact.as_ref().map(|i| ImpactView::new(i, today)),
            person: m
                .person
                .as_ref()
                .map(|p| person_rows(p, vocab))
                .unwrap_or_default(),
            review_link: None,
            related: Vec::new(),
            reading_minutes: d.reading_minutes(),
            selection: m.selection.clone(),
            lead_reviewer: m.lead_reviewer.clone(),
            extra: m.extra.as_ref().and_then(|v| serde_json::to_value(v).ok()),
            feedback_href: config.feedback.link_for(
                m.reference.as_deref(),
                &d.title,
                &config.absolute_url(&d.url),
            ),
            uptake: None,
        }
    }
}

/// The view models of documents `which` (indexes into `docs`, in their order), with their
/// links to the review they belong to and from what belongs to them among `docs`.
pub(crate) fn doc_views_of(
    docs: &[&Document],
    which: &[usize],
    config: &Config,
    vocab: &Vocabularies,
    today: NaiveDate,
) -> Vec<DocView> {
    let mut views: Vec<DocView> = which
        .par_iter()
        .map(|&i| DocView::new(docs[i], config, vocab, today))
        .collect();
    let at: HashMap<usize, usize> = which.iter().enumerate().map(|(k, &i)| (i, k)).collect();
    let review_at: HashMap<&str, usize> = docs
        .iter()
        .enumerate()
        .filter(|(_, d)| d.kind == Kind::Review)
        .map(|(i, d)| (d.slug.as_str(), i))
        .collect();
    for (i, d) in docs.iter().enumerate() {
        let Some(&j) = d.meta.review.as_deref().and_then(|r| review_at.get(r)) else {
            continue;
        };
        if let Some(&k) = at.get(&i) {
            views[k].review_link = Some(LinkView {
                title: docs[j].title.clone(),
                href: href(&docs[j].url),
                kind_label: Kind::Review.label(),
            });
        }
        if let Some(&k) = at.get(&j) {
            views[k].related.push(LinkView {
                title: d.title.clone(),
                href: href(&d.url),
                kind_label: d.kind.label(),
            });
        }
    }
    views
}

/// What a listing shows of a document: a small subset of [`DocView`] with the same field
/// names, so listing templates stay cheap to fill for thousands of documents.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct CardView {
    pub(crate) kind: &'static str,
    pub(crate) kind_label: &'static str,
    pub(crate) title: String,
    pub(crate) href: String,
    pub(crate) summary: Option<String>,
    pub(crate) published: Option<String>,
    pub(crate) published_iso: Option<String>,
    pub(crate) review_type: Option<TermLink>,
    pub(crate) board: Option<String>,
    pub(crate) themes: Vec<TermLink>,
    pub(crate) draft: bool,
    pub(crate) audience: &'static str,
}

impl From<&DocView> for CardView {
    fn from(d: &DocView) -> CardView {
        CardView {
            kind: d.kind,
            kind_label: d.kind_label,
            title: d.title.clone(),
            href: d.href.clone(),
            summary: d.summary.clone(),
            published: d.published.clone(),
            published_iso: d.published_iso.clone(),
            review_type: d.review_type.clone(),
            board: d.board.clone(),
            themes: d.themes.clone(),
            draft: d.draft,
            audience: d.audience,
        }
    }
}

/// Pagination of a listing.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Pager {
    pub(crate) current: usize,
    pub(crate) total: usize,
    pub(crate) prev_href: Option<String>,
    pub(crate) next_href: Option<String>,
    pub(crate) pages: Vec<PagerLink>,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct PagerLink {
    pub(crate) number: usize,
    pub(crate) href: String,
    /// Pages are left out before this one (shown as an ellipsis).
    pub(crate) gap_before: bool,
}

impl Pager {
    /// Page `current` (1-based) of `total` of the listing at `url`. As GOV.UK's pagination:
    /// the first and last pages, the current one and those either side of it, with a gap
    /// marked where pages are left out (a listing of 400 pages links 5, not 400).
    pub(crate) fn new(url: &str, current: usize, total: usize) -> Pager {
        let link = |k: usize| href(&page_url(url, k));
        let shown = |k: usize| k == 1 || k == total || k.abs_diff(current) <= 1;
        let mut pages: Vec<PagerLink> = Vec::new();
        for k in (1..=total).filter(|&k| shown(k)) {
            let gap_before = pages.last().is_some_and(|p| p.number + 1 < k);
            pages.push(PagerLink {
                number: k,
                href: link(k),
                gap_before,
            });
        }
        Pager {
            current,
            total,
            prev_href: (current > 1).then(|| link(current - 1)),
            next_href: (current < total).then(|| link(current + 1)),
            pages,
        }
    }
}

/// Site path of page `n` (1-based) of the listing at `url`.
pub(crate) fn page_url(url: &str, n: usize) -> String {
    if n <= 1 {
        url.to_string()
    } else {
        format!("{url}page/{n}/")
    }
}

/// A breadcrumb.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Crumb {
    pub(crate) title: String,
    pub(crate) href: String,
}

/// The listing section for a kind: (title, href from root).
pub(crate) fn section_crumb(kind: Kind) -> Option<Crumb> {
    match kind {
        Kind::Page => None,
        k => Some(Crumb {
            title: k.plural().to_string(),
            href: format!("{}/index.html", k.section()),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::Pager;

    /// The page numbers a pager shows, `…` where it leaves some out.
    fn shown(current: usize, total: usize) -> String {
        let p = Pager::new("briefings/", current, total);
        let parts: Vec<String> = p
            .pages
            .iter()
            .map(|l| format!("{}{}", if l.gap_before { "… " } else { "" }, l.number))
            .collect();
        parts.join(" ")
    }

    #[test]
    fn pager_shows_first_last_and_the_pages_around_the_current_one() {
        assert_eq!(shown(1, 1), "1");
        assert_eq!(shown(2, 3), "1 2 3");
        assert_eq!(shown(1, 400), "1 2 … 400");
        assert_eq!(shown(200, 400), "1 … 199 200 201 … 400");
        assert_eq!(shown(3, 5), "1 2 3 4 5");
        assert_eq!(shown(400, 400), "1 … 399 400");
        let p = Pager::new("briefings/", 2, 3);
        assert_eq!(p.pages[2].href, "briefings/page/3/index.html");
        assert_eq!(p.prev_href.as_deref(), Some("briefings/index.html"));
    }
}
