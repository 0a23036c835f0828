//! The auditor never grades what it did not observe: table-driven audits of small, deliberately
//! flawed servers (`support::flawed`, not built on streamguard) started by the tests.

mod support;

use std::{net::SocketAddr, path::PathBuf};

use clap::Parser;
use streamguard_probe::{ProbeArgs, ProbeConfig, ProbeError, audit, run_probe_command};
use streamguard_report::{FindingId, Format, RenderOptions, Report, Status, exit, render};
use support::{
    flawed::{AUDIENCE, Flaw, Flawed, ISSUER, SECRET},
    free_addr, summary, write_temp,
};

const EXPIRY: &str = r#"
[probes.expiry]
method = "mcp.v1.McpStreaming/WatchResource"
request = '{"uri": "mcp://users/{sub}/notes", "interval_ms": 100}'
token_ttl = "2s"
"#;

const CANARY: &str = r#"
[canary]
listen = "{canary}"
method = "backend.v1.ToolBackend/Execute"
response = '{"result_json": "{}"}'
"#;

const PER_MESSAGE: &str = r#"
[probes.per_message]
method = "mcp.v1.McpStreaming/StreamToolCalls"
scopes = ["tools:echo"]
allowed = '{"request_id": "{nonce}", "name": "echo", "arguments": {"text": "{nonce}"}}'
forbidden = '{"request_id": "{nonce}", "name": "delete_repo", "arguments": {"repo": "{nonce}"}}'
control_scopes = ["tools:echo", "admin"]
response_timeout = "1s"
"#;

/// JSON-RPC frames written as TOML tables (the auditor encodes them into the `bytes` field),
/// integer ids from `{seq}`, and a forbidden call whose arguments the server cannot parse.
const JSONRPC_PER_MESSAGE_MALFORMED: &str = r#"
[probes.per_message]
method = "mcp.v1.McpJsonRpc/Exchange"
scopes = ["tools:echo"]
control_scopes = ["tools:echo", "admin"]
response_timeout = "1s"
[probes.per_message.allowed]
json = { jsonrpc = "2.0", id = "{seq}", method = "tools/call", params = { name = "echo", arguments = { text = "{nonce}" } } }
[probes.per_message.forbidden]
json = { jsonrpc = "2.0", id = "{seq}", method = "tools/call", params = { name = "delete_repo", arguments = { repository = "{nonce}" } } }
"#;

const DEADLINE_AND_CANCELLATION: &str = r#"
[probes.deadline]
method = "mcp.v1.McpStreaming/CallToolWithProgress"
request = '{"name": "echo", "arguments": {"text": "{nonce}"}}'
scopes = ["tools:echo"]
deadline = "2s"
[probes.cancellation]
method = "mcp.v1.McpStreaming/CallToolWithProgress"
request = '{"name": "echo", "arguments": {"text": "{nonce}"}}'
scopes = ["tools:echo"]
reach_timeout = "2s"
"#;

const RATE_LIMIT: &str = r#"
[probes.rate_limit]
method = "mcp.v1.McpStreaming/StreamToolCalls"
message = '{"request_id": "{nonce}", "name": "echo", "arguments": {"text": "{nonce}"}}'
scopes = ["tools:echo"]
max_messages = 40
max_duration = "5s"
response_timeout = "1s"
"#;

fn credentials() -> String {
    format!(
        "[credentials.mint]\nalgorithm = \"HS256\"\nsecret = \"{SECRET}\"\niss = \"{ISSUER}\"\naud = \"{AUDIENCE}\"\n"
    )
}

/// The config for `server`: its endpoint, credentials if asked, and `sections`.
fn config_file(
    server: &Flawed,
    canary: SocketAddr,
    with_credentials: bool,
    sections: &[&str],
) -> PathBuf {
    let creds = if with_credentials {
        credentials()
    } else {
        String::new()
    };
    write_temp(&format!(
        "endpoint = \"http://{}\"\n{creds}{}",
        server.addr,
        sections.concat().replace("{canary}", &canary.to_string())
    ))
}

fn evidence_text(report: &Report, id: FindingId) -> String {
    let f = report.findings.iter().find(|f| f.id == id).unwrap();
    f.evidence
        .iter()
        .chain(f.checks.iter().flat_map(|c| &c.evidence))
        .map(|e| e.message.as_str())
        .collect::<Vec<_>>()
        .join(" | ")
}

struct Case {
    name: &'static str,
    flaw: Flaw,
    credentials: bool,
    sections: &'static [&'static str],
    /// F1 … F6.
    expect: [Status; 6],
    /// Sentences the evidence of a finding must contain.
    says: &'static [(FindingId, &'static str)],
    /// … and must not.
    never_says: &'static [(FindingId, &'static str)],
}

use Status::{Fail, Inconclusive as Inc, NotTested as Nt, Pass};

const CASES: &[Case] = &[
    Case {
        name: "no authentication, audited without credentials",
        flaw: Flaw::NoAuth,
        credentials: false,
        sections: &[EXPIRY, PER_MESSAGE],
        expect: [Fail, Nt, Nt, Nt, Nt, Nt],
        says: &[
            (FindingId::F1, "the server accepted a stream with no token"),
            (FindingId::F2, "F2 cannot pass"),
            (FindingId::F2, "no credentials were given"),
        ],
        never_says: &[],
    },
    Case {
        name: "no authentication, audited with credentials",
        flaw: Flaw::NoAuth,
        credentials: true,
        sections: &[EXPIRY, CANARY, PER_MESSAGE],
        expect: [Fail, Fail, Nt, Nt, Nt, Nt],
        says: &[
            (FindingId::F1, "the server accepted a stream with no token"),
            (FindingId::F2, "answered with success"),
        ],
        never_says: &[],
    },
    Case {
        name: "accepts alg: none",
        flaw: Flaw::AcceptsAlgNone,
        credentials: true,
        sections: &[EXPIRY, CANARY, PER_MESSAGE],
        expect: [Fail, Inc, Nt, Nt, Nt, Nt],
        says: &[
            (
                FindingId::F1,
                "the server accepted a stream with an `alg: none` token",
            ),
            (FindingId::F2, "F2 cannot pass"),
        ],
        never_says: &[(FindingId::F1, "accepted a stream with no token")],
    },
    Case {
        name: "accepts an expired token at open",
        flaw: Flaw::AcceptsExpiredAtOpen,
        credentials: true,
        sections: &[EXPIRY, CANARY, PER_MESSAGE],
        expect: [Fail, Inc, Nt, Nt, Nt, Nt],
        says: &[
            (
                FindingId::F1,
                "the server accepted a stream with an expired token",
            ),
            (FindingId::F2, "F2 cannot pass"),
        ],
        never_says: &[(
            FindingId::F1,
            "accepted a stream with a token with a bad signature",
        )],
    },
    Case {
        name: "the canary is never reached",
        flaw: Flaw::CanaryNeverReached,
        credentials: true,
        sections: &[CANARY, DEADLINE_AND_CANCELLATION, PER_MESSAGE],
        // F2 passes: the control stream proves the refusal on the narrow token is a denial.
        expect: [Nt, Pass, Inc, Inc, Nt, Nt],
        says: &[
            (FindingId::F3, "no call reached the canary"),
            (FindingId::F4, "no call reached the canary"),
            (FindingId::F2, "succeeded on a control stream"),
            (FindingId::F1, "refused at open"),
        ],
        never_says: &[],
    },
    Case {
        name: "an unknown tool answered with an error",
        flaw: Flaw::UnknownToolIsAnError,
        credentials: true,
        sections: &[CANARY, PER_MESSAGE],
        expect: [Nt, Inc, Nt, Nt, Nt, Nt],
        says: &[(FindingId::F2, "did not succeed on a control stream")],
        never_says: &[],
    },
    Case {
        name: "a malformed message dropped silently",
        flaw: Flaw::DropsMalformedSilently,
        credentials: true,
        sections: &[CANARY, JSONRPC_PER_MESSAGE_MALFORMED],
        expect: [Nt, Inc, Nt, Nt, Nt, Nt],
        says: &[
            (FindingId::F2, "no answer"),
            (FindingId::F2, "did not succeed on a control stream"),
        ],
        never_says: &[],
    },
    Case {
        name: "one rate limit for everyone",
        flaw: Flaw::GlobalRateLimit,
        credentials: true,
        sections: &[CANARY, RATE_LIMIT],
        expect: [Nt, Nt, Nt, Nt, Inc, Nt],
        says: &[(FindingId::F5, "fresh control identity")],
        never_says: &[],
    },
];

async fn run_case(case: &Case) {
    let canary = free_addr();
    let server = Flawed::start(case.flaw, canary).await;
    let path = config_file(&server, canary, case.credentials, case.sections);
    let config = ProbeConfig::load(&path).unwrap_or_else(|e| panic!("{}: {e}", case.name));
    let outcome = audit(&config, &|_| {})
        .await
        .unwrap_or_else(|e| panic!("{}: {e}", case.name));
    let report = &outcome.report;
    for (f, want) in report.findings.iter().zip(case.expect) {
        assert_eq!(
            f.status,
            want,
            "{}: {}\n{}",
            case.name,
            f.id,
            summary(report)
        );
    }
    for (id, text) in case.says {
        let ev = evidence_text(report, *id);
        assert!(
            ev.contains(text),
            "{}: {id} should say {text:?}: {ev}",
            case.name
        );
    }
    for (id, text) in case.never_says {
        let ev = evidence_text(report, *id);
        assert!(
            !ev.contains(text),
            "{}: {id} should not say {text:?}: {ev}",
            case.name
        );
    }
    // Not every finding observed: no grade, in every format.
    assert_eq!(report.grade(), None, "{}", case.name);
    let opts = RenderOptions::default();
    let text = render(report, Format::Text, &opts);
    if std::env::var_os("SG_PROBE_REPORT_DIR").is_some() {
        println!("== {}\n{text}", case.name);
    }
    assert!(text.contains("not graded ("), "{}: {text}", case.name);
    assert!(!text.contains("(grade "), "{}: {text}", case.name);
    let json: serde_json::Value =
        serde_json::from_str(&render(report, Format::Json, &opts)).unwrap();
    assert_eq!(json["graded"], false);
    assert_eq!(json["grade"], serde_json::Value::Null);
    let sarif: serde_json::Value =
        serde_json::from_str(&render(report, Format::Sarif, &opts)).unwrap();
    let reviews = sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["kind"] == "review")
        .count();
    assert_eq!(
        reviews,
        report.inconclusive(),
        "{}: one review result per inconclusive finding",
        case.name
    );
    if !case.credentials {
        assert!(
            report
                .notes
                .iter()
                .any(|n| n.contains("no credentials were given")),
            "{}: {:?}",
            case.name,
            report.notes
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn flawed_servers_get_the_verdicts_they_earned_and_no_grade() {
    for case in CASES {
        run_case(case).await;
    }
}

#[derive(Parser)]
struct Cli {
    #[command(flatten)]
    probe: ProbeArgs,
}

fn args(argv: &[&str]) -> ProbeArgs {
    let mut all = vec!["audit-probe"];
    all.extend(argv);
    Cli::try_parse_from(all).expect("flags parse").probe
}

async fn config_error(server: &Flawed, sections: &str) -> (String, String) {
    let path = config_file(server, free_addr(), true, &[sections]);
    let config = ProbeConfig::load(&path).unwrap();
    match audit(&config, &|_| {}).await {
        Err(ProbeError::Config(e)) => (e.key().unwrap_or_default().to_string(), e.to_string()),
        other => panic!("expected a config error, got {other:?}"),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn streaming_probes_refuse_a_unary_method_and_say_what_the_target_streams() {
    let unary_only = Flawed::start(Flaw::UnaryOnly, free_addr()).await;
    let call_tool = "method = \"mcp.v1.Mcp/CallTool\"\nrequest = '{\"name\": \"echo\"}'\n";
    for (sections, key) in [
        (format!("[probes.expiry]\n{call_tool}"), "probes.expiry.method"),
        (format!("[probes.lifetime]\n{call_tool}"), "probes.lifetime.method"),
        (
            format!("[revocation]\ncommand = \"true\"\n[probes.revocation]\n{call_tool}"),
            "probes.revocation.method",
        ),
        (
            "[probes.per_message]\nmethod = \"mcp.v1.Mcp/CallTool\"\nallowed = '{}'\nforbidden = '{}'\n".to_string(),
            "probes.per_message.method",
        ),
        (
            format!("[probes.authentication]\n[[probes.authentication.calls]]\n{call_tool}"),
            "probes.authentication.calls[0].method",
        ),
    ] {
        let (got, msg) = config_error(&unary_only, &sections).await;
        assert_eq!(got, key, "{msg}");
        assert!(msg.contains("`mcp.v1.Mcp/CallTool` is unary"), "{msg}");
        assert!(msg.contains("the target's descriptors have none"), "{msg}");
    }
    assert_eq!(
        run_probe_command(args(&[config_file(
            &unary_only,
            free_addr(),
            true,
            &[&format!("[probes.expiry]\n{call_tool}")]
        )
        .to_str()
        .unwrap()]))
        .await,
        exit::CONFIG_ERROR
    );

    // A target that does stream: the error lists the methods that fit.
    let streaming = Flawed::start(Flaw::CanaryNeverReached, free_addr()).await;
    let (key, msg) = config_error(&streaming, &format!("[probes.expiry]\n{call_tool}")).await;
    assert_eq!(key, "probes.expiry.method");
    assert!(msg.contains("server-streaming or bidirectional"), "{msg}");
    assert!(
        msg.contains("mcp.v1.McpStreaming/WatchResource (server-streaming)")
            && msg.contains("mcp.v1.McpJsonRpc/Exchange (bidirectional)"),
        "{msg}"
    );
    assert!(
        !msg.contains("UploadToolInput"),
        "client-streaming sends no stream of responses: {msg}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_target_without_streaming_methods_is_reported_in_one_line_and_not_graded() {
    let unary_only = Flawed::start(Flaw::UnaryOnly, free_addr()).await;
    let path = config_file(&unary_only, free_addr(), true, &[]);
    let outcome = audit(&ProbeConfig::load(&path).unwrap(), &|_| {})
        .await
        .unwrap();
    let report = &outcome.report;
    assert!(
        report
            .notes
            .iter()
            .any(|n| n.starts_with("the target has no streaming method")),
        "{:?}",
        report.notes
    );
    assert!(
        report
            .findings
            .iter()
            .all(|f| f.status == Status::NotTested),
        "{}",
        summary(report)
    );
    assert_eq!(report.grade(), None);
    let text = render(report, Format::Text, &RenderOptions::default());
    assert_eq!(text.matches("has no streaming method").count(), 1, "{text}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn init_writes_a_starter_config_that_runs_as_is_and_finds_an_open_server() {
    let open = Flawed::start(Flaw::NoAuth, free_addr()).await;
    let dir = std::env::temp_dir().join(format!("sg-init-{:016x}", rand::random::<u64>()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("audit.toml");
    let endpoint = format!("http://{}", open.addr);
    let p = path.to_str().unwrap();
    assert_eq!(
        run_probe_command(args(&[p, "--init", &endpoint])).await,
        exit::OK
    );
    assert_eq!(
        run_probe_command(args(&[p, "--init", &endpoint])).await,
        exit::CONFIG_ERROR,
        "never overwrites"
    );
    let text = std::fs::read_to_string(&path).unwrap();
    for m in [
        "mcp.v1.McpStreaming/WatchResource",
        "mcp.v1.McpStreaming/StreamToolCalls",
        "mcp.v1.McpStreaming/CallToolWithProgress",
        "mcp.v1.McpStreaming/UploadToolInput",
        "mcp.v1.McpJsonRpc/Exchange",
    ] {
        assert!(text.contains(m), "{m} listed:\n{text}");
    }
    assert!(text.contains("FILL"));
    let config = ProbeConfig::load(&path).unwrap();
    let report = audit(&config, &|_| {}).await.unwrap().report;
    assert_eq!(
        report.findings[0].status,
        Status::Fail,
        "{}",
        summary(&report)
    );
    assert!(evidence_text(&report, FindingId::F1).contains("accepted a stream with no token"));
    assert_eq!(report.grade(), None);

    let closed = Flawed::start(Flaw::UnaryOnly, free_addr()).await;
    let unary_path = dir.join("unary.toml");
    let u = unary_path.to_str().unwrap();
    let endpoint = format!("http://{}", closed.addr);
    assert_eq!(
        run_probe_command(args(&[u, "--init", &endpoint])).await,
        exit::OK
    );
    assert!(
        std::fs::read_to_string(&unary_path)
            .unwrap()
            .contains("has no streaming method")
    );
    let nobody = format!("http://{}", free_addr());
    assert_eq!(
        run_probe_command(args(&[
            dir.join("x.toml").to_str().unwrap(),
            "--init",
            &nobody
        ]))
        .await,
        exit::TARGET_UNREACHABLE
    );
    let _ = std::fs::remove_dir_all(dir);
}
