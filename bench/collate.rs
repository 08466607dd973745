//! Benchmark (not a test): collate 150 boards × 200 records and print the time.
//!
//! ```text
//! cargo bench --bench collate                # 150 boards × 200 records
//! cargo bench --bench collate -- 20 50       # BOARDS RECORDS
//! cargo bench --bench collate -- 150 200 --keep   # keep the output to look at
//! ```
//! Everything is written in a temporary folder under `$TMPDIR` (`bench/all.sh` sets it to its
//! `BENCH_DIR`, on tmpfs, as for its builds; `/tmp` is on the disk on some machines).
//! The synthetic indexes are deterministic: themes, dates and recommendation statuses come from a
//! fixed-seed generator, drawn from the default vocabularies.

use chrono::NaiveDate;
use learnsite::collate::{collate, CollateOptions};
use learnsite::content::RecommendationStatus;
use learnsite::index::learning::{self, LearningIndex, Record, RecordRecommendation};
use learnsite::vocab::Vocabularies;
use std::time::Instant;

/// xorshift64*: small, fixed-seed, good enough for synthetic data.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn board_index(rng: &mut Rng, vocab: &Vocabularies, b: usize, records: usize) -> LearningIndex {
    let board = format!("Synthetic Board {b:03} Safeguarding Partnership");
    let base = format!("https://board-{b:03}.example/");
    let kinds = ["review", "review", "briefing", "learning-summary"];
    let statuses = [
        RecommendationStatus::NotStarted,
        RecommendationStatus::InProgress,
        RecommendationStatus::Complete,
    ];
    let words = [
        "agencies", "hospital", "housing", "carer", "police", "referral", "capacity", "family",
        "school", "GP",
    ];
    let recs = (0..records)
        .map(|i| {
            let kind = kinds[rng.below(kinds.len())];
            let year = 2014 + rng.below(12) as i32;
            let published =
                NaiveDate::from_ymd_opt(year, 1 + rng.below(12) as u32, 1 + rng.below(28) as u32)
                    .unwrap();
            let mut themes: Vec<String> = Vec::new();
            for _ in 0..(1 + rng.below(5)) {
                // Skewed towards the first themes, as real data is.
                let n = vocab.themes.terms.len();
                let t = &vocab.themes.terms[rng.below(n).min(rng.below(n))];
                if !themes.contains(&t.slug) {
                    themes.push(t.slug.clone());
                }
            }
            let review_type = &vocab.review_types.terms[rng.below(6)];
            let summary: Vec<&str> = (0..40).map(|_| words[rng.below(words.len())]).collect();
            let recommendations = if kind == "review" {
                (0..rng.below(7))
                    .map(|r| RecordRecommendation {
                        id: format!("R{}", r + 1),
                        text: format!(
                            "The partnership should make sure that {} share information.",
                            words[rng.below(words.len())]
                        ),
                        owner: Some("Safeguarding Partnership".into()),
                        due: Some(format!("{}-{:02}", year + 1, 1 + rng.below(12))),
                        status: statuses[rng.below(3)],
                        evidence: None,
                        ..Default::default()
                    })
                    .collect()
            } else {
                vec![]
            };
            Record {
                kind: kind.into(),
                title: format!("{} {i}: Adult {b}-{i}", review_type.label),
                url: format!("{base}{kind}s/case-{i}/"),
                slug: format!("case-{i}"),
                board: Some(board.clone()),
                region: Some("Synthetic region".into()),
                review_type: Some(review_type.slug.clone()),
                review_type_label: Some(review_type.label.clone()),
                methodology: vec!["silp".into()],
                methodology_labels: vec!["Significant Incident Learning Process (SILP)".into()],
                theme_labels: themes
                    .iter()
                    .map(|t| vocab.themes.by_slug(t).unwrap().label.clone())
                    .collect(),
                themes,
                abuse_types: vec!["neglect".into()],
                incident: Some(format!("{}-{:02}", year - 1, 1 + rng.below(12))),
                published: Some(published.format("%Y-%m-%d").to_string()),
                completed: Some(format!("{year}-01")),
                reference: Some(format!("SB{b:03}-{year}-{i:03}")),
                summary: Some(summary.join(" ")),
                review: None,
                recommendations,
                built: None,
                ..Default::default()
            }
        })
        .collect();
    LearningIndex {
        schema: learning::SCHEMA.into(),
        version: learning::VERSION,
        site_title: format!("{board} learning"),
        base_url: Some(base),
        board: Some(board),
        region: Some("Synthetic region".into()),
        built: "2025-06-01".into(),
        generator: learning::generator(),
        sources: vec![],
        records: recs,
        ongoing: vec![],
    }
}

fn dir_size(p: &std::path::Path) -> (u64, usize) {
    let (mut bytes, mut files) = (0, 0);
    for e in std::fs::read_dir(p).unwrap() {
        let e = e.unwrap();
        let m = e.metadata().unwrap();
        if m.is_dir() {
            let (b, f) = dir_size(&e.path());
            bytes += b;
            files += f;
        } else {
            bytes += m.len();
            files += 1;
        }
    }
    (bytes, files)
}

/// CPU time (user + system) of this process so far, in seconds (Linux; 0 elsewhere).
fn cpu_seconds() -> f64 {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else {
        return 0.0;
    };
    // Fields after the command name (which is in parentheses): utime and stime are 14 and 15.
    let rest = stat.rsplit_once(')').map(|(_, r)| r).unwrap_or("");
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks: f64 = f.get(11).and_then(|u| u.parse::<f64>().ok()).unwrap_or(0.0)
        + f.get(12).and_then(|s| s.parse::<f64>().ok()).unwrap_or(0.0);
    ticks / 100.0
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let keep = args.iter().any(|a| a == "--keep");
    let nums: Vec<usize> = args.iter().filter_map(|a| a.parse().ok()).collect();
    let boards = nums.first().copied().unwrap_or(150);
    let records = nums.get(1).copied().unwrap_or(200);

    let vocab = Vocabularies::defaults();
    let dir = tempfile::tempdir().expect("temp dir");
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let t = Instant::now();
    let inputs: Vec<_> = (0..boards)
        .map(|b| {
            let idx = board_index(&mut rng, &vocab, b, records);
            let p = dir.path().join(format!("board-{b:03}.json"));
            std::fs::write(&p, learning::to_json(&idx)).unwrap();
            p
        })
        .collect();
    let input_bytes: u64 = inputs
        .iter()
        .map(|p| std::fs::metadata(p).unwrap().len())
        .sum();
    println!(
        "generated {boards} boards × {records} records ({:.1} MB of JSON) in {:.2} s",
        input_bytes as f64 / 1e6,
        t.elapsed().as_secs_f64()
    );

    let out = dir.path().join("region");
    let opts = CollateOptions {
        inputs,
        out: out.clone(),
        title: Some("Synthetic region".into()),
        today: NaiveDate::from_ymd_opt(2025, 6, 15).unwrap(),
        layouts: None,
        progress: false,
    };
    let mut times = Vec::new();
    let mut cpu = Vec::new();
    let mut summary = None;
    for _ in 0..3 {
        let (t, c) = (Instant::now(), cpu_seconds());
        summary = Some(collate(&opts).expect("collate"));
        times.push(t.elapsed().as_secs_f64());
        cpu.push(cpu_seconds() - c);
    }
    let s = summary.unwrap();
    let (bytes, files) = dir_size(&out);
    times.sort_by(f64::total_cmp);
    cpu.sort_by(f64::total_cmp);
    println!("{s}");
    println!(
        "collate time: {:.3} s (best of 3; median {:.3} s, worst {:.3} s); output {files} files, {:.1} MB",
        times[0],
        times[1],
        times[2],
        bytes as f64 / 1e6
    );
    println!(
        "CPU time (user + system, all threads): {:.2} s median; {} threads; load average now: {}",
        cpu[1],
        rayon::current_num_threads(),
        std::fs::read_to_string("/proc/loadavg")
            .unwrap_or_default()
            .split_whitespace()
            .take(3)
            .collect::<Vec<_>>()
            .join(" ")
    );
    println!(
        "target: under 2 s for 150 boards × 200 records: {}",
        if times[1] < 2.0 { "met" } else { "NOT met" }
    );
    if keep {
        let kept = dir.keep();
        println!("output kept in {}", kept.join("region").display());
    }
}
