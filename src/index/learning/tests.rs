use super::*;
use crate::config::Config;
use crate::content::load_site;
use crate::content::{Document, RecommendationStatus};
use chrono::NaiveDate;
use std::path::Path;

const CONFIG: &str = "title: Test SAB learning\nbase_url: https://learning.test-sab.example\nboard: Test SAB\nregion: North West\n";

fn write(root: &Path, rel: &str, text: &str) {
    let p = root.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

/// A site of `files` (path under the site, text) with the test settings, loaded without
/// errors.
fn site_of(files: &[(&str, &str)]) -> (tempfile::TempDir, crate::content::Site) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "learnsite.yaml", CONFIG);
    for (rel, text) in files {
        write(root, rel, text);
    }
    let config = Config::parse(CONFIG, "learnsite.yaml").unwrap();
    let outcome = load_site(root, config).unwrap();
    assert!(!outcome.has_errors(), "{:#?}", outcome.diagnostics);
    (dir, outcome.site)
}

/// A small site with one of each kind plus a page.
fn small_site() -> (tempfile::TempDir, crate::content::Site) {
    site_of(&[
        (
            "content/reviews/adult-a.md",
            "---\ntitle: \"SAR: Adult A\"\nsummary: \"=cmd a summary\"\npublished: 2024-03-01\nreview_type: SAR\nmethodology: [SILP]\nthemes: [self-neglect, professional curiosity]\nabuse_types: [self-neglect]\nreference: TS-2024-01\nincident: \"2022-11\"\ncompleted: \"2024-01\"\nrecommendations:\n  - {id: R1, text: \"Update the self-neglect policy\", owner: Board, due: \"2024-06\", status: in-progress}\n  - {id: R2, text: \"Train staff\", owner: Council, due: \"2024-01\", status: complete, evidence: \"Training log\"}\n---\nBody text.\n",
        ),
        (
            "content/briefings/adult-a-7mb.md",
            "---\ntitle: \"7-minute briefing: Adult A\"\npublished: 2024-04-01\nthemes: [self-neglect]\nreview: adult-a\n---\nBriefing.\n",
        ),
        (
            "content/learning-summaries/adult-a-ls.md",
            "---\ntitle: \"Learning summary: Adult A\"\npublished: 2024-04-02\nthemes: [hoarding]\nreview: adult-a\n---\nSummary.\n",
        ),
        (
            "content/about.md",
            "---\ntitle: About\n---\nAbout us.\n",
        ),
    ])
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 7, 10).unwrap()
}

fn index_of(site: &crate::content::Site) -> LearningIndex {
    let docs: Vec<&Document> = site.documents.iter().collect();
    build_learning_index(&site.config, &site.vocab, &docs, &[], today())
}

#[test]
fn one_record_per_document_pages_skipped() {
    let (_d, site) = small_site();
    let idx = index_of(&site);
    assert_eq!(idx.schema, SCHEMA);
    assert_eq!(idx.version, VERSION);
    assert_eq!(idx.built, "2024-07-10");
    assert_eq!(idx.board.as_deref(), Some("Test SAB"));
    assert_eq!(idx.region.as_deref(), Some("North West"));
    assert_eq!(idx.site_title, "Test SAB learning");
    let kinds: Vec<&str> = idx.records.iter().map(|r| r.kind.as_str()).collect();
    assert_eq!(kinds, ["review", "briefing", "learning-summary"]);
    let r = &idx.records[0];
    assert_eq!(r.url, "https://learning.test-sab.example/reviews/adult-a/");
    assert_eq!(r.slug, "adult-a");
    assert_eq!(r.board.as_deref(), Some("Test SAB"));
    assert_eq!(r.review_type.as_deref(), Some("sar"));
    assert_eq!(
        r.review_type_label.as_deref(),
        Some("Safeguarding Adults Review")
    );
    assert_eq!(r.methodology, ["silp"]);
    assert_eq!(r.themes, ["self-neglect", "professional-curiosity"]);
    assert_eq!(r.theme_labels, ["Self-neglect", "Professional curiosity"]);
    assert_eq!(r.incident.as_deref(), Some("2022-11"));
    assert_eq!(r.published.as_deref(), Some("2024-03-01"));
    assert_eq!(r.completed.as_deref(), Some("2024-01"));
    assert_eq!(r.reference.as_deref(), Some("TS-2024-01"));
    assert_eq!(r.recommendations.len(), 2);
    assert_eq!(r.recommendations[0].due.as_deref(), Some("2024-06"));
    assert!(r.recommendations[0].is_overdue(today()));
    assert!(!r.recommendations[1].is_overdue(today()));
    assert_eq!(idx.records[1].review.as_deref(), Some("adult-a"));
    for r in &idx.records {
        r.validate().unwrap();
    }
}

#[test]
fn json_round_trips_through_parse_index() {
    let (_d, site) = small_site();
    let idx = index_of(&site);
    let json = to_json(&idx);
    assert!(json.contains("\"schema\": \"learnsite-learning-index\""));
    assert_eq!(parse_index(&json).unwrap(), idx);
}

/// The small site's index as a spreadsheet written by `sheet`: UTF-8 with a byte-order
/// mark, read back as its header and rows.
fn small_site_csv(
    sheet: fn(&LearningIndex) -> Vec<u8>,
) -> (csv::StringRecord, Vec<csv::StringRecord>) {
    let (_d, site) = small_site();
    let bytes = sheet(&index_of(&site));
    let text = String::from_utf8(bytes).unwrap();
    let Some(text) = text.strip_prefix('\u{feff}') else {
        panic!("no byte-order mark: {text}");
    };
    let mut rdr = csv::Reader::from_reader(text.as_bytes());
    let headers = rdr.headers().unwrap().clone();
    (headers, rdr.records().map(Result::unwrap).collect())
}

#[test]
fn csv_has_bom_one_row_per_document_and_lists_joined() {
    let (headers, rows) = small_site_csv(to_csv);
    assert_eq!(headers.iter().collect::<Vec<_>>(), CSV_COLUMNS);
    assert_eq!(rows.len(), 3);
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    assert_eq!(
        &rows[0][col("themes")],
        "self-neglect; professional-curiosity"
    );
    assert_eq!(
        &rows[0][col("theme_labels")],
        "Self-neglect; Professional curiosity"
    );
    assert_eq!(&rows[0][col("recommendations")], "2");
    assert_eq!(&rows[0][col("recommendations_overdue")], "1");
    // A cell that a spreadsheet would run as a formula is defused.
    assert_eq!(&rows[0][col("summary")], "'=cmd a summary");
}

/// A collated index's records come from other boards' files, which `parse_index` checks but
/// does not clean: a slug is only required to be there, so it is defused like any text.
#[test]
fn a_slug_read_from_an_index_is_defused_in_both_spreadsheets() {
    let (_d, site) = small_site();
    let mut idx = index_of(&site);
    idx.records[0].slug = "=HYPERLINK(1)".into();
    let json = to_json(&idx);
    let idx = parse_index(&json).unwrap();
    for sheet in [to_csv, recommendations_csv] {
        let text = String::from_utf8(sheet(&idx)).unwrap();
        assert!(text.contains(",'=HYPERLINK(1),"), "{text}");
    }
}

#[test]
fn recommendations_csv_one_row_per_recommendation() {
    let (headers, rows) = small_site_csv(recommendations_csv);
    assert_eq!(
        headers.iter().collect::<Vec<_>>(),
        RECOMMENDATION_CSV_COLUMNS
    );
    assert_eq!(rows.len(), 2);
    assert_eq!(&rows[0][0], "Test SAB");
    assert_eq!(&rows[0][6], "R1");
    assert_eq!(&rows[0][10], "in-progress");
    assert_eq!(&rows[0][11], "yes");
    assert_eq!(&rows[1][11], "no");
}

fn schema_validator() -> jsonschema::Validator {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("schema/learning-index.schema.json"),
    )
    .unwrap();
    let schema: serde_json::Value = serde_json::from_str(&text).unwrap();
    jsonschema::validator_for(&schema).expect("the shipped schema is a valid JSON Schema")
}

/// Validate `json` against the shipped schema, listing every error.
pub(crate) fn assert_valid_against_schema(json: &str) {
    let v = schema_validator();
    let instance: serde_json::Value = serde_json::from_str(json).unwrap();
    let errors: Vec<String> = v
        .iter_errors(&instance)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "index does not match the schema:\n{}",
        errors.join("\n")
    );
}

#[test]
fn generated_index_validates_against_shipped_schema() {
    let (_d, site) = small_site();
    assert_valid_against_schema(&to_json(&index_of(&site)));
}

#[test]
fn schema_rejects_what_parse_index_rejects() {
    let v = schema_validator();
    let (_d, site) = small_site();
    let good: serde_json::Value = serde_json::from_str(&to_json(&index_of(&site))).unwrap();
    let mut bad = good.clone();
    bad["version"] = 3.into();
    assert!(!v.is_valid(&bad));
    let mut bad = good.clone();
    bad["records"][0]["incident"] = "2022-11-03".into();
    assert!(!v.is_valid(&bad));
    assert!(parse_index(&bad.to_string()).is_err());
    let mut bad = good.clone();
    bad["records"][0]["recommendations"][0]["status"] = "done".into();
    assert!(!v.is_valid(&bad));
    assert!(parse_index(&bad.to_string()).is_err());
}

/// The example site that ships in the repository (learnsite.yaml and content/ at the root).
#[test]
fn example_site_index_validates_against_shipped_schema() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let Ok(config) = Config::load(root) else {
        eprintln!("no example site at {}: skipped", root.display());
        return;
    };
    let Ok(outcome) = load_site(root, config) else {
        eprintln!("example site has no content/: skipped");
        return;
    };
    let site = outcome.site;
    let idx = index_of(&site);
    assert!(!idx.records.is_empty());
    let json = to_json(&idx);
    assert_valid_against_schema(&json);
    assert_eq!(parse_index(&json).unwrap(), idx);
}

#[test]
fn parse_index_names_the_bad_record() {
    let (_d, site) = small_site();
    let mut v: serde_json::Value = serde_json::from_str(&to_json(&index_of(&site))).unwrap();
    v["records"][1]["published"] = "01/04/2024".into();
    let e = parse_index(&v.to_string()).unwrap_err();
    assert_eq!(
        e.to_string(),
        "record 2 (slug `adult-a-7mb`) is invalid: `published` is `01/04/2024`: it must be a date written YYYY-MM-DD"
    );
    v["records"][1]["published"] = serde_json::Value::Null;
    // A field a record must have, missing: named like an empty one.
    let without = |pointer: &str, key: &str| {
        let mut v = v.clone();
        let obj = v.pointer_mut(pointer).unwrap().as_object_mut().unwrap();
        obj.remove(key);
        parse_index(&v.to_string()).unwrap_err().to_string()
    };
    assert_eq!(
        without("/records/1", "url"),
        "record 2 (slug `adult-a-7mb`) is invalid: `url` is empty or missing"
    );
    assert_eq!(
        without("/records/1", "slug"),
        "record 2 is invalid: `slug` is empty or missing"
    );
    assert!(
        without("/records/0/recommendations/0", "text").ends_with("has an empty or missing `text`")
    );
    v["records"][2]["kind"] = "page".into();
    let e = parse_index(&v.to_string()).unwrap_err();
    assert!(
        matches!(e, IndexError::InvalidRecord { index: 2, .. }),
        "{e}"
    );
    v["version"] = 7.into();
    assert!(matches!(
        parse_index(&v.to_string()).unwrap_err(),
        IndexError::UnknownVersion { .. }
    ));
    v["schema"] = "something-else".into();
    assert!(matches!(
        parse_index(&v.to_string()).unwrap_err(),
        IndexError::UnknownSchema { .. }
    ));
    assert!(matches!(
        parse_index("{not json").unwrap_err(),
        IndexError::Json { line: 1, .. }
    ));
}

#[test]
fn overdue_compares_months_not_days() {
    let r = RecordRecommendation {
        id: "R1".into(),
        text: "x".into(),
        owner: None,
        due: Some("2024-06".into()),
        status: RecommendationStatus::NotStarted,
        evidence: None,
        ..Default::default()
    };
    assert!(!r.is_overdue(NaiveDate::from_ymd_opt(2024, 6, 30).unwrap()));
    assert!(r.is_overdue(NaiveDate::from_ymd_opt(2024, 7, 1).unwrap()));
    // A revised due month moves it; not implemented is never overdue.
    let revised = RecordRecommendation {
        revised_due: Some("2024-09".into()),
        ..r.clone()
    };
    assert!(!revised.is_overdue(NaiveDate::from_ymd_opt(2024, 9, 30).unwrap()));
    assert!(revised.is_overdue(NaiveDate::from_ymd_opt(2024, 10, 1).unwrap()));
    let declined = RecordRecommendation {
        status: RecommendationStatus::NotImplemented,
        reason: Some("Superseded".into()),
        ..r
    };
    assert!(!declined.is_overdue(NaiveDate::from_ymd_opt(2030, 1, 1).unwrap()));
}

/// The fields version 2 added to a record, and to a recommendation.
const V2_RECORD_FIELDS: [&str; 5] = [
    "commissioned",
    "quality_markers",
    "impact",
    "person",
    "learning",
];
const V2_RECOMMENDATION_FIELDS: [&str; 6] = [
    "agency",
    "revised_due",
    "reason",
    "updates",
    "scope",
    "themes",
];

#[test]
fn version_1_indexes_are_still_read_and_match_the_schema() {
    let (_d, site) = small_site();
    let mut v: serde_json::Value = serde_json::from_str(&to_json(&index_of(&site))).unwrap();
    // A version-1 index: no version-2 fields anywhere.
    v["version"] = 1.into();
    let obj = v.as_object_mut().unwrap();
    obj.remove("ongoing");
    for r in obj["records"].as_array_mut().unwrap() {
        let r = r.as_object_mut().unwrap();
        for k in V2_RECORD_FIELDS {
            r.remove(k);
        }
        for x in r["recommendations"].as_array_mut().unwrap() {
            for k in V2_RECOMMENDATION_FIELDS {
                x.as_object_mut().unwrap().remove(k);
            }
        }
    }
    let text = v.to_string();
    assert_valid_against_schema(&text);
    let idx = parse_index(&text).unwrap();
    assert_eq!(idx.version, 1);
    assert_eq!(idx.records.len(), 3);
    assert_eq!(idx.records[0].recommendations.len(), 2);
    assert!(idx.ongoing.is_empty());
}

#[test]
fn version_2_carries_tracked_actions_markers_impact_person_and_sections() {
    let (_dir, site) = site_of(&[
        (
            "content/reviews/adult-b.md",
            "---\ntitle: \"SAR: Adult B\"\npublished: 2025-05-01\nreview_type: sar\nthemes: [neglect]\nperson: {age_band: 65-74, sex: female, ethnicity: White, disability: [dementia]}\nimpact: {measure: \"Falls referrals\", revisit: \"2025-09\"}\nquality_markers:\n  referral: {status: met, evidence: \"Within two weeks\"}\n  analysis: {status: not-met}\nrecommendations:\n  - id: R1\n    text: Buy a system\n    status: not-implemented\n    reason: \"A regional system is coming\"\n    agency: [Council, ICB]\n    scope: multi-agency\n    themes: [recording]\n    due: \"2025-06\"\n    revised_due: \"2025-12\"\n    updates:\n      - {date: 2025-07-01, text: \"Options paper\"}\n---\nBody.\n",
        ),
        (
            "content/reviews/adult-c.md",
            "---\ntitle: \"SAR: Adult C\"\nreview_type: sar\nreference: TS-2026-02\nthemes: [hoarding]\ncommissioned: \"2026-02\"\n---\nNot yet.\n",
        ),
        (
            "content/learning-summaries/adult-b-ls.md",
            "---\ntitle: \"LS: Adult B\"\nreview: adult-b\nimpact: {measure: \"Audit\", revisit: \"2026-01\", outcome: \"Better\"}\n---\n## What was learnt about the case\n\nFalls were missed.\n\n## How impact will be audited\n\nA case file audit.\n",
        ),
    ]);
    let docs: Vec<&Document> = site.documents.iter().filter(|d| !d.is_ongoing()).collect();
    let ongoing: Vec<&Document> = site.documents.iter().filter(|d| d.is_ongoing()).collect();
    let idx = build_learning_index(&site.config, &site.vocab, &docs, &ongoing, today());
    let json = to_json(&idx);
    assert_valid_against_schema(&json);
    assert_eq!(parse_index(&json).unwrap(), idx);
    assert_eq!(idx.version, 2);

    let b = idx.records.iter().find(|r| r.slug == "adult-b").unwrap();
    let r = &b.recommendations[0];
    assert_eq!(r.status, RecommendationStatus::NotImplemented);
    assert_eq!(r.reason.as_deref(), Some("A regional system is coming"));
    assert_eq!(r.agency, ["Council", "ICB"]);
    assert_eq!(r.revised_due.as_deref(), Some("2025-12"));
    assert_eq!(r.updates[0].date, "2025-07-01");
    assert_eq!(r.themes, ["recording"]);
    assert_eq!(
        b.quality_markers["referral"].status,
        crate::content::MarkerStatus::Met
    );
    assert_eq!(
        b.quality_markers["analysis"].status,
        crate::content::MarkerStatus::NotMet
    );
    let impact = b.impact.as_ref().unwrap();
    assert!(
        !impact.is_due(today()),
        "revisit September 2025 is after July 2024"
    );
    assert!(impact.is_due(NaiveDate::from_ymd_opt(2025, 10, 1).unwrap()));
    let person = b.person.as_ref().unwrap();
    assert_eq!(person.age_band.as_deref(), Some("65-74"));
    assert_eq!(person.ethnicity.as_deref(), Some("white"));
    assert_eq!(person.disability, ["cognitive-impairment"]);
    assert_eq!(person.labels["65-74"], "65 to 74");

    let ls = idx
        .records
        .iter()
        .find(|r| r.kind == "learning-summary")
        .unwrap();
    let sections = ls.learning.as_ref().unwrap();
    assert_eq!(sections.case.as_deref(), Some("Falls were missed."));
    assert_eq!(sections.method, None);
    assert_eq!(sections.impact_audit.as_deref(), Some("A case file audit."));
    assert!(!ls
        .impact
        .as_ref()
        .unwrap()
        .is_due(NaiveDate::from_ymd_opt(2030, 1, 1).unwrap()));

    // The ongoing review: no title, summary or recommendations, and no record.
    assert!(idx.records.iter().all(|r| r.slug != "adult-c"));
    assert_eq!(idx.ongoing.len(), 1);
    assert_eq!(idx.ongoing[0].reference.as_deref(), Some("TS-2026-02"));
    assert_eq!(idx.ongoing[0].commissioned.as_deref(), Some("2026-02"));
    assert_eq!(idx.ongoing[0].theme_labels, ["Hoarding"]);
    assert!(!json.contains("Adult C"));

    // The schema holds the rule a reader relies on: not implemented needs its reason.
    let mut v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let i = idx
        .records
        .iter()
        .position(|r| r.slug == "adult-b")
        .unwrap();
    v["records"][i]["recommendations"][0]["reason"] = serde_json::Value::Null;
    assert!(!schema_validator().is_valid(&v));
    assert!(parse_index(&v.to_string())
        .unwrap_err()
        .to_string()
        .contains("recommendation `R1` is not implemented but gives no `reason`"));
}
