//! Markdown to safe HTML: pulldown-cmark (tables, footnotes, strikethrough), heading
//! anchors, internal links made relative (so pages open from disk), code highlighted by
//! syntect (loaded only when a page has a code block), then everything sanitised by ammonia.

use pulldown_cmark::{CodeBlockKind, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// A heading of the body, for tables of contents and section checks.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub(crate) struct Heading {
    pub(crate) level: u8,
    pub(crate) id: String,
    pub(crate) text: String,
}

/// The result of rendering one document body.
#[derive(Debug, Clone, Default)]
pub(crate) struct Rendered {
    /// Sanitised HTML.
    pub(crate) html: String,
    pub(crate) headings: Vec<Heading>,
    /// The body as plain text (for search and summaries).
    pub(crate) text: String,
    /// Internal link targets as site paths (`reviews/adult-d/`, `downloads/x.pdf`), with the
    /// 1-based line of the body they are on.
    pub(crate) internal_links: Vec<(String, usize)>,
    /// Did the body contain a fenced or indented code block?
    pub(crate) has_code: bool,
}

/// Make an id from heading text.
pub(crate) fn anchor(text: &str) -> String {
    let s = crate::content::load::slugify(text);
    if s.is_empty() {
        "section".to_string()
    } else {
        s
    }
}

static SANITIZER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut b = ammonia::Builder::default();
    b.add_tags(["figure", "figcaption"]);
    for t in ["h2", "h3", "h4", "h5", "h6", "div", "sup", "li"] {
        b.add_tag_attributes(t, ["id"]);
    }
    for t in ["span", "pre", "code", "div", "sup"] {
        b.add_tag_attributes(t, ["class"]);
    }
    b.add_tag_attributes("th", ["style", "scope"]);
    b.add_tag_attributes("td", ["style"]);
    b.add_tag_attributes("input", ["type", "checked", "disabled"]);
    b.add_tags(["input"]);
    b.url_relative(ammonia::UrlRelative::PassThrough);
    b.link_rel(Some("noopener noreferrer"));
    b
});

/// Sanitise HTML from content: no script, no event handlers, no `javascript:` URLs.
pub(crate) fn sanitize(html: &str) -> String {
    SANITIZER.clean(html).to_string()
}

mod highlight {
    use std::sync::LazyLock;
    use syntect::html::{ClassStyle, ClassedHTMLGenerator};
    use syntect::parsing::SyntaxSet;
    use syntect::util::LinesWithEndings;

    pub(crate) const STYLE: ClassStyle = ClassStyle::SpacedPrefixed { prefix: "hl-" };
    // syntect takes a while to load its syntaxes: only pages with code pay for it.
    static SYNTAXES: LazyLock<SyntaxSet> = LazyLock::new(SyntaxSet::load_defaults_newlines);

    pub(crate) fn to_html(code: &str, lang: &str) -> String {
        let ss = &*SYNTAXES;
        let syntax = ss
            .find_syntax_by_token(lang)
            .unwrap_or_else(|| ss.find_syntax_plain_text());
        let mut gen = ClassedHTMLGenerator::new_with_class_style(syntax, ss, STYLE);
        for line in LinesWithEndings::from(code) {
            if gen
                .parse_html_for_line_which_includes_newline(line)
                .is_err()
            {
                return crate::escape::html(code);
            }
        }
        gen.finalize()
    }

    pub(crate) fn css() -> String {
        let themes = syntect::highlighting::ThemeSet::load_defaults();
        themes
            .themes
            .get("InspiredGitHub")
            .and_then(|t| syntect::html::css_for_theme_with_class_style(t, STYLE).ok())
            .unwrap_or_default()
    }
}

/// CSS for highlighted code (written only when a page has code).
pub(crate) fn highlight_css() -> String {
    highlight::css()
}

/// Resolve a link written in a document at site path `page_url` (e.g. `reviews/adult-d/`)
/// to a site path, if it is internal. Returns `None` for external links, anchors and mailto.
pub(crate) fn resolve_internal(page_url: &str, dest: &str) -> Option<String> {
    let d = dest.trim();
    if d.is_empty()
        || d.starts_with('#')
        || d.starts_with("//")
        || d.contains(':')
            && !d.starts_with('/')
            && d.split(':').next().is_some_and(|s| !s.contains('/'))
    {
        return None;
    }
    let path = d.split(['#', '?']).next().unwrap_or("");
    let mut parts: Vec<&str> = if path.starts_with('/') {
        Vec::new()
    } else {
        page_url.split('/').filter(|s| !s.is_empty()).collect()
    };
    let trailing = path.ends_with('/') || path.is_empty();
    for seg in path.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    let mut out = parts.join("/");
    if out.ends_with("index.html") {
        out.truncate(out.len() - "index.html".len());
    } else if trailing && !out.is_empty() {
        out.push('/');
    }
    Some(out)
}

/// Render a document body. `page_url` is the page's site path; `root` is the relative
/// prefix from the page to the site root (e.g. `../../`).
pub(crate) fn render(body: &str, page_url: &str, root: &str) -> Rendered {
    let mut opts = Options::empty();
    opts.insert(Options::ENABLE_TABLES);
    opts.insert(Options::ENABLE_FOOTNOTES);
    opts.insert(Options::ENABLE_STRIKETHROUGH);
    opts.insert(Options::ENABLE_TASKLISTS);
    opts.insert(Options::ENABLE_SMART_PUNCTUATION);

    // Line starts for mapping offsets to lines.
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(body.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let mut w = Walker {
        page_url,
        root,
        events: Vec::new(),
        out: Rendered::default(),
        used_ids: HashSet::new(),
        id_counts: HashMap::new(),
        in_heading: None,
        heading_text: String::new(),
        in_code: None,
        code_text: String::new(),
    };
    for (ev, range) in Parser::new_ext(body, opts).into_offset_iter() {
        let line = line_starts.partition_point(|&s| s <= range.start);
        w.event(ev, line);
    }
    let mut html = String::with_capacity(body.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, w.events.into_iter());
    let mut out = w.out;
    out.html = sanitize(&html);
    out
}

/// The state of one walk over a body's markdown events: the events to render (rewritten
/// where needed) and what is learnt on the way.
struct Walker<'a> {
    page_url: &'a str,
    root: &'a str,
    events: Vec<Event<'a>>,
    out: Rendered,
    used_ids: HashSet<String>,
    id_counts: HashMap<String, usize>,
    /// Index in `events` of the open heading's start, and its level.
    in_heading: Option<(usize, HeadingLevel)>,
    heading_text: String,
    /// The open code block's language.
    in_code: Option<String>,
    code_text: String,
}

impl<'a> Walker<'a> {
    /// Take one event, on 1-based body line `line`.
    fn event(&mut self, ev: Event<'a>, line: usize) {
        match ev {
            Event::Start(Tag::Heading { level, .. }) => self.start_heading(level),
            Event::End(TagEnd::Heading(_)) => self.end_heading(),
            Event::Start(Tag::CodeBlock(kind)) => {
                self.out.has_code = true;
                self.in_code = Some(match kind {
                    CodeBlockKind::Fenced(l) => {
                        l.split([' ', ',']).next().unwrap_or("").to_string()
                    }
                    CodeBlockKind::Indented => String::new(),
                });
                self.code_text.clear();
            }
            Event::End(TagEnd::CodeBlock) => self.end_code(),
            Event::Text(t) if self.in_code.is_some() => self.code_text.push_str(&t),
            Event::Text(ref t) | Event::Code(ref t) => {
                if self.in_heading.is_some() {
                    self.heading_text.push_str(t);
                }
                self.out.text.push_str(t);
                self.events.push(ev);
            }
            Event::Start(mut tag @ (Tag::Link { .. } | Tag::Image { .. })) => {
                if let Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. } = &mut tag {
                    *dest_url = self.link(dest_url, line);
                }
                self.events.push(Event::Start(tag));
            }
            Event::SoftBreak | Event::HardBreak => {
                self.out.text.push(' ');
                self.events.push(ev);
            }
            Event::End(TagEnd::Paragraph)
            | Event::End(TagEnd::Item)
            | Event::End(TagEnd::TableCell) => {
                self.out.text.push('\n');
                self.events.push(ev);
            }
            other => self.events.push(other),
        }
    }

    fn start_heading(&mut self, level: HeadingLevel) {
        // One h1 per page: the title. Body headings start at h2.
        let level = if level == HeadingLevel::H1 {
            HeadingLevel::H2
        } else {
            level
        };
        self.in_heading = Some((self.events.len(), level));
        self.heading_text.clear();
        self.events.push(Event::Start(Tag::Heading {
            level,
            id: None,
            classes: vec![],
            attrs: vec![],
        }));
    }

    /// Close a heading: give it a unique id and note it for the table of contents.
    fn end_heading(&mut self) {
        let Some((start, level)) = self.in_heading.take() else {
            return;
        };
        let base = anchor(&self.heading_text);
        let n = self.id_counts.entry(base.clone()).or_insert(0);
        *n += 1;
        let mut id = if *n == 1 {
            base.clone()
        } else {
            format!("{base}-{n}")
        };
        while !self.used_ids.insert(id.clone()) {
            *n += 1;
            id = format!("{base}-{n}");
        }
        self.events[start] = Event::Start(Tag::Heading {
            level,
            id: Some(CowStr::from(id.clone())),
            classes: vec![],
            attrs: vec![],
        });
        self.events.push(Event::End(TagEnd::Heading(level)));
        self.out.headings.push(Heading {
            level: level as u8,
            id,
            text: self.heading_text.trim().to_string(),
        });
        self.out.text.push('\n');
    }

    /// Close a code block: highlighted when it names its language, escaped otherwise.
    fn end_code(&mut self) {
        let lang = self.in_code.take().unwrap_or_default();
        let code = &self.code_text;
        let (inner, class) = if lang.is_empty() {
            (crate::escape::html(code), String::new())
        } else {
            (
                highlight::to_html(code, &lang),
                format!(" class=\"language-{}\"", crate::escape::html(&lang)),
            )
        };
        self.events.push(Event::Html(CowStr::from(format!(
            "<pre class=\"code\"><code{class}>{inner}</code></pre>\n"
        ))));
        self.out.text.push_str(code);
        self.out.text.push('\n');
    }

    /// A link's or image's address, made relative to the page; internal ones are noted.
    fn link(&mut self, dest: &str, line: usize) -> CowStr<'a> {
        CowStr::from(rewrite_link(
            self.page_url,
            self.root,
            dest,
            line,
            &mut self.out.internal_links,
        ))
    }
}

fn rewrite_link(
    page_url: &str,
    root: &str,
    dest: &str,
    line: usize,
    links: &mut Vec<(String, usize)>,
) -> String {
    match resolve_internal(page_url, dest) {
        Some(site_path) => {
            links.push((site_path.clone(), line));
            let frag = dest.find('#').map(|i| &dest[i..]).unwrap_or("");
            if site_path.is_empty() || site_path.ends_with('/') {
                format!("{root}{site_path}index.html{frag}")
            } else {
                format!("{root}{site_path}{frag}")
            }
        }
        None => dest.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_event_handlers_and_javascript_urls_are_removed() {
        let md = "Hello <script>alert(1)</script>\n\n<img src=x onerror=\"alert(2)\">\n\n[click](javascript:alert(3)) <a href=\"JaVaScRiPt:alert(4)\" onclick=\"x()\">y</a>\n";
        let r = render(md, "reviews/a/", "../../");
        let h = r.html.to_lowercase();
        assert!(!h.contains("<script"), "{h}");
        assert!(!h.contains("onerror"), "{h}");
        assert!(!h.contains("onclick"), "{h}");
        assert!(!h.contains("javascript:"), "{h}");
        assert!(h.contains("click"), "link text kept: {h}");
    }

    #[test]
    fn headings_get_unique_anchors_and_h1_is_demoted() {
        let r = render(
            "# Findings\n\n## Good practice\n\n## Good practice\n",
            "reviews/a/",
            "../../",
        );
        assert!(
            r.html.contains("<h2 id=\"findings\">Findings</h2>"),
            "{}",
            r.html
        );
        assert!(r.html.contains("<h2 id=\"good-practice\">"), "{}", r.html);
        assert!(r.html.contains("<h2 id=\"good-practice-2\">"), "{}", r.html);
        assert_eq!(r.headings.len(), 3);
    }

    #[test]
    fn tables_footnotes_strikethrough() {
        let r = render(
            "| a | b |\n|---|---|\n| 1 | 2 |\n\nText[^1] ~~old~~\n\n[^1]: Note.\n",
            "x/",
            "../",
        );
        assert!(r.html.contains("<table>"), "{}", r.html);
        assert!(r.html.contains("<del>old</del>"), "{}", r.html);
        assert!(r.html.contains("footnote-definition"), "{}", r.html);
    }

    #[test]
    fn internal_links_become_relative_and_are_recorded() {
        let r = render("See [the review](/reviews/adult-d/) and [file](/downloads/plan.pdf) and [ext](https://example.org/).\n", "briefings/b/", "../../");
        assert!(
            r.html.contains("href=\"../../reviews/adult-d/index.html\""),
            "{}",
            r.html
        );
        assert!(
            r.html.contains("href=\"../../downloads/plan.pdf\""),
            "{}",
            r.html
        );
        assert!(
            r.html.contains("href=\"https://example.org/\""),
            "{}",
            r.html
        );
        assert_eq!(
            r.internal_links,
            vec![
                ("reviews/adult-d/".to_string(), 1),
                ("downloads/plan.pdf".to_string(), 1)
            ]
        );
    }

    #[test]
    fn resolve_relative_links() {
        assert_eq!(
            resolve_internal("briefings/b/", "../../reviews/x/").as_deref(),
            Some("reviews/x/")
        );
        assert_eq!(
            resolve_internal("briefings/b/", "https://a.b/").as_deref(),
            None
        );
        assert_eq!(
            resolve_internal("briefings/b/", "mailto:a@b.c").as_deref(),
            None
        );
        assert_eq!(resolve_internal("briefings/b/", "#top").as_deref(), None);
        assert_eq!(
            resolve_internal("", "/reviews/x/index.html").as_deref(),
            Some("reviews/x/")
        );
    }

    #[test]
    fn code_is_highlighted_with_classes() {
        let r = render("```yaml\ntitle: x\n```\n", "p/", "../");
        assert!(r.has_code);
        assert!(r.html.contains("class=\"hl-"), "{}", r.html);
        assert!(r.text.contains("title: x"));
    }
}
