//! The auditor against streamguard's own reference server, table-driven: all controls on →
//! every finding passes (100); each control disabled alone → exactly its finding fails; all
//! disabled → 42. A probe that always passes or always fails breaks one of these.

mod support;

use std::time::Duration;

use streamguard::Control;
use streamguard_probe::{audit, reference_server_config};
use streamguard_report::{FindingId, Format, Status, render};
use streamguard_server::ServeConfig;
use support::{free_addr, summary};

/// Starts a reference server with `disabled` controls off, audits it with the reference config,
/// and checks that exactly `failing` fail and every other finding passes.
async fn audit_reference(disabled: &[Control], failing: &[FindingId]) {
    let canary = free_addr();
    let server = streamguard_server::start(ServeConfig {
        disabled: disabled.to_vec(),
        backend: Some(format!("http://{canary}")),
        // Low enough for the rate-limit probe to hit within its bound.
        messages_per_minute: 60,
        burst: 10,
        // Below the probe's 15 s acceptable lifetime.
        max_stream_lifetime: Duration::from_secs(10),
        ..ServeConfig::dev()
    })
    .await
    .expect("reference server starts");
    let config = reference_server_config(
        server.grpc_addr,
        server.admin_addr,
        &server.admin_token,
        &server.dev_secret,
        canary,
    );
    let outcome = audit(&config, &|_| {}).await.expect("audit runs");
    let report = &outcome.report;
    for f in &report.findings {
        let want = if failing.contains(&f.id) {
            Status::Fail
        } else {
            Status::Pass
        };
        assert_eq!(
            f.status,
            want,
            "{} with {disabled:?} disabled:\n{}",
            f.id,
            summary(report)
        );
    }
    let penalties: u32 = failing.iter().map(|f| f.penalty()).sum();
    assert_eq!(report.score(), 100 - penalties);
    assert!(report.grade().is_some(), "every finding observed: graded");
    let auth = &report.findings[0].checks[0];
    assert_eq!(
        (auth.id.as_str(), auth.status),
        ("authentication", Status::Pass),
        "the reference server refuses bad tokens at open whatever is disabled: {:?}",
        auth.evidence
    );
    assert!(
        outcome.wall_time < Duration::from_secs(30),
        "audit took {:?}",
        outcome.wall_time
    );
    server.shutdown().await;

    // Every rendering of a real report holds together.
    let opts = outcome.render_options();
    let json: serde_json::Value =
        serde_json::from_str(&render(report, Format::Json, &opts)).unwrap();
    assert_eq!(json["score"], report.score());
    let sarif: serde_json::Value =
        serde_json::from_str(&render(report, Format::Sarif, &opts)).unwrap();
    assert_eq!(
        sarif["runs"][0]["results"].as_array().unwrap().len(),
        failing.len()
    );
    let html = render(report, Format::Html, &opts);
    assert!(html.matches("<svg").count() >= 6, "a timeline per probe");
    if let Some(dir) = std::env::var_os("SG_PROBE_REPORT_DIR") {
        let name = format!("reference-{}-failing.html", failing.len());
        std::fs::write(std::path::Path::new(&dir).join(name), html).unwrap();
        println!("{}", render(report, Format::Text, &opts));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hardened_reference_server_scores_100_with_every_finding_passing() {
    audit_reference(&[], &[]).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn disabling_expiry_fails_only_f1() {
    audit_reference(&[Control::Expiry], &[FindingId::F1]).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn disabling_revocation_fails_only_f1() {
    audit_reference(&[Control::Revocation], &[FindingId::F1]).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn disabling_per_message_authorization_fails_only_f2() {
    audit_reference(&[Control::PerMessage], &[FindingId::F2]).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn disabling_deadline_propagation_fails_only_f3() {
    audit_reference(&[Control::Deadline], &[FindingId::F3]).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn disabling_cancellation_fails_only_f4() {
    audit_reference(&[Control::Cancel], &[FindingId::F4]).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn disabling_identity_rate_limit_fails_only_f5() {
    audit_reference(&[Control::IdentityRateLimit], &[FindingId::F5]).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn disabling_lifetime_fails_only_f6() {
    audit_reference(&[Control::Lifetime], &[FindingId::F6]).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_control_disabled_scores_42() {
    use Control::*;
    audit_reference(
        &[
            Expiry,
            Revocation,
            PerMessage,
            Deadline,
            Cancel,
            IdentityRateLimit,
            Lifetime,
        ],
        &FindingId::ALL,
    )
    .await;
}
