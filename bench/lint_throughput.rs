//! Lint throughput on one core: `cargo bench --bench lint_throughput`.
//!
//! Generates a corpus of at least 50 MB of review summaries (front-matter and markdown
//! in the register of published reviews, about one sentence in six with a name, date,
//! address or number in it), lints every document on the current thread and prints MB/s. Set
//! `LINT_BENCH_MB` to change the size.

use learnsite::lint::{document_from_source, Linter};
use std::time::Instant;

/// A small deterministic generator (xorshift), so that runs compare.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
    fn pick<'a>(&mut self, v: &[&'a str]) -> &'a str {
        v[(self.next() % v.len() as u64) as usize]
    }
}

/// Sentences with nothing to find: most of a real review summary.
const CLEAN: &[&str] = &[
    "The review found that information was held by several agencies but was not brought together in a single risk assessment.",
    "A multi-agency risk management meeting was not called, although the self-neglect procedure allowed any practitioner to call one.",
    "Supervision records showed that managers did not ask what had changed since the last contact, which allowed optimistic bias to persist.",
    "The Care Act 2014 and the Mental Capacity Act 2005 set out the duties that applied, and the Making Safeguarding Personal approach was evident.",
    "Practitioners told the review that they felt they had tried everything, and that the person had the right to make unwise decisions.",
    "Assessments of mental capacity did not consider whether the person could carry out a decision as well as understand it.",
    "The GP practice, the community nursing team and adult social care each held part of the picture, and none held all of it.",
    "Escalation routes existed on paper, but front-line staff did not know them or did not feel able to use them.",
    "The fire service made a home safety visit in March 2022 and referred its concerns to adult social care the same week.",
    "Housing officers visited regularly and were the agency the person trusted most, but they were not invited to meetings.",
    "Recording was often brief and did not say what the person had said in their own words.",
    "The board has accepted the recommendations and an action plan is in place, overseen by the Safeguarding Adults Review subgroup.",
];

/// Sentences with identifiers in them (about one sentence in six).
const SENTENCES: &[&str] = &[
    "Adult {L} was known to adult social care for many years, and practitioners described {P} as warm and funny.",
    "In {M} the GP referred Adult {L} to the community mental health team, but the referral was closed after two missed appointments.",
    "{F} {S}, {P2} neighbour, told the review that she had raised concerns with the housing officer more than once.",
    "The review found that information was held by several agencies but was not brought together in a single risk assessment.",
    "A multi-agency risk management meeting was not called, although the self-neglect procedure allowed any practitioner to call one.",
    "On {D} police attended {N} {S2} Road after a call from a neighbour on 07700 900{K}.",
    "Adult {L} said that {P} did not want help with the house, and practitioners respected that choice without testing it further.",
    "The Care Act 2014 and the Mental Capacity Act 2005 set out the duties that applied, and the Making Safeguarding Personal approach was evident.",
    "Her sister {F} visited at weekends and kept a diary of what she saw, which the review found very helpful.",
    "Dr {S} at the practice recognised the risk and made a safeguarding referral under section 42.",
    "The Northmoor Safeguarding Adults Board thanks the family and the practitioners who took part in the learning event.",
    "Supervision records showed that managers did not ask what had changed since the last contact, which allowed optimistic bias to persist.",
    "Recommendation {K}: the board should seek assurance that escalation routes are known to front-line staff in every partner agency.",
    "Child {L} attended a local primary school, where staff noticed that {P} was often hungry and tired on Monday mornings.",
    "The postcode NE{K2} 4QT and the NHS number 943 476 5919 were removed from the published version of the chronology.",
    "A 34-year-old woman from Kestrelby was described in the local paper in {M}, and the family asked that the article be taken down.",
];
const FIRST: &[&str] = &[
    "Karen", "Leanne", "Mohammed", "Siobhan", "Gary", "Priya", "Tom", "Bogdan", "Sarah", "Daniel",
];
const SURNAMES: &[&str] = &[
    "Walsh",
    "Sandhu",
    "Fenwick",
    "Nowak",
    "Okafor",
    "Platt",
    "Brown",
    "Hargreaves",
    "Oldroyd",
];
const STREETS: &[&str] = &[
    "Acacia",
    "Lindley",
    "Sefton",
    "Moor Edge",
    "Tanners",
    "Kingfisher",
];
const MONTHS: &[&str] = &["March 2022", "June 2021", "October 2023", "January 2020"];
const DATES: &[&str] = &[
    "3 March 2022",
    "14/06/2021",
    "2023-10-05",
    "1st January 2020",
];
const LETTERS: &[&str] = &["A", "B", "C", "D", "E", "F", "G"];

fn paragraph(r: &mut Rng) -> String {
    let n = 3 + (r.next() % 5) as usize;
    let mut out = String::new();
    let mut line_len = 0;
    for _ in 0..n {
        let template = if r.next() % 6 == 0 {
            r.pick(SENTENCES)
        } else {
            r.pick(CLEAN)
        };
        let s = template
            .replace("{L}", r.pick(LETTERS))
            .replace("{P2}", "her")
            .replace("{P}", if r.next() % 2 == 0 { "he" } else { "she" })
            .replace("{M}", r.pick(MONTHS))
            .replace("{D}", r.pick(DATES))
            .replace("{F}", r.pick(FIRST))
            .replace("{S2}", r.pick(STREETS))
            .replace("{S}", r.pick(SURNAMES))
            .replace("{N}", &(1 + r.next() % 99).to_string())
            .replace("{K2}", &(1 + r.next() % 60).to_string())
            .replace("{K}", &format!("{:03}", r.next() % 1000));
        for w in s.split(' ') {
            if line_len + w.len() > 98 {
                out.push('\n');
                line_len = 0;
            } else if line_len > 0 {
                out.push(' ');
                line_len += 1;
            }
            out.push_str(w);
            line_len += w.len();
        }
    }
    out.push_str("\n\n");
    out
}

fn document(r: &mut Rng, i: usize) -> String {
    let mut s = format!(
        "---\ntitle: \"Safeguarding Adults Review: Adult {l}\"\nsummary: \"Adult {l}, a person in their sixties, died at home after a long period of self-neglect.\"\npublished: 2024-07-15\nreview_type: sar\nthemes: [self-neglect, hoarding]\nincident: \"2023-01\"\npseudonyms: [Adult {l}]\nagencies:\n  - Northmoor Council Adult Social Care\n  - Northmoor Police\nrecommendations:\n  - id: R1\n    text: \"Revise the self-neglect procedure.\"\n    owner: \"Northmoor Safeguarding Adults Board\"\n    due: \"2024-09\"\n---\n\n",
        l = LETTERS[i % LETTERS.len()]
    );
    for h in [
        "About this review",
        "About Adult",
        "Findings",
        "Good practice",
        "Recommendations",
    ] {
        s.push_str(&format!("## {h}\n\n"));
        for _ in 0..3 {
            s.push_str(&paragraph(r));
        }
    }
    s
}

/// CPU time of this thread in seconds (Linux: /proc/thread-self/stat, 100 ticks a second),
/// so that the figure means "one core" even when other work shares the machine.
fn thread_cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
    let rest = &stat[stat.rfind(')')? + 2..];
    let f: Vec<&str> = rest.split_whitespace().collect();
    let utime: f64 = f.get(11)?.parse().ok()?;
    let stime: f64 = f.get(12)?.parse().ok()?;
    Some((utime + stime) / 100.0)
}

fn main() {
    let mb: usize = std::env::var("LINT_BENCH_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(50);
    let target = mb * 1024 * 1024;
    let mut r = Rng(0x9E37_79B9_7F4A_7C15);
    let mut docs = Vec::new();
    let mut total = 0usize;
    let t0 = Instant::now();
    while total < target {
        let i = docs.len();
        let text = document(&mut r, i);
        total += text.len();
        match document_from_source(&format!("content/reviews/review-{i}.md"), &text) {
            Ok(d) => docs.push(d),
            Err(e) => {
                eprintln!("generated document did not parse: {e}");
                std::process::exit(2);
            }
        }
    }
    eprintln!(
        "generated {} documents, {:.1} MB, in {:.1} s",
        docs.len(),
        total as f64 / 1_048_576.0,
        t0.elapsed().as_secs_f64()
    );
    let linter = Linter::with_settings(
        &["Northmoor".to_string(), "Kestrelby".to_string()],
        &["Northmoor"],
        Some("Nigel Brackenbury\nTracey Pembleton\n"),
    );
    // Warm up (the gazetteer is parsed on first use).
    let _ = linter.lint_document(&docs[0]);
    let t = Instant::now();
    let cpu0 = thread_cpu_seconds();
    let mut findings = 0usize;
    for d in &docs {
        findings += linter.lint_document(d).0.len();
    }
    let secs = t.elapsed().as_secs_f64();
    if let (Some(a), Some(b)) = (cpu0, thread_cpu_seconds()) {
        let cpu = (b - a).max(0.01);
        println!(
            "lint CPU time: {cpu:.2} s = {:.1} MB/s of one core's time",
            total as f64 / 1_048_576.0 / cpu
        );
    }
    println!(
        "lint throughput: {:.1} MB in {:.2} s on one core = {:.1} MB/s ({} documents, {} findings)",
        total as f64 / 1_048_576.0,
        secs,
        total as f64 / 1_048_576.0 / secs,
        docs.len(),
        findings
    );
}
