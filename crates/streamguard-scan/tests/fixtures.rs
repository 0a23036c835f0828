//! Snapshot tests of the fixture corpus, and its precision/recall against the hand labels.

use std::path::{Path, PathBuf};

use streamguard_scan::corpus::{self, Score};

fn corpus_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

#[test]
fn every_fixture_matches_its_snapshot() {
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some();
    let cases = corpus::cases(&corpus_root());
    assert!(
        cases.len() >= 20,
        "fixture corpus went missing: {} cases",
        cases.len()
    );
    let mut mismatches = Vec::new();
    for dir in cases {
        let result = corpus::evaluate_case(&dir).expect("scan of a fixture");
        let path = dir.join("snapshot.txt");
        if update {
            std::fs::write(&path, &result.snapshot).expect("write snapshot");
            continue;
        }
        let expected = std::fs::read_to_string(&path).unwrap_or_default();
        if expected != result.snapshot {
            mismatches.push(format!(
                "--- {}\n{}\n+++ actual\n{}",
                path.display(),
                expected,
                result.snapshot
            ));
        }
    }
    assert!(
        mismatches.is_empty(),
        "snapshots differ (UPDATE_SNAPSHOTS=1 to accept):\n{}",
        mismatches.join("\n")
    );
}

#[test]
fn every_fixture_reports_exactly_its_labelled_findings() {
    let mut wrong = Vec::new();
    let mut results = Vec::new();
    for dir in corpus::cases(&corpus_root()) {
        let r = corpus::evaluate_case(&dir).expect("scan of a fixture");
        let missed: Vec<_> = r.expected.difference(&r.reported).collect();
        let extra: Vec<_> = r.reported.difference(&r.expected).collect();
        if !missed.is_empty() || !extra.is_empty() {
            wrong.push(format!(
                "{}: missed {missed:?}, false positives {extra:?}",
                r.dir.display()
            ));
        }
        results.push(r);
    }
    let score = Score::of(&results);
    assert!(
        score.precision() >= 0.95,
        "precision {:.3} < 0.95",
        score.precision()
    );
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn clean_fixtures_score_100() {
    for dir in corpus::cases(&corpus_root()) {
        let r = corpus::evaluate_case(&dir).expect("scan");
        if r.expected.is_empty() {
            assert!(
                r.reported.is_empty(),
                "{} should be clean: {:?}",
                dir.display(),
                r.reported
            );
        }
    }
}
