//! `streamguard`: the thin binary over the streamguard libraries. It parses arguments, sets up
//! logging and prints; the work lives in the library crates.

mod admin_client;
mod audit;
mod demo;
mod gateway;
mod lifecycle;
mod serve;
mod token;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Continuous authorization for gRPC streaming MCP tool servers, and an auditor that proves it.
///
/// A token checked only when a stream opens can expire or be revoked while the stream runs for
/// an hour; streamguard re-checks it for as long as the stream lives, authorizes every message,
/// propagates deadlines and cancellation, limits each identity across streams and bounds stream
/// lifetime.
#[derive(Parser)]
#[command(name = "streamguard", version, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the reference MCP tool server with every control enforced (or some switched off).
    ///
    /// Example: `streamguard serve --dev` prints an admin token and a client token, then serves
    /// gRPC on 127.0.0.1:50051 and the admin API on 127.0.0.1:9090.
    Serve(serve::ServeArgs),
    /// Protect a gRPC streaming server written in any language: a sidecar that authorizes every
    /// stream for as long as it lives and every message on it, then forwards it unchanged.
    ///
    /// Example: `streamguard gateway --config gateway.toml`, or
    /// `streamguard gateway --dev --upstream http://127.0.0.1:50051` to try it.
    Gateway(gateway::GatewayArgs),
    /// Tokens for the dev server and for tests.
    #[command(subcommand)]
    Token(token::TokenCommand),
    /// Revoke a token (by jti) or every token of a subject on a running server; its live streams
    /// end at once with PERMISSION_DENIED.
    ///
    /// Example: `streamguard revoke --admin http://127.0.0.1:9090 --admin-token T --jti J`
    Revoke(admin_client::RevokeArgs),
    /// Start the reference server twice in-process — hardened, and with every control off —
    /// audit both, and print the results side by side (expected scores: 100 and 42).
    ///
    /// Needs nothing installed and finishes in well under a minute; writes the HTML reports to
    /// a directory it prints.
    Demo(demo::DemoArgs),
    /// Audit a gRPC streaming server for F1–F6: live (probe) or in source code (scan).
    #[command(subcommand)]
    Audit(audit::AuditCommand),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    // The server logs every refusal and termination; the other commands print their own results.
    let default_level = match cli.command {
        Command::Serve(_) | Command::Gateway(_) => "info",
        _ => "warn",
    };
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(default_level)),
        )
        .with_writer(std::io::stderr)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .init();
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: cannot start the async runtime: {e}");
            return ExitCode::from(1);
        }
    };
    let result = runtime.block_on(async move {
        match cli.command {
            Command::Serve(args) => serve::run(args).await,
            Command::Gateway(args) => gateway::run(args).await,
            Command::Token(cmd) => token::run(cmd),
            Command::Revoke(args) => admin_client::revoke(args).await,
            Command::Audit(cmd) => audit::run(cmd).await,
            Command::Demo(args) => demo::run(args).await,
        }
    });
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(2)
        }
    }
}
