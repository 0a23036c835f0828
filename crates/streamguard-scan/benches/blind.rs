//! Precision and recall of `audit scan` on a blind labelled corpus, per finding and per stack.
//!
//! `cargo bench -p streamguard-scan --bench blind -- [BATCH_DIR]` (default
//! `corpus/blind/batch1`). Each case tree is scanned whole with the default options, as a user
//! would; a reported (finding, handler) matches a label of the same finding, file and handler
//! (the label's line within the handler's definition, or the same handler name). Prints a
//! Markdown section for BENCHMARKS.md, then every false positive and miss (and, with
//! `--true-positives`, every true positive).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use streamguard_scan::corpus::{self, BlindScore, Score};

fn main() {
    let dir = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with("--"))
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/blind/batch1"));
    let cases: Vec<_> = corpus::blind_cases(&dir)
        .iter()
        .map(|c| corpus::evaluate_blind_case(c).expect("scan of a case"))
        .collect();
    assert!(
        !cases.is_empty(),
        "no case (a directory with LABELS) under {}",
        dir.display()
    );
    let score = BlindScore::of(&cases);
    let labels: usize = cases.iter().map(|c| c.labels.len()).sum();
    let lines: usize = cases.iter().map(|c| c.lines).sum();

    let mut md = String::new();
    let _ = writeln!(md, "### Blind corpus `{}`\n", dir.display());
    let _ = writeln!(
        md,
        "{} case trees, {labels} labels, {lines} lines scanned (default options: tests, generated and vendored code skipped).\n",
        cases.len()
    );
    let row = |md: &mut String, name: &str, s: &Score| {
        let _ = writeln!(
            md,
            "| {name} | {} | {} | {} | {:.2} | {:.2} |",
            s.true_positives,
            s.false_positives,
            s.false_negatives,
            s.precision(),
            s.recall()
        );
    };
    let _ = writeln!(
        md,
        "| finding | true pos. | false pos. | missed | precision | recall |\n|---|---|---|---|---|---|"
    );
    for (id, s) in &score.by_finding {
        row(&mut md, id.as_str(), s);
    }
    row(&mut md, "**all**", &score.total);
    let _ = writeln!(
        md,
        "\n| stack | true pos. | false pos. | missed | precision | recall |\n|---|---|---|---|---|---|"
    );
    for (stack, s) in &score.by_stack {
        row(&mut md, stack, s);
    }
    print!("{md}");

    println!("\nfalse positives:");
    for c in &cases {
        let case = c
            .dir
            .file_name()
            .map(|n| n.to_string_lossy())
            .unwrap_or_default();
        for r in c.reported.iter().filter(|r| r.label.is_none()) {
            println!(
                "  {case}: {} [{}] {}:{} {} — {}",
                r.id, r.confidence, r.path, r.line, r.handler, r.message
            );
        }
    }
    if std::env::args().any(|a| a == "--true-positives") {
        println!("true positives:");
        for c in &cases {
            let case = c
                .dir
                .file_name()
                .map(|n| n.to_string_lossy())
                .unwrap_or_default();
            for r in c.reported.iter().filter(|r| r.label.is_some()) {
                println!(
                    "  {case}: {} [{}] {}:{} {} — {}",
                    r.id, r.confidence, r.path, r.line, r.handler, r.message
                );
            }
        }
    }
    println!("missed:");
    for c in &cases {
        let case = c
            .dir
            .file_name()
            .map(|n| n.to_string_lossy())
            .unwrap_or_default();
        for l in c.missed() {
            println!(
                "  {case}: {} {}:{} {} — {}",
                l.id, l.file, l.line, l.handler, l.reason
            );
        }
    }
}
