//! One integration-test binary (as mdBook does): each module tests one part of the
//! pipeline through the command line or the library, on fixture mini-sites.

mod briefings;
mod check;
mod collate;
mod digest;
mod errors;
mod example_site;
mod feedback;
mod fuzz_regressions;
mod jigsaw;
mod kill;
mod markers;
mod people;
mod publication;
mod relevance;
mod rendering;
mod report;
mod serve;
mod serve_updates;
mod snapshots_html;
mod snapshots_site;
mod support;
mod themes;
mod tracker;
