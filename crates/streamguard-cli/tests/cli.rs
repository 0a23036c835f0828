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
        // Overflows u64 seconds when added to now.
        (
            vec!["token", "mint", "--sub", "a", "--ttl", "584542046090y"],
            "--ttl",
        ),
        (
            vec!["serve", "--dev", "--max-stream-lifetime", "500000000y"],
            "--max-stream-lifetime",
        ),
        (
            vec!["serve", "--dev", "--idle-timeout", "9999999999h"],
            "--idle-timeout",
        ),
        (vec!["serve", "--dev", "--leeway", "100000d"], "--leeway"),
        (
            vec!["serve", "--dev", "--max-token-lifetime", "0s"],
            "--max-token-lifetime",
        ),
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
fn serve_refuses_a_short_dev_secret() {
    let out = streamguard()
        .env("STREAMGUARD_DEV_SECRET", "some-long-dev-secret")
        .args([
            "serve",
            "--dev",
            "--listen",
            "127.0.0.1:0",
            "--admin-listen",
            "127.0.0.1:0",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("STREAMGUARD_DEV_SECRET"), "{err}");
    assert!(err.contains("at least 32"), "{err}");
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

#[test]
fn audit_explain_and_scan_end_quietly_when_the_reader_closes_the_pipe() {
    let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/../streamguard-scan/fixtures");
    for args in [
        vec!["audit", "explain", "F6", "--language", "rust"],
        vec!["audit", "scan", fixtures, "--list-handlers"],
        vec!["audit", "scan", fixtures],
    ] {
        // `… | head`: the reader is gone before the first write.
        let mut child = streamguard()
            .args(&args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        assert!(!err.contains("Broken pipe"), "{args:?}: {err}");
        assert!(
            matches!(out.status.code(), Some(0 | 1)),
            "{args:?}: {:?} {err}",
            out.status
        );
    }
}

#[test]
fn audit_explain_gives_the_fix_for_every_stack_and_behind_the_gateway() {
    for id in ["F1", "F2", "F3", "F4", "F5", "F6"] {
        let out = streamguard()
            .args(["audit", "explain", id])
            .output()
            .unwrap();
        assert!(out.status.success(), "{id}");
        let text = String::from_utf8(out.stdout).unwrap();
        for stack in [
            "**grpc-js**",
            "**grpcio / grpc.aio**",
            "**grpc-go**",
            "**tonic**",
            "**behind `streamguard gateway`**",
        ] {
            assert!(text.contains(stack), "{id}: {stack}");
        }
    }
}

#[test]
fn gateway_with_a_bad_config_exits_2_naming_the_key() {
    let dir = std::env::temp_dir().join(format!("sg-cli-gw-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let cases = [
        (
            "upstream = \"http://127.0.0.1:1\"\nmax_message_size = \"huge\"\n",
            "max_message_size",
        ),
        (
            "upstream = \"ftp://x\"\nadmin_token = \"t\"\n[[auth.keys]]\nalgorithm = \"HS256\"\nsecret = \"0123456789abcdef0123456789abcdef\"\n",
            "upstream",
        ),
        (
            "upstream = \"http://127.0.0.1:1\"\nadmin_token = \"t\"\n[[auth.keys]]\nalgorithm = \"HS256\"\nsecret = \"0123456789abcdef0123456789abcdef\"\n[descriptors]\nsource = \"proto\"\nproto_files = [\"missing.proto\"]\n[[methods]]\nmethod = \"a.B/C\"\ntool = \"t\"\n",
            "descriptors.proto_files",
        ),
    ];
    for (i, (text, key)) in cases.iter().enumerate() {
        let path = dir.join(format!("gw{i}.toml"));
        std::fs::write(&path, text).unwrap();
        let out = streamguard()
            .args(["gateway", "--config"])
            .arg(&path)
            .args(["--listen", "127.0.0.1:0", "--admin-listen", "127.0.0.1:0"])
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{key}: {stderr}");
        assert!(stderr.contains(key), "the error names {key}: {stderr}");
    }
}

#[test]
fn demo_grades_the_hardened_server_100_and_the_vulnerable_one_42() {
    let dir = std::env::temp_dir().join(format!("sg-demo-{}", std::process::id()));
    let out = streamguard()
        .args(["demo", "--out-dir", dir.to_str().unwrap()])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}");
    let score = text
        .lines()
        .find(|l| l.trim_start().starts_with("score"))
        .unwrap_or_else(|| panic!("a score line: {text}"));
    assert!(
        score.contains("100 (A)") && score.contains("42 (F)"),
        "{score}"
    );
    assert!(dir.join("hardened.html").exists());
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn gateway_help_teaches_a_complete_config() {
    let out = streamguard().args(["gateway", "--help"]).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success());
    for needle in [
        "--upstream",
        "[[methods]]",
        "deny_reply",
        "[methods.scopes]",
        "Exit codes",
    ] {
        assert!(text.contains(needle), "--help mentions {needle}:\n{text}");
    }
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
