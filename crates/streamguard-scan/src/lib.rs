//! `streamguard audit scan`: finds the streaming weaknesses F1–F6 in gRPC server source code.
//!
//! The scanner walks the given paths (respecting `.gitignore`, in parallel), parses
//! JavaScript/TypeScript (`@grpc/grpc-js`), Rust (tonic), Go (grpc-go) and Python (grpcio)
//! with tree-sitter, finds the streaming handlers, and judges each against the rules of its
//! language family (`rules::<family>::f1_auth_drift` …). The result is a
//! [`streamguard_report::Report`] with the same findings, penalties and score as the live probe.
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
mod lang;
mod rules;
mod suppress;
mod syntax;
mod walk;

use std::path::PathBuf;

use serde::Serialize;

pub use lang::{Language, LanguageFamily, StreamKind};
pub use rules::rule_docs;

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

/// A streaming handler the scanner judged.
#[derive(Debug, Clone, Serialize)]
pub struct HandlerInfo {
    pub name: String,
    pub path: String,
    pub line: u32,
    pub kind: StreamKind,
    pub language: Language,
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
    /// Every streaming handler found.
    pub handlers: Vec<HandlerInfo>,
    pub suppressed: Vec<SuppressedFinding>,
    /// Files skipped: unreadable, binary, too large.
    pub skipped: Vec<SkippedFile>,
}

/// Scans source code for F1–F6.
///
/// Files that cannot be read or parsed are listed in [`ScanOutcome::skipped`]; only a bad
/// argument (a missing path, an invalid exclude pattern) is an error.
pub fn scan(opts: &ScanOptions) -> Result<ScanOutcome, ScanError> {
    let walked = walk::parse_all(opts)?;
    let files_scanned = walked.files.len();
    let lines_scanned = walked.files.iter().map(|f| f.lines()).sum();
    let project = analysis::Project::new(walked.files);
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
        handlers: assembled.handlers,
        suppressed: assembled.suppressed,
        skipped: walked.skipped,
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
            ..ScanOptions::new(self.paths.clone())
        }
    }
}
