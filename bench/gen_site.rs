//! Generate a synthetic site of N review-length documents for benchmarks:
//! `cargo run --release --example gen_site -- DIR N`.
//! The text is fictional filler in the register of review summaries, with pseudonyms only.

use std::fmt::Write as _;
use std::path::PathBuf;

const THEMES: &[&str] = &[
    "self-neglect",
    "hoarding",
    "mental-capacity",
    "executive-capacity",
    "risk-assessment",
    "information-sharing",
    "multi-agency-working",
    "escalation",
    "professional-curiosity",
    "voice-of-the-person",
    "think-family",
    "transitions",
    "domestic-abuse",
    "coercive-control",
    "exploitation",
    "neglect",
    "substance-misuse",
    "homelessness",
    "mental-health",
    "carers",
];
const TYPES: &[&str] = &["sar", "dhr", "cspr", "multi-agency-learning-review"];
const WORDS: &[&str] = &[
    "practitioners",
    "agencies",
    "the",
    "review",
    "found",
    "that",
    "assessment",
    "of",
    "risk",
    "was",
    "not",
    "shared",
    "between",
    "services",
    "and",
    "professional",
    "curiosity",
    "about",
    "the",
    "home",
    "conditions",
    "would",
    "have",
    "helped",
    "voice",
    "child",
    "person",
    "safeguarding",
    "referral",
    "capacity",
    "decision",
    "meeting",
    "escalation",
    "housing",
    "health",
    "police",
    "adult",
    "social",
    "care",
    "plan",
    "learning",
    "family",
    "support",
    "engagement",
];

/// A theme number, theme k with weight 1/(k+1) (Zipf-like).
fn skewed(rnd: &mut impl FnMut(usize) -> usize) -> usize {
    let weights: Vec<f64> = (0..THEMES.len()).map(|k| 1.0 / (k as f64 + 1.0)).collect();
    let total: f64 = weights.iter().sum();
    let mut x = rnd(1_000_000) as f64 / 1_000_000.0 * total;
    for (k, w) in weights.iter().enumerate() {
        if x < *w {
            return k;
        }
        x -= w;
    }
    THEMES.len() - 1
}

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(args.next().expect("usage: gen_site DIR N"));
    let n: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(5000);
    let content = dir.join("content");
    for sub in ["reviews", "briefings", "learning-summaries"] {
        std::fs::create_dir_all(content.join(sub)).unwrap();
    }
    std::fs::write(
        dir.join("learnsite.yaml"),
        "title: Synthetic Learning\nbase_url: https://bench.example/\nboard: Benchmark Safeguarding Board\nregion: North West\n",
    )
    .unwrap();
    let mut seed: u64 = 42;
    let mut rnd = move |m: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % m as u64) as usize
    };
    for i in 0..n {
        let (folder, kind) = match i % 10 {
            0..=5 => ("reviews", "review"),
            6..=8 => ("briefings", "briefing"),
            _ => ("learning-summaries", "ls"),
        };
        // A realistic skew: a few themes (self-neglect, hoarding, ...) are on most reviews and
        // the long tail on few; theme k is drawn with weight 1/(k+1).
        let t1 = THEMES[skewed(&mut rnd)];
        let t2 = THEMES[skewed(&mut rnd)];
        let mut s = String::with_capacity(6000);
        let _ = write!(
            s,
            "---\ntitle: \"Synthetic {kind} {i}\"\nsummary: \"A fictional {kind} generated for benchmarks.\"\npublished: {}-{:02}-{:02}\nreview_type: {}\nthemes: [{t1}, {t2}]\nmethodology: [silp]\nincident: 2022-{:02}\npseudonyms: [Adult {i}]\n",
            2018 + rnd(8),
            1 + rnd(12),
            1 + rnd(28),
            TYPES[rnd(TYPES.len())],
            1 + rnd(12)
        );
        if kind == "review" {
            s.push_str("recommendations:\n");
            for r in 1..=4 {
                let _ = writeln!(s, "  - {{id: R{r}, text: \"Agencies should review practice {r}.\", owner: Board, due: 2025-0{r}, status: in-progress}}");
            }
        }
        s.push_str("---\n");
        let sections: &[&str] = match kind {
            "briefing" => &[
                "1. Background",
                "2. Why it matters",
                "3. Information",
                "4. Key points",
                "5. Key points (continued)",
                "6. Questions to reflect on",
                "7. What to do",
            ],
            "ls" => &[
                "What was learnt about the case",
                "What was learnt about the review and its method",
                "Key recommendations: single-agency",
                "Key recommendations: multi-agency",
                "How changes will be made and who does what",
                "How impact will be audited",
            ],
            _ => &[
                "About this review",
                "What happened",
                "Findings",
                "Good practice",
                "Areas for learning",
            ],
        };
        let paragraphs = if kind == "review" { 3 } else { 1 };
        for section in sections {
            let _ = writeln!(s, "\n## {section}\n");
            for _ in 0..paragraphs {
                for _ in 0..60 {
                    s.push_str(WORDS[rnd(WORDS.len())]);
                    s.push(' ');
                }
                s.push_str("\n\n");
            }
        }
        std::fs::write(content.join(folder).join(format!("doc-{i}.md")), s).unwrap();
    }
    eprintln!("wrote {n} documents to {}", content.display());
}
