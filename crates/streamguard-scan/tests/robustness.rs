//! No input file makes the scanner panic; bad arguments are errors that name the path.

use std::path::Path;

use clap::Parser;
use streamguard_report::{FindingId, ReportKind, Status};
use streamguard_scan::{LanguageFamily, ScanArgs, ScanError, ScanOptions, rule_docs, scan};

fn write(dir: &Path, rel: &str, bytes: impl AsRef<[u8]>) {
    let path = dir.join(rel);
    std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    std::fs::write(path, bytes).expect("write");
}

const VULNERABLE_JS: &str = "const grpc = require('@grpc/grpc-js');\n\
function watch(call) {\n  const c = jwt.verify(call.metadata.get('authorization')[0], K);\n  setInterval(() => call.write({}), 1000);\n}\n";

#[test]
fn binary_invalid_utf8_truncated_and_deeply_nested_files_do_not_panic() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    write(d, "bin.js", [0u8, 159, 146, 150, 0, 1, 2, 3]);
    write(d, "latin1.py", b"import grpc\n# caf\xe9\nclass S(pb.XServicer):\n    def Watch(self, request, context):\n        yield 1\n");
    write(
        d,
        "broken.rs",
        "use tonic::Request; impl X for Y { async fn f(&self, r: Request<Streaming<T>>) -> Result<Response<Self::S>, Status> { while let Some(m) = r.",
    );
    write(
        d,
        "broken.go",
        "package x\nfunc (s *S) F(stream pb.X_FServer) error { for { m, err := stream.Recv(",
    );
    write(
        d,
        "broken.ts",
        "import '@grpc/grpc-js'; export function f(call: ServerDuplexStream<A, B>) { call.on('data', (m) => { call.write(",
    );
    write(
        d,
        "nested.js",
        format!(
            "const x = {}{};\n",
            "[".repeat(100_000),
            "]".repeat(100_000)
        ),
    );
    write(
        d,
        "nested.py",
        format!("x = {}1{}\n", "(".repeat(50_000), ")".repeat(50_000)),
    );
    write(d, "empty.go", "");
    write(d, "vuln.js", VULNERABLE_JS);
    let outcome = scan(&ScanOptions::new([d])).expect("scan");
    assert!(
        outcome
            .skipped
            .iter()
            .any(|s| s.path.ends_with("bin.js") && s.reason.contains("binary"))
    );
    assert_eq!(outcome.report.kind, ReportKind::Scan);
    let f1 = &outcome.report.findings[0];
    assert_eq!(
        f1.status,
        Status::Fail,
        "the vulnerable file next to broken ones is still judged"
    );
}

#[test]
fn files_over_the_size_limit_are_skipped_with_the_reason() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(dir.path(), "big.js", "// x\n".repeat(1000));
    let mut opts = ScanOptions::new([dir.path()]);
    opts.max_file_bytes = 100;
    let outcome = scan(&opts).expect("scan");
    assert_eq!(outcome.files_scanned, 0);
    assert!(
        outcome.skipped[0].reason.contains("limit"),
        "{:?}",
        outcome.skipped
    );
}

#[test]
fn a_missing_path_is_an_error_naming_it() {
    let err = scan(&ScanOptions::new(["/definitely/not/here"])).expect_err("missing path");
    assert!(matches!(err, ScanError::PathNotFound { .. }));
    assert!(err.to_string().contains("/definitely/not/here"));
}

#[test]
fn gitignored_and_excluded_files_are_not_scanned() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    write(d, ".gitignore", "generated/\n");
    write(d, "generated/vuln.js", VULNERABLE_JS);
    write(d, "test/vuln.js", VULNERABLE_JS);
    write(d, "node_modules/dep/vuln.js", VULNERABLE_JS);
    let mut opts = ScanOptions::new([d]);
    opts.exclude = vec!["test/**".into()];
    let outcome = scan(&opts).expect("scan");
    assert_eq!(outcome.files_scanned, 0, "{:?}", outcome.handlers);
    opts.exclude.clear();
    assert_eq!(scan(&opts).expect("scan").files_scanned, 1);
}

#[test]
fn language_filter_limits_the_scan() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(dir.path(), "a.js", VULNERABLE_JS);
    write(dir.path(), "b.go", "package b\n");
    let mut opts = ScanOptions::new([dir.path()]);
    opts.languages = vec![LanguageFamily::Go];
    let outcome = scan(&opts).expect("scan");
    assert_eq!(outcome.files_scanned, 1);
    assert_eq!(outcome.report.findings[0].status, Status::NotTested);
}

#[test]
fn fingerprints_survive_lines_moving() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(dir.path(), "a.js", VULNERABLE_JS);
    let before = scan(&ScanOptions::new([dir.path()])).expect("scan");
    write(dir.path(), "a.js", format!("\n\n// moved\n{VULNERABLE_JS}"));
    let after = scan(&ScanOptions::new([dir.path()])).expect("scan");
    let ev = |o: &streamguard_scan::ScanOutcome| o.report.findings[0].evidence[0].clone();
    let (b, a) = (ev(&before), ev(&after));
    assert_eq!(b.data["fingerprint"], a.data["fingerprint"]);
    assert_ne!(b.location.expect("loc").line, a.location.expect("loc").line);
}

#[test]
fn scan_args_parse_and_map_to_options() {
    #[derive(Parser)]
    struct Cli {
        #[command(flatten)]
        scan: ScanArgs,
    }
    let cli = Cli::try_parse_from([
        "scan",
        "src",
        "lib",
        "--language",
        "ts",
        "-l",
        "rust",
        "--exclude",
        "vendor/**",
    ])
    .expect("parse");
    let opts = cli.scan.options();
    assert_eq!(opts.paths.len(), 2);
    assert_eq!(
        opts.languages,
        vec![LanguageFamily::Js, LanguageFamily::Rust]
    );
    assert!(opts.respect_ignore_files);
    assert!(Cli::try_parse_from(["scan", "src", "--language", "cobol"]).is_err());
    assert!(Cli::try_parse_from(["scan"]).is_err(), "a path is required");
}

#[test]
fn every_rule_is_documented_with_the_four_headings() {
    for id in FindingId::ALL {
        for fam in LanguageFamily::ALL {
            let doc = rule_docs(id, fam);
            for h in [
                "## What it does",
                "## Why is this bad?",
                "## Example",
                "## Use instead",
            ] {
                assert!(doc.contains(h), "{id} {fam:?} lacks {h}:\n{doc}");
            }
        }
    }
}
