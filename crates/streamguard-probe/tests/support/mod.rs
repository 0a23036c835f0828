//! Shared by the integration tests.
#![allow(dead_code)]

pub mod acme;
pub mod flawed;

use std::{net::SocketAddr, path::PathBuf};

use streamguard_report::{FindingId, Report, Status};

/// A loopback address with a port that was free a moment ago (for servers that must know the
/// canary's address before the canary starts).
pub fn free_addr() -> SocketAddr {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
}

pub fn fixture(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rel)
}

/// The Acme audit config with its placeholders filled, written to a temp file; returns its path.
pub fn acme_config(acme: &acme::Acme, canary: SocketAddr, extra: &str) -> PathBuf {
    let text = std::fs::read_to_string(fixture("acme/audit.toml"))
        .unwrap()
        .replace("{acme}", &acme.addr.to_string())
        .replace("{admin}", &acme.admin.to_string())
        .replace("{canary}", &canary.to_string())
        .replace("{key}", &fixture("acme-ed25519.pem").display().to_string());
    write_temp(&format!("{text}\n{extra}"))
}

pub fn write_temp(text: &str) -> PathBuf {
    let path = std::env::temp_dir().join(format!("sg-probe-{:016x}.toml", rand::random::<u64>()));
    std::fs::write(&path, text).unwrap();
    path
}

/// `F1=fail F2=pass …`, for assertion messages.
pub fn summary(report: &Report) -> String {
    report
        .findings
        .iter()
        .map(|f| {
            let ev: Vec<_> = f.evidence.iter().map(|e| e.message.as_str()).collect();
            format!("{}={:?} [{}]", f.id, f.status, ev.join(" | "))
        })
        .collect::<Vec<_>>()
        .join("\n")
}

pub fn status_of(report: &Report, id: FindingId) -> Status {
    report
        .findings
        .iter()
        .find(|f| f.id == id)
        .map(|f| f.status)
        .unwrap()
}
