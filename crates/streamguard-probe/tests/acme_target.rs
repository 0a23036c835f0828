//! A target NOT built on streamguard, with a proto of its own shape, audited through config
//! alone: the hardened variant passes every probe, the naive one fails every probe.

mod support;

use std::time::Duration;

use streamguard_probe::{ProbeConfig, audit};
use streamguard_report::{FindingId, Status};
use support::{acme::Acme, acme_config, free_addr, status_of, summary};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hardened_acme_gateway_passes_every_probe_through_reflection_and_config_alone() {
    let canary = free_addr();
    let acme = Acme::start(true, canary).await;
    let config = ProbeConfig::load(acme_config(&acme, canary, "")).unwrap();
    let outcome = audit(&config, &|_| {}).await.unwrap();
    let report = &outcome.report;
    for id in FindingId::ALL {
        assert_eq!(
            status_of(report, id),
            Status::Pass,
            "{id} should pass:\n{}",
            summary(report)
        );
    }
    assert_eq!(report.score(), 100);
    assert_eq!(report.grade(), Some('A'));
    assert!(
        outcome.wall_time < Duration::from_secs(30),
        "took {:?}",
        outcome.wall_time
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn naive_acme_gateway_fails_every_probe_with_protos_compiled_in_process() {
    let canary = free_addr();
    let acme = Acme::start(false, canary).await;
    let dir = support::fixture("acme");
    let extra = format!(
        "[descriptors]\nsource = \"proto\"\nproto_files = [\"{0}/agent.proto\", \"{0}/store.proto\"]\ninclude_paths = [\"{0}\"]\n",
        dir.display()
    );
    let config = ProbeConfig::load(acme_config(&acme, canary, &extra)).unwrap();
    let outcome = audit(&config, &|_| {}).await.unwrap();
    let report = &outcome.report;
    for id in FindingId::ALL {
        assert_eq!(
            status_of(report, id),
            Status::Fail,
            "{id} should fail:\n{}",
            summary(report)
        );
    }
    assert_eq!(report.score(), 42);
    assert_eq!(report.grade(), Some('F'));
    let checks = &report.findings[0].checks;
    assert_eq!(checks[0].status, Status::Pass, "Acme checks tokens at open");
    assert_eq!(checks[1].status, Status::Fail, "expiry");
    assert_eq!(checks[2].status, Status::Fail, "revocation");
    let f1 = &checks[1].evidence[0];
    assert!(
        f1.data["messages_after_tolerance"].as_u64().unwrap() > 0,
        "{:?}",
        f1.data
    );
    let f3 = &report.findings[2].evidence[0];
    assert_eq!(f3.data["downstream_timeout_ms"], 30_000, "{:?}", f3.data);
    let loc = f1
        .location
        .as_ref()
        .expect("evidence points into the config");
    assert!(
        loc.line > 1,
        "points at [probes.expiry], got line {}",
        loc.line
    );
}
