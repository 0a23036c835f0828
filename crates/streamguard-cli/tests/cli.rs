//! The `streamguard` binary as scripts use it: its printed lines, its exit codes, its errors.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const SECRET: &str = "cli-test-secret-0123456789abcdef0123";

fn streamguard() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_streamguard"));
    c.env("STREAMGUARD_DEV_SECRET", SECRET).env("NO_COLOR", "1");
    c
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

#[test]
fn serve_dev_prints_tokens_on_lines_of_their_own_and_revoke_uses_them() {
    let admin_port = free_port();
    let mut serve = streamguard()
        .args([
            "serve",
            "--dev",
            "--listen",
            &format!("127.0.0.1:{}", free_port()),
        ])
        .args(["--admin-listen", &format!("127.0.0.1:{admin_port}")])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(serve.stdout.take().unwrap()).lines();
    let (mut admin, mut client) = (None, None);
    let started = Instant::now();
    while (admin.is_none() || client.is_none()) && started.elapsed() < Duration::from_secs(20) {
        let Some(Ok(line)) = lines.next() else { break };
        if let Some(t) = line.strip_prefix("admin token: ") {
            admin = Some(t.to_string());
        }
        if let Some(t) = line.strip_prefix("client token: ") {
            client = Some(t.to_string());
        }
    }
    let admin = admin.expect("an `admin token: …` line");
    assert_eq!(
        client.expect("a `client token: …` line").split('.').count(),
        3
    );
    let url = format!("http://127.0.0.1:{admin_port}");
    let ok = streamguard()
        .args([
            "revoke",
            "--admin",
            &url,
            "--admin-token",
            &admin,
            "--sub",
            "dev",
        ])
        .output()
        .unwrap();
    let refused = streamguard()
        .args([
            "revoke",
            "--admin",
            &url,
            "--admin-token",
            "wrong",
            "--jti",
            "x",
        ])
        .output()
        .unwrap();
    let _ = serve.kill();
    let _ = serve.wait();
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    assert!(String::from_utf8_lossy(&ok.stdout).contains("\"sub\":\"dev\""));
    assert_eq!(refused.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("403"));
}

#[test]
fn token_mint_prints_a_jwt() {
    let out = streamguard()
        .args([
            "token",
            "mint",
            "--sub",
            "alice",
            "--scope",
            "tools:echo",
            "--ttl",
            "2s",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8(out.stdout)
            .unwrap()
            .trim()
            .split('.')
            .count(),
        3
    );
}

#[test]
fn bad_input_exits_2_with_a_message_naming_it() {
    for (args, says) in [
        (
            vec!["serve", "--dev", "--disable", "everything"],
            "unknown control \"everything\"",
        ),
        (vec!["serve"], "--config FILE"),
        (
            vec!["token", "mint", "--sub", "a", "--ttl", "soon"],
            "--ttl",
        ),
        (vec!["audit", "explain", "F9"], "unknown finding"),
        (
            vec!["audit", "scan", "/nonexistent/dir"],
            "/nonexistent/dir",
        ),
    ] {
        let out = streamguard().args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(says), "{args:?}: {err}");
    }
}

#[test]
fn audit_explain_prints_the_finding_and_the_scanner_rule() {
    let out = streamguard()
        .args(["audit", "explain", "SG-F1", "--language", "rust"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("F1"), "{text}");
    assert!(
        text.contains("What it does"),
        "the scanner's rule doc follows: {text}"
    );
}

fn fixture(case: &str) -> String {
    format!(
        "{}/../streamguard-scan/fixtures/{case}",
        env!("CARGO_MANIFEST_DIR")
    )
}

#[test]
fn audit_scan_sarif_has_root_relative_paths_suppressions_and_an_invocation() {
    let out = streamguard()
        .args([
            "audit",
            "scan",
            &fixture("js/suppressed"),
            "--format",
            "sarif",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let run = &v["runs"][0];
    let root = run["originalUriBaseIds"]["%SRCROOT%"]["uri"]
        .as_str()
        .unwrap();
    assert!(
        root.starts_with("file:///") && root.ends_with("/js/suppressed/"),
        "{root}"
    );
    assert_eq!(run["invocations"][0]["executionSuccessful"], true);
    let text = serde_json::to_string(&v).unwrap();
    assert!(!text.contains("example.invalid"), "no placeholder URLs");
    let results = run["results"].as_array().unwrap();
    for r in results {
        let loc = &r["locations"][0]["physicalLocation"]["artifactLocation"];
        assert_eq!(loc["uriBaseId"], "%SRCROOT%");
        assert_eq!(loc["uri"], "server.js", "relative to the scan root");
    }
    let suppressed: Vec<_> = results
        .iter()
        .filter(|r| r.get("suppressions").is_some())
        .collect();
    assert!(
        !suppressed.is_empty(),
        "suppressed findings are results too"
    );
    assert_eq!(suppressed[0]["suppressions"][0]["kind"], "inSource");
    assert!(
        suppressed[0]["suppressions"][0]["justification"]
            .as_str()
            .is_some_and(|j| !j.is_empty())
    );
}

#[test]
fn audit_scan_json_carries_the_scan_summary_and_text_groups_by_program_and_handler() {
    let dir = fixture("go/program_scope");
    let out = streamguard()
        .args(["audit", "scan", &dir, "--format", "json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let scan = &v["scan"];
    assert!(scan["files"].as_u64().unwrap() >= 3);
    assert!(scan["lines"].as_u64().unwrap() > 50);
    assert_eq!(scan["programs"].as_array().unwrap().len(), 2);
    assert_eq!(scan["handlers"].as_array().unwrap().len(), 2);
    assert_eq!(scan["skipped"]["files"]["test"], 1, "feed_test.go");

    let out = streamguard()
        .args(["audit", "scan", &dir])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let open = text.find("program cmd/open").expect("grouped by program");
    let handler = text[open..].find("Server.Watch").expect("then by handler");
    let f6 = text[open + handler..]
        .find("F6 medium")
        .expect("finding with confidence");
    assert!(f6 < 400, "{text}");
    assert!(text.contains("skipped 1 test file"), "{text}");
}

#[test]
fn audit_scan_list_handlers_prints_each_program_and_its_handlers_with_kinds() {
    let out = streamguard()
        .args([
            "audit",
            "scan",
            &fixture("go/language_semantics"),
            "--list-handlers",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("program . (go"), "{text}");
    assert!(text.contains("bidi_streaming   Notes.Share"), "{text}");
    assert!(text.contains("server_streaming Notes.List"), "{text}");
    assert!(text.contains("(unimplemented: not judged)"), "{text}");
}
