//! `streamguard demo`: the reference server hardened and fully vulnerable, audited side by side.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::Context;
use clap::Args;
use streamguard::Control;
use streamguard_probe::{ProbeOutcome, audit, reference_server_config};
use streamguard_report::{Format, Report, Status, render};
use streamguard_server::ServeConfig;

#[derive(Args)]
pub struct DemoArgs {
    /// Where the HTML reports go.
    #[arg(long, value_name = "DIR", default_value = "streamguard-demo")]
    out_dir: PathBuf,
}

/// A loopback port nothing listens on right now, for a canary the audit starts later.
fn free_port() -> anyhow::Result<SocketAddr> {
    let l = std::net::TcpListener::bind("127.0.0.1:0").context("binding a loopback port")?;
    Ok(l.local_addr()?)
}

/// Starts one reference server with `disabled` controls and audits it.
async fn audit_one(label: &str, disabled: Vec<Control>) -> anyhow::Result<ProbeOutcome> {
    let canary = free_port()?;
    let server = streamguard_server::start(ServeConfig {
        backend: Some(format!("http://{canary}")),
        disabled,
        // Limits the probes can observe within their bounds.
        max_stream_lifetime: Duration::from_secs(10),
        messages_per_minute: 60,
        burst: 10,
        ..ServeConfig::dev()
    })
    .await
    .with_context(|| format!("starting the {label} server"))?;
    let config = reference_server_config(
        server.grpc_addr,
        server.admin_addr,
        &server.admin_token,
        &server.dev_secret,
        canary,
    );
    let progress = |line: &str| tracing::debug!(server = label, "{line}");
    let outcome = audit(&config, &progress)
        .await
        .with_context(|| format!("auditing the {label} server"))?;
    server.shutdown().await;
    Ok(outcome)
}

fn cell(report: &Report, i: usize) -> &'static str {
    match report.findings.get(i).map(|f| f.status) {
        Some(Status::Fail) => "FAIL",
        Some(s) => s.as_str(),
        None => "-",
    }
}

/// `100 (A)`, or `≤ 100 (not graded)` when a finding went without a verdict.
fn score(report: &Report) -> String {
    match report.grade() {
        Some(g) => format!("{} ({g})", report.score()),
        None => format!("≤ {} (not graded)", report.score()),
    }
}

fn headline(report: &Report, i: usize) -> String {
    report
        .findings
        .get(i)
        .and_then(|f| f.evidence.first())
        .map(|e| e.message.clone())
        .unwrap_or_default()
}

pub async fn run(args: DemoArgs) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    println!(
        "streamguard demo: two reference servers on loopback, audited at the same time (about 15 s)…"
    );
    let (hardened, naive) = tokio::join!(
        audit_one("hardened", Vec::new()),
        audit_one("vulnerable", Control::ALL.to_vec()),
    );
    let (hardened, naive) = (hardened?, naive?);
    let (h, n) = (&hardened.report, &naive.report);

    println!();
    println!(
        "{:<4} {:<55} {:>10} {:>12}",
        "", "finding", "hardened", "vulnerable"
    );
    for (i, f) in h.findings.iter().enumerate() {
        println!(
            "{:<4} {:<55} {:>10} {:>12}",
            f.id.as_str(),
            f.id.title(),
            cell(h, i),
            cell(n, i)
        );
    }
    println!(
        "{:<4} {:<55} {:>10} {:>12}",
        "",
        "score",
        score(h),
        score(n)
    );
    println!();
    println!("What the probes measured on the vulnerable server:");
    for (i, f) in n.findings.iter().enumerate() {
        println!("  {}  {}", f.id, headline(n, i));
    }

    std::fs::create_dir_all(&args.out_dir)
        .with_context(|| format!("cannot create {}", args.out_dir.display()))?;
    for (name, outcome) in [("hardened", &hardened), ("vulnerable", &naive)] {
        let path = args.out_dir.join(format!("{name}.html"));
        let opts = streamguard_report::RenderOptions {
            tool_version: env!("CARGO_PKG_VERSION").to_string(),
            ..outcome.render_options()
        };
        std::fs::write(&path, render(&outcome.report, Format::Html, &opts))
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    println!();
    println!(
        "HTML reports: {}/hardened.html and {}/vulnerable.html   ({:.1} s)",
        args.out_dir.display(),
        args.out_dir.display(),
        started.elapsed().as_secs_f64()
    );
    println!(
        "`streamguard audit explain F1` … `F6` says what each finding means and how to fix it."
    );
    Ok(ExitCode::SUCCESS)
}
