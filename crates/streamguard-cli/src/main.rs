//! `streamguard`: the thin binary over the streamguard libraries. It parses arguments, sets up
//! logging and prints; the work lives in the library crates.

mod admin_client;
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
    /// Tokens for the dev server and for tests.
    #[command(subcommand)]
    Token(token::TokenCommand),
    /// Revoke a token (by jti) or every token of a subject on a running server; its live streams
    /// end at once with PERMISSION_DENIED.
    ///
    /// Example: `streamguard revoke --admin http://127.0.0.1:9090 --admin-token T --jti J`
    Revoke(admin_client::RevokeArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
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
            Command::Token(cmd) => token::run(cmd),
            Command::Revoke(args) => admin_client::revoke(args).await,
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
