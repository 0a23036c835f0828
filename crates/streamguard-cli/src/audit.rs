//! `streamguard audit`: probe a live endpoint, scan source code, explain a finding.

use std::process::ExitCode;
use std::time::Instant;

use clap::{Args, Subcommand};
use streamguard_report::{FindingId, OutputArgs, RenderOptions, exit};
use streamguard_scan::{LanguageFamily, ScanArgs};

#[derive(Subcommand)]
pub enum AuditCommand {
    /// Audit a live gRPC streaming server black-box, measuring each weakness.
    ///
    /// Everything about the target is in CONFIG (TOML; see docs/audit-config.md); start one
    /// with `streamguard audit probe audit.toml --init http://host:port`.
    /// Example: `streamguard audit probe audit.toml --format html --out report.html`.
    /// A grade is given only when every finding passed or failed; otherwise the score is
    /// "at most X, not graded".
    /// Exit codes: 0 ok, 1 score below --fail-under (or a finding without a verdict with
    /// --require-all), 2 config error, 3 target unreachable.
    Probe(streamguard_probe::ProbeArgs),
    /// Scan source code (grpc-js JS/TS, tonic, grpc-go, grpcio) for F1–F6.
    ///
    /// Example: `streamguard audit scan src/ --format sarif --out scan.sarif --fail-under 80`.
    /// Exit codes: 0 ok, 1 score below --fail-under, 2 usage error.
    /// Suppress a finding with `streamguard-ignore: F3 <reason>` on or above its line.
    Scan(ScanCommand),
    /// Explain a finding: what it is, why it matters, how to fix it (grpc-js, grpcio/grpc.aio,
    /// grpc-go, tonic, or behind `streamguard gateway`), how streamguard fixes it.
    ///
    /// Example: `streamguard audit explain F1 --language go`.
    Explain(ExplainArgs),
}

#[derive(Args)]
pub struct ScanCommand {
    #[command(flatten)]
    scan: ScanArgs,
    #[command(flatten)]
    output: OutputArgs,
}

#[derive(Args)]
pub struct ExplainArgs {
    /// F1 … F6 (or SG-F1 … SG-F6).
    finding: String,
    /// Also print what `audit scan` looks for in this language: js, rust, go or python.
    #[arg(long, short = 'l', value_name = "LANG")]
    language: Option<String>,
}

pub async fn run(cmd: AuditCommand) -> anyhow::Result<ExitCode> {
    match cmd {
        AuditCommand::Probe(args) => Ok(ExitCode::from(
            streamguard_probe::run_probe_command(args).await,
        )),
        AuditCommand::Scan(c) => scan(c),
        AuditCommand::Explain(a) => explain(a),
    }
}

fn scan(cmd: ScanCommand) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let outcome = match streamguard_scan::scan(&cmd.scan.options()) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("error: {e}");
            return Ok(ExitCode::from(exit::CONFIG_ERROR));
        }
    };
    for skipped in &outcome.skipped {
        tracing::debug!(path = %skipped.path.display(), reason = %skipped.reason, "skipped");
    }
    if cmd.scan.list_handlers {
        print_out(&outcome.handler_listing())?;
        return Ok(ExitCode::SUCCESS);
    }
    let opts = RenderOptions {
        color: true,
        duration: Some(started.elapsed()),
        scan: Some(outcome.render_context()),
        ..RenderOptions::default()
    };
    let code = match cmd.output.emit(&outcome.report, &opts) {
        Ok(code) => code,
        // `audit scan … | head`: the reader has what it wanted; the verdict still sets the code.
        Err(e) if e.source.kind() == std::io::ErrorKind::BrokenPipe => {
            cmd.output.exit_code(&outcome.report)
        }
        Err(e) => return Err(e.into()),
    };
    if cmd.output.out.is_some() || cmd.output.format != streamguard_report::Format::Text {
        eprintln!(
            "scanned {} files, {} lines, {} streaming handlers in {:.2?}; skipped {}",
            outcome.files_scanned,
            outcome.lines_scanned,
            outcome.handlers.len(),
            started.elapsed(),
            outcome.skip_summary.describe()
        );
    }
    Ok(ExitCode::from(code))
}

fn explain(args: ExplainArgs) -> anyhow::Result<ExitCode> {
    let Some(id) = FindingId::parse(&args.finding) else {
        eprintln!(
            "error: unknown finding {:?}; expected one of F1, F2, F3, F4, F5, F6",
            args.finding
        );
        return Ok(ExitCode::from(exit::CONFIG_ERROR));
    };
    let mut text = format!("{}\n", streamguard_report::explain(id).trim_end());
    if let Some(lang) = args.language {
        let Some(family) = LanguageFamily::parse(&lang) else {
            eprintln!("error: unknown language {lang:?}; expected js, rust, go or python");
            return Ok(ExitCode::from(exit::CONFIG_ERROR));
        };
        text.push_str(&format!(
            "\n---\n\n{}\n",
            streamguard_scan::rule_docs(id, family).trim_end()
        ));
    }
    print_out(&text)?;
    Ok(ExitCode::SUCCESS)
}

/// Writes `text` to standard output. A reader that has gone away (`audit explain F1 | head`)
/// ends the output quietly instead of panicking as `println!` does on a broken pipe.
fn print_out(text: &str) -> std::io::Result<()> {
    use std::io::Write as _;
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        r => r,
    }
}
