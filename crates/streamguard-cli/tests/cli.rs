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
