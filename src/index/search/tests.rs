use super::postings::{decode_postings, encode_postings};
use super::*;

fn doc(url: &str, title: &str, body: &str) -> SearchDoc {
    SearchDoc {
        url: url.into(),
        title: title.into(),
        kind: "review".into(),
        kind_label: "Review".into(),
        body: body.into(),
        ..Default::default()
    }
}

fn pair(s: &str, l: &str) -> (String, String) {
    (s.into(), l.into())
}

fn titles(ix: &SearchIndex, r: &SearchResults) -> Vec<String> {
    r.ids
        .iter()
        .map(|&d| ix.docs[d as usize].title.clone())
        .collect()
}

/// The words of each way the one clause of `text` is met.
fn one_clause(text: &str) -> Vec<Vec<String>> {
    let p = parse_query(text);
    assert_eq!(p.clauses.len(), 1, "{text}");
    p.clauses[0]
        .alts
        .iter()
        .map(|a| a.words.iter().map(|w| w.word.clone()).collect())
        .collect()
}

/// The titles of what `text` finds, best first.
fn found(ix: &SearchIndex, text: &str) -> Vec<String> {
    titles(ix, &ix.search(&q(text)))
}

fn q(text: &str) -> Query {
    Query {
        text: text.into(),
        ..Default::default()
    }
}

/// `d` dated `date`, on `board`, with `themes` and (for a review) its type.
fn filed(
    mut d: SearchDoc,
    date: &str,
    themes: &[(&str, &str)],
    review_type: Option<(&str, &str)>,
    board: &str,
) -> SearchDoc {
    d.date = Some(date.into());
    d.themes = themes.iter().map(|&(s, l)| pair(s, l)).collect();
    d.review_type = review_type.map(|(s, l)| pair(s, l));
    d.board = Some(board.into());
    d
}

fn corpus() -> Vec<SearchDoc> {
    let filler = "The practitioners met in a multi-agency meeting and agreed the plan. ";
    let cspr = Some(("cspr", "Child Safeguarding Practice Review"));
    let northshire = "Northshire Safeguarding Children Partnership";
    let southshire = "Southshire Safeguarding Adults Board";
    let d1 = filed(
        doc(
            "reviews/a/index.html",
            "Neglect of a young carer",
            &filler.repeat(20),
        ),
        "2023-05-01",
        &[("neglect", "Neglect"), ("young-carers", "Young carers")],
        cspr,
        northshire,
    );
    let d2 = filed(
        doc(
            "reviews/b/index.html",
            "Adult B: hoarding and housing",
            &format!(
                "{}The review found neglect was mentioned once. {}",
                filler.repeat(10),
                filler.repeat(10)
            ),
        ),
        "2024-02-10",
        &[("self-neglect", "Self-neglect"), ("housing", "Housing")],
        Some(("sar", "Safeguarding Adults Review")),
        southshire,
    );
    let mut d3 = filed(
        doc(
            "briefings/c/index.html",
            "Seven minute briefing: the voice of the child",
            "Hearing the voice of the child matters. Professional curiosity about the child's lived experience.",
        ),
        "2022-11-30",
        &[
            ("voice-of-the-child", "Voice of the child"),
            ("neglect", "Neglect"),
        ],
        None,
        northshire,
    );
    d3.kind = "briefing".into();
    d3.kind_label = "7-minute briefing".into();
    let mut d4 = filed(
        doc(
            "reviews/d/index.html",
            "Child D",
            "Practitioners did not hear the child. The voice was lost; curiosity was missing. Naïve café.",
        ),
        "2021-01-15",
        &[("professional-curiosity", "Professional curiosity")],
        cspr,
        southshire,
    );
    d4.headings = vec!["Professional curiosity".into()];
    let mut d5 = doc(
        "about/index.html",
        "About this site",
        "How to use the library of reviews.",
    );
    d5.kind = "page".into();
    d5.kind_label = "Page".into();
    vec![d1, d2, d3, d4, d5]
}

#[test]
fn doc_ids_are_newest_first_undated_last() {
    let ix = SearchIndex::build(&corpus());
    let dates: Vec<Option<&str>> = ix.docs.iter().map(|d| d.date.as_deref()).collect();
    assert_eq!(
        dates,
        [
            Some("2024-02-10"),
            Some("2023-05-01"),
            Some("2022-11-30"),
            Some("2021-01-15"),
            None
        ]
    );
    assert_eq!(ix.dated, 4);
}

#[test]
fn title_match_outranks_body_mention() {
    let ix = SearchIndex::build(&corpus());
    let r = ix.search(&q("neglect "));
    let t = titles(&ix, &r);
    assert_eq!(t[0], "Neglect of a young carer");
    assert!(t.contains(&"Adult B: hoarding and housing".to_string()));
    assert!(
        r.scores[0] > 2.0 * r.scores[1],
        "title ≫ body: {:?}",
        r.scores
    );
}

#[test]
fn heading_match_outranks_body_mention() {
    let ix = SearchIndex::build(&corpus());
    let r = ix.search(&q("curiosity "));
    let t = titles(&ix, &r);
    assert_eq!(
        t,
        ["Child D", "Seven minute briefing: the voice of the child"]
    );
}

#[test]
fn stemming_and_folding_apply_to_queries() {
    let ix = SearchIndex::build(&corpus());
    // "practitioners" and "practitioner" share a stem; "Naïve café" folds.
    assert_eq!(
        ix.search(&q("practitioners ")).ids.len(),
        ix.search(&q("practitioner ")).ids.len()
    );
    assert_eq!(found(&ix, "naive CAFE "), ["Child D"]);
    assert_eq!(found(&ix, "NAÏVE"), ["Child D"]);
}

#[test]
fn every_word_first_then_some_of_them() {
    let ix = SearchIndex::build(&corpus());
    // Two documents have both words: they are all that is shown.
    let r = ix.search(&q("voice curiosity "));
    assert_eq!((r.ids.len(), r.full), (2, 2));
    // None has both: the documents with one of them are shown, ranked, and counted as partial.
    let r = ix.search(&q("voice hoarding "));
    assert_eq!(r.full, 0);
    let t = titles(&ix, &r);
    assert!(
        t.contains(&"Adult B: hoarding and housing".to_string()),
        "{t:?}"
    );
    assert!(t.contains(&"Child D".to_string()), "{t:?}");
    // A word no document holds is named and left out; the rest are searched.
    let r = ix.search(&q("voice xylophone "));
    assert_eq!(r.unmatched, ["xylophone"]);
    assert_eq!(r.full, 2);
    assert!(ix.search(&q("xylophone ")).ids.is_empty());
}

#[test]
fn full_matches_rank_before_partial_ones() {
    let ix = SearchIndex::build(&corpus());
    let r = ix.search(&q("hoarding neglect "));
    assert!(r.full >= 1, "{:?}", titles(&ix, &r));
    assert!(
        r.ids.len() > r.full,
        "partial matches follow while few documents have every word"
    );
    let hoarding = ix.search(&q("hoarding ")).ids;
    let neglect = ix.search(&q("neglect ")).ids;
    for d in &r.ids[..r.full] {
        assert!(
            hoarding.contains(d) && neglect.contains(d),
            "a full match has both words"
        );
    }
    for d in &r.ids[r.full..] {
        assert!(
            !(hoarding.contains(d) && neglect.contains(d)),
            "a partial match lacks one"
        );
    }
}

#[test]
fn last_word_is_a_prefix_while_typing() {
    let ix = SearchIndex::build(&corpus());
    assert_eq!(found(&ix, "hoar"), ["Adult B: hoarding and housing"]);
    // Short prefixes are not expanded.
    assert!(ix.search(&q("ho")).ids.is_empty());
    let r = ix.search(&q("hoar"));
    assert!(r.highlight.contains(&"hoarding".to_string()));
}

#[test]
fn related_forms_and_one_letter_misspellings_rank_below_the_word() {
    // The same sentence with the word typed and with a related form: the word ranks first.
    let pair = [
        doc(
            "a/index.html",
            "A",
            "The worker was curious about the home.",
        ),
        doc(
            "b/index.html",
            "B",
            "The worker showed curiosity about the home.",
        ),
    ];
    let ix = SearchIndex::build(&pair);
    assert_eq!(found(&ix, "curious "), ["A", "B"]);
    assert_eq!(found(&ix, "curiosity "), ["B", "A"]);
    let ix = SearchIndex::build(&corpus());
    // Forms of a word the index does not hold find the word.
    assert_eq!(ix.search(&q("hoardings ")).ids.len(), 1);
    assert_eq!(ix.search(&q("hoarder ")).ids.len(), 1);
    // One letter away, for words of five letters or more: the misspelling finds the word.
    assert_eq!(found(&ix, "hording "), ["Adult B: hoarding and housing"]);
    assert!(ix.search(&q("curiousity ")).ids.len() >= 2);
    // Not two letters away.
    assert!(ix.search(&q("hxrdxng ")).ids.is_empty());
    assert!(ix.search(&q("hordng ")).ids.is_empty());
}

#[test]
fn hyphenated_words_are_found_whole_and_by_their_parts() {
    let mut docs = corpus();
    docs[1]
        .body
        .push_str(" The baby was co-sleeping with a parent.");
    let ix = SearchIndex::build(&docs);
    for query in ["co-sleeping ", "cosleeping ", "co sleeping "] {
        assert_eq!(
            found(&ix, query)[0],
            "Adult B: hoarding and housing",
            "{query}"
        );
    }
    // The filler's "multi-agency" is found as "multiagency".
    assert!(!ix.search(&q("multiagency ")).ids.is_empty());
}

#[test]
fn labels_are_searchable_with_their_other_names() {
    let ix = SearchIndex::build(&corpus());
    // "SAR" is the default vocabulary's alias of the review type Safeguarding Adults Review.
    assert_eq!(found(&ix, "SAR "), ["Adult B: hoarding and housing"]);
    // A quoted phrase matches a label: "young carers" is only a theme of the first document.
    assert_eq!(found(&ix, "\"young carers\""), ["Neglect of a young carer"]);
}

#[test]
fn synonyms_find_what_practitioners_call_the_same_thing() {
    let mut docs = corpus();
    docs[2].body.push_str(" Safer sleep advice was given.");
    let ix = SearchIndex::build(&docs);
    assert_eq!(
        found(&ix, "safe sleep "),
        ["Seven minute briefing: the voice of the child"]
    );
    // What it found is highlighted: the synonym's words, not the index's name for the group.
    let hl = ix.search(&q("safe sleep ")).highlight;
    assert!(hl.contains(&"safer".to_string()), "{hl:?}");
    assert!(!hl.iter().any(|w| w.starts_with('\u{1}')), "{hl:?}");
    let p = parse_query("safe sleep");
    assert_eq!(p.clauses.len(), 1, "one clause for the phrase");
    // The words typed, and the group's documents, held in the index as one word.
    let alts = &p.clauses[0].alts;
    assert_eq!(alts[0].weight, 1.0);
    assert!(alts[1..]
        .iter()
        .all(|a| a.weight < 1.0 && a.words.len() == 1 && a.words[0].word.starts_with('\u{1}')));
}

fn clause_words(p: &ParsedQuery) -> Vec<(String, bool)> {
    p.clauses
        .iter()
        .map(|c| {
            let w = &c.alts[0].words;
            (
                w.iter()
                    .map(|t| t.word.as_str())
                    .collect::<Vec<_>>()
                    .join("+"),
                w.last().is_some_and(|t| t.prefix),
            )
        })
        .collect()
}

#[test]
fn query_parsing() {
    let p = parse_query("the \"voice of the child\" neglec");
    assert_eq!(p.phrases, vec![vec!["voice", "of", "the", "child"]]);
    assert_eq!(
        clause_words(&p),
        [
            ("voice".to_string(), false),
            ("child".to_string(), false),
            ("neglec".to_string(), true)
        ]
    );
    assert!(p.clauses[0].exact && !p.clauses[2].exact);
    let p = parse_query("\"voice of th");
    assert!(p.phrases.is_empty());
    assert_eq!(p.clauses.len(), 2);
    assert!(!clause_words(&p)[1].1, "too short to expand");
    let p = parse_query("neglect.");
    assert!(!clause_words(&p)[0].1);
    assert!(parse_query("the of").clauses.is_empty());
    // Question words are stop words.
    assert_eq!(
        clause_words(&parse_query("what should I do when someone refuses ")),
        [
            ("someone".to_string(), false),
            ("refuses".to_string(), false)
        ]
    );
    // A hyphenated word: whole, or its parts.
    assert_eq!(
        one_clause("pre-birth "),
        [vec!["prebirth"], vec!["pre", "birth"]]
    );
    // In the synonym list too.
    assert_eq!(
        one_clause("multi-agency ")[..2],
        [vec!["multiagency"], vec!["multi", "agency"]]
    );
}

#[test]
fn phrases_are_checked_against_text() {
    let ix = SearchIndex::build(&corpus());
    let r = ix.search(&q("\"voice of the child\""));
    assert_eq!(
        titles(&ix, &r),
        ["Seven minute briefing: the voice of the child"]
    );
    // Without quotes, Child D (voice ... child, apart) matches too.
    let r = ix.search(&q("voice of the child "));
    assert_eq!(r.full, 2);
    // Possessive matches.
    let r = ix.search(&q("\"the child lived\""));
    assert_eq!(r.ids.len(), 1);
    let r = ix.search(&q("\"child experience\""));
    assert!(r.ids.is_empty());
    let r = ix.search(&q("\"curiosity about the child lived experience\""));
    assert_eq!(r.ids.len(), 1);
}

#[test]
fn facet_counts_or_within_and_across() {
    let ix = SearchIndex::build(&corpus());
    let theme = ix.facets.iter().position(|f| f.id == "theme").unwrap();
    let count = |r: &SearchResults, fi: usize, slug: &str| {
        let f = &ix.facets[fi];
        r.facet_counts[fi][f.values.iter().position(|v| v.0 == slug).unwrap()]
    };
    let all = ix.search(&Query::default());
    assert_eq!(all.ids.len(), 5);
    assert_eq!(count(&all, theme, "neglect"), 2);
    let mut fq = Query::default();
    fq.filters
        .push(("theme".into(), vec!["neglect".into(), "housing".into()]));
    let r = ix.search(&fq);
    assert_eq!(r.ids.len(), 3, "OR within a facet");
    // Counts of the filtered facet ignore its own filter.
    assert_eq!(count(&r, theme, "professional-curiosity"), 1);
    fq.filters.push(("review_type".into(), vec!["cspr".into()]));
    let r = ix.search(&fq);
    assert_eq!(
        titles(&ix, &r),
        ["Neglect of a young carer"],
        "AND across facets"
    );
    let rt = ix
        .facets
        .iter()
        .position(|f| f.id == "review_type")
        .unwrap();
    assert_eq!(count(&r, rt, "sar"), 1);
    assert_eq!(count(&r, rt, "cspr"), 1);
    // Text query and facet together.
    let mut tq = q("child");
    tq.filters.push(("kind".into(), vec!["briefing".into()]));
    assert_eq!(
        titles(&ix, &ix.search(&tq)),
        ["Seven minute briefing: the voice of the child"]
    );
}

#[test]
fn unknown_filter_values_are_ignored() {
    let ix = SearchIndex::build(&corpus());
    let mut fq = Query::default();
    fq.filters
        .push(("theme".into(), vec!["no-such-theme".into()]));
    assert_eq!(ix.search(&fq).ids.len(), 5);
    fq.filters[0].1.push("neglect".into());
    assert_eq!(ix.search(&fq).ids.len(), 2);
}

#[test]
fn zero_results_name_the_filter_to_remove() {
    let ix = SearchIndex::build(&corpus());
    let mut fq = q("hoarding ");
    fq.filters.push(("theme".into(), vec!["neglect".into()]));
    let r = ix.search(&fq);
    assert!(r.ids.is_empty());
    assert_eq!(r.relax, [("theme".to_string(), 1)]);
}

#[test]
fn year_range_and_sorts() {
    let ix = SearchIndex::build(&corpus());
    let mut yq = Query {
        year_from: Some(2022),
        year_to: Some(2023),
        ..Default::default()
    };
    let r = ix.search(&yq);
    assert_eq!(
        titles(&ix, &r),
        [
            "Neglect of a young carer",
            "Seven minute briefing: the voice of the child"
        ]
    );
    yq.sort = Sort::Oldest;
    let r = ix.search(&yq);
    assert_eq!(
        titles(&ix, &r),
        [
            "Seven minute briefing: the voice of the child",
            "Neglect of a young carer"
        ]
    );
    let r = ix.search(&Query {
        sort: Sort::Oldest,
        ..Default::default()
    });
    assert_eq!(
        titles(&ix, &r).last().unwrap(),
        "About this site",
        "undated last"
    );
    let r = ix.search(&Query {
        text: "neglect ".into(),
        sort: Sort::Newest,
        ..Default::default()
    });
    assert_eq!(titles(&ix, &r)[0], "Adult B: hoarding and housing");
}

#[test]
fn board_slugs_and_facet_values() {
    let ix = SearchIndex::build(&corpus());
    let board = ix.facets.iter().find(|f| f.id == "board").unwrap();
    assert_eq!(
        board.values[0].0,
        "northshire-safeguarding-children-partnership"
    );
    let year = ix.facets.iter().find(|f| f.id == "year").unwrap();
    let ys: Vec<&str> = year.values.iter().map(|v| v.0.as_str()).collect();
    assert_eq!(ys, ["2021", "2022", "2023", "2024"]);
}

#[test]
fn postings_round_trip_both_encodings() {
    let sparse: Vec<(u32, u8)> = vec![(3, 10), (40, 12), (1000, 1)];
    let mut dense: Vec<(u32, u8)> = (0..500u32)
        .filter(|d| d % 3 != 0)
        .map(|d| (d, (d % 63 + 1) as u8))
        .collect();
    super::postings::requantise(&mut dense);
    for (list, n) in [(&sparse, 2000usize), (&dense, 500)] {
        let e = encode_postings(list, n);
        assert_eq!(&decode_postings(&e), list);
    }
    let e = encode_postings(&dense, 500);
    assert!(
        e.len() < dense.len(),
        "dense lists use the bitmap and 4-bit impacts: {}",
        e.len()
    );
    // Wide impact ranges are snapped to a 4-bit grid that survives encoding unchanged.
    let mut wide: Vec<(u32, u8)> = (0..63u32).map(|d| (d * 3, (d + 1) as u8)).collect();
    super::postings::requantise(&mut wide);
    assert_eq!(wide.first().unwrap().1, 1);
    assert_eq!(wide.last().unwrap().1, 63);
    assert_eq!(decode_postings(&encode_postings(&wide, 200)), wide);
    for lo in 1..=63u8 {
        for hi in lo..=63u8 {
            let steps = if hi - lo > 15 { 15 } else { u32::from(hi - lo) };
            for step in 0..=steps {
                let q = super::postings::dequantise(lo, hi, step);
                assert!(q >= lo && q <= hi);
                assert_eq!(super::postings::quantise(lo, hi, q), step);
            }
        }
    }
    assert_eq!(decode_postings(&encode_postings(&[], 10)), vec![]);
}

fn synthetic(n: usize) -> Vec<SearchDoc> {
    (0..n)
        .map(|i| {
            let body: String = (0..200)
                .map(|j| format!("w{}x{} ", (i * 7 + j * 13) % 3000, j % 5))
                .collect();
            let mut d = doc(&format!("r/{i}/index.html"), &format!("Review {i}"), &body);
            d.date = Some(format!("20{:02}-01-01", 10 + i % 15));
            d
        })
        .collect()
}

#[test]
fn chunks_cover_the_dictionary_in_order() {
    let ix = SearchIndex::build(&synthetic(300));
    assert!(ix.chunks.len() > 3, "{} chunks", ix.chunks.len());
    let mut next = 0;
    for c in &ix.chunks {
        assert_eq!(c.start, next);
        assert!(c.end > c.start);
        next = c.end;
    }
    assert_eq!(next, ix.words.len());
    // Every word is found through the chunk keys, as the client looks it up.
    for (w, s) in &ix.words {
        let c = &ix.chunks[ix.chunk_for(w)];
        assert!(
            ix.words[c.start..c.end]
                .iter()
                .any(|x| &x.0 == w && x.1 == *s),
            "{w}"
        );
    }
    let files = ix.files();
    for f in files.iter().filter(|f| f.path.starts_with("search/terms/")) {
        assert!(
            f.bytes.len() <= CHUNK_TARGET + 4096 || f.bytes.len() < 64 * 1024,
            "{} {}",
            f.path,
            f.bytes.len()
        );
    }
}

#[test]
fn files_are_javascript_callbacks() {
    let files = build_search_index(&corpus());
    let get = |p: &str| {
        String::from_utf8(
            files
                .iter()
                .find(|f| f.path == p)
                .unwrap_or_else(|| panic!("{p}"))
                .bytes
                .clone(),
        )
        .unwrap()
    };
    assert!(get("search/manifest.js").starts_with("__ls_m({"));
    assert!(get("search/facets/theme.js").starts_with("__ls_f(\"theme\",{\"enc\""));
    assert!(get("search/terms/0.js").starts_with("__ls_t(0,{"));
    assert!(get("search/records/0.js").starts_with("__ls_r(0,[[\"Adult B"));
    assert!(get("search/text/0.js").starts_with("__ls_x(0,[\""));
    for a in [
        "search/search.js",
        "search/search.css",
        "search/highlight.js",
    ] {
        get(a);
    }
    // Deterministic output.
    assert_eq!(files, build_search_index(&corpus()));
    assert_eq!(
        files,
        SearchIndex::build(&corpus()).files(),
        "both ways of writing agree"
    );
    let manifest = get("search/manifest.js");
    let json: serde_json::Value = serde_json::from_str(
        manifest
            .trim_start_matches("__ls_m(")
            .trim_end()
            .trim_end_matches(");"),
    )
    .unwrap();
    assert_eq!(json["n"], 5);
    assert_eq!(json["impact"].as_array().unwrap().len(), 64);
}

#[test]
fn empty_index_is_valid() {
    let files = build_search_index(&[]);
    assert!(files.iter().any(|f| f.path == "search/manifest.js"));
    let ix = SearchIndex::build(&[]);
    assert!(ix.search(&q("anything")).ids.is_empty());
}

#[test]
fn first_query_files_are_few() {
    let ix = SearchIndex::build(&synthetic(300));
    let files = ix.first_query_files(&q("w17x2 "), 10, 10);
    assert!(
        files
            .iter()
            .filter(|f| f.starts_with("search/terms/"))
            .count()
            == 1
    );
    assert!(files.len() <= 1 + 1 + 10 + 10);
    // The facets wait for the filter panel, unless the query filters by them.
    assert!(
        !files.iter().any(|f| f.starts_with("search/facets/")),
        "{files:?}"
    );
    let filtered = Query {
        filters: vec![("kind".into(), vec!["review".into()])],
        ..q("w17x2 ")
    };
    let files = ix.first_query_files(&filtered, 10, 10);
    let facets: Vec<&String> = files
        .iter()
        .filter(|f| f.starts_with("search/facets/"))
        .collect();
    assert_eq!(facets, ["search/facets/kind.js"], "{files:?}");
}

#[test]
fn records_carry_each_documents_facet_values() {
    // Results show their type, board and themes before the facets file is loaded: from the
    // record, through the manifest's list of values.
    let docs: Vec<SearchDoc> = (0..20)
        .map(|i| {
            let d = doc(
                &format!("r/{i}/index.html"),
                &format!("Review {i}"),
                "Text.",
            );
            let themes: &[(&str, &str)] = if i % 2 == 0 {
                &[("neglect", "Neglect"), ("hoarding", "Hoarding")]
            } else {
                &[("self-neglect", "Self-neglect")]
            };
            filed(
                d,
                &format!("20{:02}-01-01", 10 + i),
                themes,
                None,
                &format!("Board {}", i % 3),
            )
        })
        .collect();
    let ix = SearchIndex::build(&docs);
    let files = ix.files();
    let args = |p: &str| -> serde_json::Value {
        let f = files.iter().find(|f| f.path == p).unwrap();
        let s = std::str::from_utf8(&f.bytes).unwrap();
        serde_json::from_str(&format!(
            "[{}]",
            &s[s.find('(').unwrap() + 1..s.rfind(')').unwrap()]
        ))
        .unwrap()
    };
    let listed = args("search/manifest.js")[0]["facets"].clone();
    for (ri, file) in ["search/records/0.js", "search/records/1.js"]
        .iter()
        .enumerate()
    {
        let recs = args(file)[1].clone();
        for (i, rec) in recs.as_array().unwrap().iter().enumerate() {
            let id = ri * 16 + i;
            let names = |facet: &str| -> Vec<String> {
                let fi = listed
                    .as_array()
                    .unwrap()
                    .iter()
                    .position(|f| f["id"] == facet)
                    .unwrap();
                rec[3][fi]
                    .as_array()
                    .map(|vs| {
                        vs.iter()
                            .map(|v| {
                                let v = v.as_u64().unwrap() as usize;
                                listed[fi]["values"][v][1].as_str().unwrap().to_string()
                            })
                            .collect()
                    })
                    .unwrap_or_default()
            };
            let d = docs.iter().find(|d| d.title == ix.docs[id].title).unwrap();
            assert_eq!(names("kind"), vec!["Review".to_string()]);
            assert_eq!(names("board"), vec![d.board.clone().unwrap()]);
            let mut want: Vec<String> = d.themes.iter().map(|t| t.1.clone()).collect();
            want.sort();
            assert_eq!(names("theme"), want, "{}", d.title);
        }
    }
}

#[test]
fn facet_encodings_round_trip() {
    use super::facets::{decode_facet, encode_facet};
    use super::index::Facet;
    let mut seed: u64 = 7;
    let mut rnd = |n: u64| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) % n
    };
    // (values, multi, most per doc, how often a doc has none)
    for (nv, multi, most) in [
        (37u32, true, 5usize),
        (10, true, 3),
        (3, true, 3),
        (60, false, 1),
        (1, false, 1),
        (40, true, 12),
    ] {
        let docs: Vec<Vec<u32>> = (0..500)
            .map(|_| {
                let k = rnd(most as u64 + 1) as usize;
                let mut v: Vec<u32> = Vec::new();
                while v.len() < k.min(nv as usize) {
                    let x = rnd(u64::from(nv)) as u32;
                    if !v.contains(&x) {
                        v.push(x);
                    }
                }
                v.sort_unstable();
                v
            })
            .collect();
        let f = Facet {
            id: "theme",
            label: "Theme",
            multi,
            values: (0..nv)
                .map(|i| (format!("v{i}"), format!("V {i}")))
                .collect(),
            aliases: vec![Vec::new(); nv as usize],
            doc_values: docs.clone(),
        };
        let (meta, data) = encode_facet(&f);
        assert_eq!(decode_facet(&f, &meta, &data), docs, "{meta}");
        if nv == 37 {
            assert!(
                meta.contains("\"c\""),
                "subset ranks are the smallest here: {meta}"
            );
        }
    }
}

#[test]
fn texts_are_bundled_and_read_back() {
    // 300 documents of about 600 words: their texts go in bundles of consecutive documents,
    // far fewer files than documents, each near the bundle size, and each text reads back.
    let words = [
        "practitioners",
        "agencies",
        "assessment",
        "escalation",
        "housing",
        "capacity",
        "referral",
        "curiosity",
    ];
    let docs: Vec<SearchDoc> = (0..300)
        .map(|i| {
            let body: Vec<&str> = (0..600).map(|j| words[(i * 7 + j * j) % 8]).collect();
            doc(
                &format!("reviews/r{i}/index.html"),
                &format!("Review {i}"),
                &body.join(" "),
            )
        })
        .collect();
    let files = build_search_index(&docs);
    let texts: Vec<&SearchFile> = files
        .iter()
        .filter(|f| f.path.starts_with("search/text/"))
        .collect();
    assert!(texts.len() * 4 <= docs.len(), "{} text files", texts.len());
    for f in &texts {
        assert!(f.bytes.len() <= 2 * files::TEXT_FILE_BYTES, "{}", f.path);
    }
    let dir = tempfile::tempdir().unwrap();
    for f in &files {
        let p = dir.path().join(&f.path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, &f.bytes).unwrap();
    }
    let back = SearchIndex::read_dir(&dir.path().join("search")).unwrap();
    let built = SearchIndex::build(&docs);
    assert_eq!(back.docs.len(), 300);
    for (a, b) in back.docs.iter().zip(&built.docs) {
        assert_eq!(a.title, b.title);
        assert_eq!(
            super::index::inflate_text(&a.z),
            super::index::inflate_text(&b.z)
        );
    }
    // The first query's excerpts come from the bundles of the results on screen.
    let first = built.first_query_files(&q("escalation"), 10, 5);
    let bundles = first
        .iter()
        .filter(|p| p.starts_with("search/text/"))
        .count();
    assert!((1..=5).contains(&bundles), "{first:?}");
}

#[test]
fn the_persons_codes_are_facets_with_age_bands_youngest_first() {
    let coded = |url: &str, codes: &[(&'static str, &str, &str)]| SearchDoc {
        person: codes
            .iter()
            .map(|(f, s, l)| (*f, s.to_string(), l.to_string()))
            .collect(),
        ..doc(url, url, "Agencies worked apart.")
    };
    let docs = vec![
        coded(
            "a",
            &[
                ("age_band", "65-74", "65 to 74"),
                ("sex", "female", "Female"),
                ("disability", "sensory", "Sensory impairment"),
                ("disability", "physical", "Physical disability"),
            ],
        ),
        coded(
            "b",
            &[("age_band", "18-25", "18 to 25"), ("sex", "male", "Male")],
        ),
        coded("c", &[("age_band", "under-1", "Under 1")]),
        doc("d", "d", "Not coded."),
    ];
    let ix = SearchIndex::build(&docs);
    let facet = |id: &str| ix.facets.iter().position(|f| f.id == id).unwrap();
    let bands: Vec<&str> = ix.facets[facet("age_band")]
        .values
        .iter()
        .map(|v| v.0.as_str())
        .collect();
    assert_eq!(bands, ["under-1", "18-25", "65-74"]);
    assert_eq!(ix.facets[facet("disability")].values.len(), 2);
    let mut fq = Query::default();
    fq.filters.push(("sex".into(), vec!["female".into()]));
    assert_eq!(titles(&ix, &ix.search(&fq)), ["a"]);
    let mut fq = Query::default();
    fq.filters
        .push(("age_band".into(), vec!["18-25".into(), "under-1".into()]));
    let mut t = titles(&ix, &ix.search(&fq));
    t.sort();
    assert_eq!(t, ["b", "c"]);
    // A facet no document has is written empty, and the client does not show it.
    assert!(ix.facets[facet("relationship")].values.is_empty());
}

#[test]
fn a_review_is_found_by_its_reference_as_typed() {
    let mut docs = vec![
        doc(
            "reviews/a/index.html",
            "Adult A",
            "Agencies did not share what they knew.",
        ),
        doc(
            "reviews/b/index.html",
            "Adult B",
            "The SAR of 2024 found 01 gap in NS records.",
        ),
        doc(
            "reviews/c/index.html",
            "Adult C",
            "Self-neglect and hoarding.",
        ),
    ];
    docs[0].reference = Some("NS-SAR-2024-01".into());
    docs[2].reference = Some("NS-SAR-2023-04".into());
    let ix = SearchIndex::build(&docs);
    for typed in [
        "NS-SAR-2024-01",
        "ns-sar-2024-01",
        "NS SAR 2024 01",
        " NS-SAR-2024-01 ",
    ] {
        let got = found(&ix, typed);
        assert_eq!(
            got.first().map(String::as_str),
            Some("Adult A"),
            "{typed:?}: {got:?}"
        );
    }
    let got = found(&ix, "NS-SAR-2023-04");
    assert_eq!(got, ["Adult C"], "the other review's reference: {got:?}");
}
