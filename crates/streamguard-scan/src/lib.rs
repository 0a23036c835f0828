//! `streamguard audit scan`: finds the streaming weaknesses F1–F6 in gRPC server source code.
//!
//! The scanner walks the given paths (respecting `.gitignore`, in parallel; leaving out test,
//! vendored and generated code by default), parses JavaScript/TypeScript (`@grpc/grpc-js`),
//! Rust (tonic), Go (grpc-go) and Python (grpcio) with tree-sitter, and finds the *programs*
//! of the tree ([`program`]): each gRPC server, what it registers, and the interceptors and
//! options it is built with. The streaming handlers are what programs register ([`handlers`]),
//! and each is judged against the rules of its language family (`rules::<family>::f1_auth_drift`
//! …) with the facts of its own program only. The result is a [`streamguard_report::Report`]
//! with the same findings, penalties and score as the live probe.
//!
//! ```no_run
//! use streamguard_scan::{ScanOptions, scan};
//! let outcome = scan(&ScanOptions::new(["./server"])).unwrap();
//! println!("score {} over {} files", outcome.report.score(), outcome.files_scanned);
//! ```
//!
//! Suppress one finding on a line with a comment on that line or the line above, giving a reason:
//! `// streamguard-ignore: F3 deadline enforced by the sidecar`.

mod analysis;
mod assemble;
#[doc(hidden)]
pub mod corpus;
mod decls;
mod handlers;
mod lang;
mod program;
mod rules;
mod services;
mod skip;
mod suppress;
mod syntax;
mod walk;

use std::path::PathBuf;

use serde::Serialize;

pub use lang::{Language, LanguageFamily, StreamKind};
pub use rules::rule_docs;
pub use skip::{SkipReason, SkipSummary};

/// What to scan and how.
#[derive(Debug, Clone)]
pub struct ScanOptions {
    /// Files or directories to scan.
    pub paths: Vec<PathBuf>,
    /// Only these language families (empty: all).
    pub languages: Vec<LanguageFamily>,
    /// Glob patterns of paths to skip (gitignore syntax, e.g. `test/**`).
    pub exclude: Vec<String>,
    /// Worker threads for walking and parsing; 0 picks one per core.
    pub threads: usize,
    /// Respect `.gitignore`, `.ignore` and `.streamguardignore` files.
    pub respect_ignore_files: bool,
    /// Files larger than this are skipped (minified or generated code).
    pub max_file_bytes: u64,
    /// Also scan test code (`*_test.go`, `test_*.py`, `*.test.ts`, `tests/` …).
    pub include_tests: bool,
}

impl ScanOptions {
    /// Scan `paths` with the defaults: all languages, ignore files respected, 4 MiB file cap.
    pub fn new<P: Into<PathBuf>>(paths: impl IntoIterator<Item = P>) -> Self {
        Self {
            paths: paths.into_iter().map(Into::into).collect(),
            languages: Vec::new(),
            exclude: Vec::new(),
            threads: 0,
            respect_ignore_files: true,
            max_file_bytes: 4 * 1024 * 1024,
            include_tests: false,
        }
    }
}

/// Why a scan could not run.
#[derive(Debug, thiserror::Error)]
pub enum ScanError {
    #[error("no paths to scan: give at least one file or directory")]
    NoPaths,
    #[error("{path}: no such file or directory; check the path given to `audit scan`")]
    PathNotFound { path: PathBuf },
    #[error("invalid --exclude pattern `{pattern}`: {reason}")]
    BadExclude { pattern: String, reason: String },
}

/// A file the scanner read but could not judge.
#[derive(Debug, Clone, Serialize)]
pub struct SkippedFile {
    pub path: PathBuf,
    pub reason: String,
}

/// A streaming handler the scanner found.
#[derive(Debug, Clone, Serialize)]
pub struct HandlerInfo {
    pub name: String,
    /// The service it implements.
    pub service: String,
    /// The program that registers it ([`ProgramInfo::name`]).
    pub program: String,
    pub path: String,
    /// Line of its name, and the last line of its body.
    pub line: u32,
    pub end_line: u32,
    pub kind: StreamKind,
    pub language: Language,
    /// Its body only answers "unimplemented": listed, not judged.
    pub unimplemented: bool,
}

/// A program: one gRPC server and the files its entry point reaches.
#[derive(Debug, Clone, Serialize)]
pub struct ProgramInfo {
    /// Where it starts, relative to the scan root: a directory (Go) or a file.
    pub name: String,
    pub family: LanguageFamily,
    pub files: usize,
    /// False when no registration in the scanned files serves its handlers: server options
    /// and interceptors are unknown, so F6 and interceptor-based F1 are not judged.
    pub registered: bool,
    /// Where its server is built, when seen.
    pub server: Option<String>,
    /// The lifetime option its server sets, when one is seen.
    pub lifetime_limit: Option<String>,
    /// The interceptor that checks the caller's token at stream open, when one is seen.
    pub auth_interceptor: Option<String>,
}

/// One reported finding with the handler it is about (what the text report groups by, and what
/// the corpus evaluators match labels against).
#[derive(Debug, Clone, Serialize)]
pub struct ScanFinding {
    pub id: streamguard_report::FindingId,
    pub location: streamguard_report::Location,
    pub message: String,
    pub confidence: String,
    pub handler: String,
    pub handler_path: String,
    pub handler_line: u32,
    pub handler_end_line: u32,
    pub program: String,
}

/// Evidence silenced by a `streamguard-ignore` comment, kept out of the report but listed.
#[derive(Debug, Clone, Serialize)]
pub struct SuppressedFinding {
    pub id: streamguard_report::FindingId,
    pub location: streamguard_report::Location,
    pub message: String,
    pub reason: String,
}

/// The result of a scan.
#[derive(Debug, Clone)]
pub struct ScanOutcome {
    /// `kind = Scan`, one [`streamguard_report::FindingResult`] per F1–F6, in order.
    pub report: streamguard_report::Report,
    /// Source files of a supported language that were parsed.
    pub files_scanned: usize,
    /// Lines in those files.
    pub lines_scanned: usize,
    /// Every program found.
    pub programs: Vec<ProgramInfo>,
    /// Every streaming handler found, by program.
    pub handlers: Vec<HandlerInfo>,
    /// Every finding reported (the same as the report's evidence, with its handler).
    pub findings: Vec<ScanFinding>,
    pub suppressed: Vec<SuppressedFinding>,
    /// Files skipped for a reason to act on: unreadable, binary, too large.
    pub skipped: Vec<SkippedFile>,
    /// How many files and directories were left out, by reason.
    pub skip_summary: SkipSummary,
    /// The directory reported paths are relative to.
    pub root: PathBuf,
}

/// Scans source code for F1–F6.
///
/// Files that cannot be read or parsed are listed in [`ScanOutcome::skipped`]; only a bad
/// argument (a missing path, an invalid exclude pattern) is an error.
pub fn scan(opts: &ScanOptions) -> Result<ScanOutcome, ScanError> {
    let walked = walk::parse_all(opts)?;
    let files_scanned = walked.files.len();
    let lines_scanned = walked.files.iter().map(|f| f.lines()).sum();
    let project = analysis::Project::new(walked.files, &walked.modules, walked.catalog);
    let target = opts
        .paths
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(", ");
    let assembled = assemble::judge(&project, target);
    Ok(ScanOutcome {
        report: assembled.report,
        files_scanned,
        lines_scanned,
        programs: assembled.programs,
        handlers: assembled.handlers,
        findings: assembled.findings,
        suppressed: assembled.suppressed,
        skipped: walked.skipped,
        skip_summary: walked.summary,
        root: walked.base,
    })
}

/// Arguments of `streamguard audit scan PATH...` (the scan-specific ones; output flags are shared).
#[derive(Debug, Clone, clap::Args)]
pub struct ScanArgs {
    /// Files or directories to scan (`.gitignore` is respected).
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Only scan these languages: js (JS/TS/TSX), rust, go, python. Repeatable.
    #[arg(long = "language", short = 'l', value_name = "LANG", value_parser = parse_family)]
    pub languages: Vec<LanguageFamily>,
    /// Skip paths matching this glob (gitignore syntax). Repeatable.
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,
    /// Also scan files that `.gitignore`/`.ignore`/`.streamguardignore` exclude.
    #[arg(long)]
    pub no_ignore: bool,
    /// Worker threads (default: one per core).
    #[arg(long, default_value_t = 0, value_name = "N")]
    pub threads: usize,
    /// Also scan test code, skipped by default (`*_test.go`, `test_*.py`, `*_test.py`,
    /// `*.test.ts`, `*.spec.js`, `tests/`, `test/`, `__tests__/`, `testdata/`). Vendored
    /// (`vendor/`, `node_modules/`, `third_party/`) and generated code (`*_pb2_grpc.py`,
    /// `*.pb.go`, `*_grpc_pb.js`, files headed "Code generated … DO NOT EDIT") stay skipped.
    #[arg(long)]
    pub include_tests: bool,
    /// Print every program and the streaming handlers it registers (with their kind), then
    /// exit: what the scan analyses, without judging it.
    #[arg(long)]
    pub list_handlers: bool,
}

fn parse_family(s: &str) -> Result<LanguageFamily, String> {
    LanguageFamily::parse(s)
        .ok_or_else(|| format!("unknown language `{s}`; use js, rust, go or python"))
}

impl ScanArgs {
    /// The scan these arguments ask for.
    pub fn options(&self) -> ScanOptions {
        ScanOptions {
            languages: self.languages.clone(),
            exclude: self.exclude.clone(),
            threads: self.threads,
            respect_ignore_files: !self.no_ignore,
            include_tests: self.include_tests,
            ..ScanOptions::new(self.paths.clone())
        }
    }
}

impl ScanOutcome {
    /// What the scan adds to its rendered report: paths' root, the summary, the suppressed.
    pub fn render_context(&self) -> streamguard_report::ScanContext {
        streamguard_report::ScanContext {
            root: self.root.display().to_string(),
            summary: self.summary(),
            suppressed: self
                .suppressed
                .iter()
                .map(|s| streamguard_report::SuppressedResult {
                    id: s.id,
                    evidence: streamguard_report::Evidence {
                        message: s.message.clone(),
                        location: Some(s.location.clone()),
                        data: serde_json::Value::Null,
                    },
                    justification: s.reason.clone(),
                })
                .collect(),
        }
    }

    /// The JSON `scan` object: files, lines, programs, handlers and what was skipped.
    pub fn summary(&self) -> serde_json::Value {
        let judged = self.handlers.iter().filter(|h| !h.unimplemented).count();
        let line = format!(
            "scanned {} files, {} lines · {} program{}, {} streaming handler{} · skipped {}",
            self.files_scanned,
            self.lines_scanned,
            self.programs.len(),
            if self.programs.len() == 1 { "" } else { "s" },
            self.handlers.len(),
            if self.handlers.len() == 1 { "" } else { "s" },
            self.skip_summary.describe()
        );
        serde_json::json!({
            "files": self.files_scanned,
            "lines": self.lines_scanned,
            "programs": self.programs,
            "handlers": self.handlers,
            "handlers_judged": judged,
            "skipped": {
                "files": self.skip_summary.files,
                "directories": self.skip_summary.dirs,
                "total_files": self.skip_summary.total_files(),
                "description": self.skip_summary.describe(),
                "details": self.skipped,
            },
            "line": line,
        })
    }

    /// `--list-handlers`: every program and the streaming handlers it registers, with kinds.
    pub fn handler_listing(&self) -> String {
        use std::fmt::Write as _;
        let mut s = String::new();
        for p in &self.programs {
            let how = match (&p.server, p.registered) {
                (_, false) => "no registration found: server options unknown".to_string(),
                (Some(at), true) => format!("server built at {at}"),
                (None, true) => "registers services; server built elsewhere".to_string(),
            };
            let _ = writeln!(
                s,
                "program {} ({}, {} files; {how})",
                p.name,
                p.family.as_str(),
                p.files
            );
            for h in self.handlers.iter().filter(|h| h.program == p.name) {
                let note = if h.unimplemented {
                    "  (unimplemented: not judged)"
                } else {
                    ""
                };
                // The service method, and the implementation findings name when it differs.
                let method = format!(
                    "{}.{}",
                    h.service,
                    h.name.rsplit('.').next().unwrap_or(&h.name)
                );
                let implemented_by = if method == h.name {
                    String::new()
                } else {
                    format!(" by {}", h.name)
                };
                let _ = writeln!(
                    s,
                    "  {:<16} {method}{implemented_by}  {}:{}{note}",
                    h.kind.as_str(),
                    h.path,
                    h.line
                );
            }
        }
        let _ = writeln!(
            s,
            "{} program(s), {} streaming handler(s); skipped {}",
            self.programs.len(),
            self.handlers.len(),
            self.skip_summary.describe()
        );
        s
    }
}
