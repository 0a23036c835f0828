//! Bad configs and unreachable targets end the audit with a message naming the key and what to
//! do, and with exit code 2 (config) or 3 (unreachable) — never a panic.

mod support;

use std::net::SocketAddr;

use clap::Parser;
use streamguard_probe::{ProbeArgs, ProbeConfig, ProbeError, audit, run_probe_command};
use streamguard_report::{Status, exit};
use support::{acme::Acme, acme_config, free_addr, write_temp};

#[derive(Parser)]
struct Cli {
    #[command(flatten)]
    probe: ProbeArgs,
}

fn args(config: &std::path::Path, extra: &[&str]) -> ProbeArgs {
    let mut argv = vec!["audit-probe".to_string(), config.display().to_string()];
    argv.extend(extra.iter().map(|s| s.to_string()));
    Cli::try_parse_from(argv).expect("flags parse").probe
}

/// The Acme config with one line replaced.
async fn acme_with(find: &str, replace: &str) -> (Acme, std::path::PathBuf) {
    let canary = free_addr();
    let acme = Acme::start(true, canary).await;
    let path = acme_config(&acme, canary, "");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(find), "fixture has `{find}`");
    std::fs::write(&path, text.replacen(find, replace, 1)).unwrap();
    (acme, path)
}

async fn config_error_key(path: &std::path::Path) -> (String, String) {
    let config = ProbeConfig::load(path).unwrap();
    match audit(&config, &|_| {}).await {
        Err(ProbeError::Config(e)) => (e.key().unwrap_or_default().to_string(), e.to_string()),
        other => panic!("expected a config error, got {other:?}"),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_method_the_target_does_not_have_is_a_config_error_naming_the_key_and_the_methods_it_has()
{
    let (_acme, path) = acme_with(
        "method = \"acme.agent.v2.AgentGateway/Subscribe\"",
        "method = \"acme.agent.v2.AgentGateway/Subscrib\"",
    )
    .await;
    let (key, msg) = config_error_key(&path).await;
    assert_eq!(key, "probes.expiry.method");
    assert!(
        msg.contains("Subscribe") && msg.contains("Session"),
        "{msg}"
    );
    assert_eq!(
        run_probe_command(args(&path, &[])).await,
        exit::CONFIG_ERROR
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_json_for_a_message_is_a_config_error_naming_the_key_and_the_message_type() {
    let (_acme, path) = acme_with(
        r#"forbidden = '{"cmd_id": "{nonce}", "action": {"tool": "wipe", "payload": "everything"}}'"#,
        r#"forbidden = '{"cmd_id": "{nonce}", "action": '"#,
    )
    .await;
    let (key, msg) = config_error_key(&path).await;
    assert_eq!(key, "probes.per_message.forbidden");
    assert!(msg.contains("acme.agent.v2.Command"), "{msg}");
    assert_eq!(
        run_probe_command(args(&path, &[])).await,
        exit::CONFIG_ERROR
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unknown_message_field_is_a_config_error_naming_the_field() {
    let (_acme, path) = acme_with(
        r#"request = '{"name": "lifetime", "period_ms": 200}'"#,
        r#"request = '{"name": "lifetime", "period": 200}'"#,
    )
    .await;
    let (key, msg) = config_error_key(&path).await;
    assert_eq!(key, "probes.lifetime.request");
    assert!(msg.contains("period"), "{msg}");
}

#[tokio::test]
async fn an_unknown_config_key_is_refused_at_load_with_its_name_and_exit_code_2() {
    let path = write_temp(
        "endpoint = \"http://127.0.0.1:1\"\n[credentials.mint]\nalgorithm = \"HS256\"\nsecret = \"an-hmac-secret-of-at-least-32-bytes\"\n[probes.expiry]\nmethod = \"a.B/C\"\ntoken_tll = \"2s\"\n",
    );
    let err = ProbeConfig::load(&path).unwrap_err().to_string();
    assert!(
        err.contains("token_tll") && err.contains(&path.display().to_string()),
        "{err}"
    );
    assert_eq!(
        run_probe_command(args(&path, &[])).await,
        exit::CONFIG_ERROR
    );
    let missing = std::env::temp_dir().join("sg-probe-does-not-exist.toml");
    assert_eq!(
        run_probe_command(args(&missing, &[])).await,
        exit::CONFIG_ERROR
    );
}

#[tokio::test]
async fn an_unreachable_endpoint_is_exit_code_3_with_the_endpoint_in_the_message() {
    let nobody: SocketAddr = free_addr();
    let path = write_temp(&format!(
        "endpoint = \"http://{nobody}\"\nconnect_timeout = \"2s\"\n[credentials.mint]\nalgorithm = \"HS256\"\nsecret = \"an-hmac-secret-of-at-least-32-bytes\"\n"
    ));
    let config = ProbeConfig::load(&path).unwrap();
    match audit(&config, &|_| {}).await {
        Err(e @ ProbeError::Unreachable { .. }) => {
            assert!(e.to_string().contains(&nobody.to_string()), "{e}");
            assert_eq!(e.exit_code(), exit::TARGET_UNREACHABLE);
        }
        other => panic!("expected unreachable, got {other:?}"),
    }
    assert_eq!(
        run_probe_command(args(&path, &[])).await,
        exit::TARGET_UNREACHABLE
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unconfigured_probes_are_not_tested_nothing_is_graded_and_require_all_fails_them() {
    let canary = free_addr();
    let acme = Acme::start(true, canary).await;
    let key = support::fixture("acme-ed25519.pem");
    let path = write_temp(&format!(
        r#"endpoint = "http://{}"
[credentials]
header = "x-acme-token"
prefix = "Token "
[credentials.mint]
algorithm = "EdDSA"
key_file = "{}"
scope_claim = "scopes"
scope_format = "array"
[probes.expiry]
method = "acme.agent.v2.AgentGateway/Subscribe"
request = '{{"name": "x", "period_ms": 100}}'
"#,
        acme.addr,
        key.display()
    ));
    let config = ProbeConfig::load(&path).unwrap();
    let outcome = audit(&config, &|_| {}).await.unwrap();
    let report = &outcome.report;
    let f1 = &report.findings[0];
    assert_eq!(f1.checks[1].status, Status::Pass, "expiry passed");
    assert_eq!(
        f1.status,
        Status::NotTested,
        "revocation was not probed, so F1 has no verdict: {:?}",
        f1.evidence
    );
    assert_eq!(report.tested(), 0);
    assert_eq!(
        report.grade(),
        None,
        "nothing fully observed, nothing graded"
    );
    assert_eq!(report.score(), 100, "an upper bound");

    let out = std::env::temp_dir().join(format!("sg-probe-{}.json", rand::random::<u32>()));
    let mut a = args(&path, &["--require-all", "--format", "json"]);
    a.output.out = Some(out.clone());
    assert_eq!(run_probe_command(a).await, exit::BELOW_THRESHOLD);
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(json["score"], 42);
    assert_eq!(json["graded"], true);
    assert_eq!(json["grade"], "F");
    assert_eq!(json["findings"][1]["status"], "fail");
}
