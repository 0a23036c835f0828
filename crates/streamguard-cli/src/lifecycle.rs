//! What `serve` and `gateway` share once started: the start-up banner (with dev tokens), TLS
//! reloads on SIGHUP, and the shutdown sequence — drain on the first SIGTERM or ctrl-c, exit at
//! once on the second, and exit non-zero when the guard can no longer enforce its limits.

use std::future::Future;
use std::net::SocketAddr;
use std::process::ExitCode;
use std::time::Duration;

use streamguard::Guard;
use streamguard_gateway::RunningGateway;
use streamguard_server::tokens::{TokenSpec, mint_hs256};
use streamguard_server::{RunningServer, ServerTls};

/// Exit code after a second signal cut the drain short (128 + SIGINT, as shells report it).
pub(crate) const EXIT_INTERRUPTED: i32 = 130;

/// A started `serve` or `gateway`.
pub(crate) trait Running: Sized {
    fn grpc_addr(&self) -> SocketAddr;
    fn admin_addr(&self) -> SocketAddr;
    fn tls(&self) -> &ServerTls;
    fn guard(&self) -> &Guard;
    /// In dev mode, the admin token and the secret client tokens are signed with.
    fn dev(&self) -> Option<(&str, &str)>;
    /// Resolves when the process is asked to stop from inside (e.g. its listener failed).
    fn stopped(&self) -> impl Future<Output = ()>;
    /// Drains live streams for the drain period, then stops.
    fn shutdown(self) -> impl Future<Output = ()>;
}

/// Starts `start`, prints where it listens (`forwards_to`: the gateway's upstream) and serves
/// until a signal, an internal stop or a loss of enforcement.
pub(crate) async fn run<R: Running>(
    start: impl Future<Output = anyhow::Result<R>>,
    forwards_to: Option<&str>,
) -> anyhow::Result<ExitCode> {
    // Before start-up: a SIGHUP with no handler would kill the process.
    let hangups = Hangups::new();
    let running = start.await?;
    hangups.reload(running.tls().clone());
    announce(&running, forwards_to)?;

    let mut signals = ShutdownSignals::new();
    let lost = tokio::select! {
        _ = signals.next() => {
            tracing::info!("shutting down: draining live streams (a second signal exits at once)");
            false
        }
        _ = running.stopped() => false,
        // Fail closed: a process that can no longer end streams on time must not keep serving.
        _ = running.guard().enforcement_lost() => true,
    };
    tokio::select! {
        _ = running.shutdown() => {}
        _ = signals.next() => {
            tracing::warn!("second signal: exiting without waiting for live streams");
            // At once: nothing left to wait for is worth a third signal.
            std::process::exit(EXIT_INTERRUPTED)
        }
    }
    if lost {
        anyhow::bail!("stream enforcement stopped (the guard's timer task died); exiting");
    }
    Ok(ExitCode::SUCCESS)
}

/// The listen addresses, and in dev mode an admin and a client token, each on a line of its
/// own so scripts can pick them up.
fn announce(running: &impl Running, forwards_to: Option<&str>) -> anyhow::Result<()> {
    let tls = running.tls();
    println!(
        "gRPC: {}{}{}",
        running.grpc_addr(),
        if tls.is_enabled() { " (TLS)" } else { "" },
        forwards_to.map(|u| format!(" -> {u}")).unwrap_or_default()
    );
    println!("admin API: {}://{}", tls.scheme(), running.admin_addr());
    if let Some((admin_token, dev_secret)) = running.dev() {
        println!("admin token: {admin_token}");
        let spec = TokenSpec::new(
            "dev",
            "tools:echo files:read files:write admin",
            Duration::from_secs(3600),
        );
        println!("client token: {}", mint_hs256(dev_secret, &spec)?);
    }
    Ok(())
}

impl Running for RunningServer {
    fn grpc_addr(&self) -> SocketAddr {
        self.grpc_addr
    }
    fn admin_addr(&self) -> SocketAddr {
        self.admin_addr
    }
    fn tls(&self) -> &ServerTls {
        &self.tls
    }
    fn guard(&self) -> &Guard {
        &self.guard
    }
    fn dev(&self) -> Option<(&str, &str)> {
        (!self.dev_secret.is_empty()).then_some((&self.admin_token, &self.dev_secret))
    }
    fn stopped(&self) -> impl Future<Output = ()> {
        RunningServer::stopped(self)
    }
    fn shutdown(self) -> impl Future<Output = ()> {
        RunningServer::shutdown(self)
    }
}

impl Running for RunningGateway {
    fn grpc_addr(&self) -> SocketAddr {
        self.grpc_addr
    }
    fn admin_addr(&self) -> SocketAddr {
        self.admin_addr
    }
    fn tls(&self) -> &ServerTls {
        &self.tls
    }
    fn guard(&self) -> &Guard {
        &self.guard
    }
    fn dev(&self) -> Option<(&str, &str)> {
        (!self.dev_secret.is_empty()).then_some((&self.admin_token, &self.dev_secret))
    }
    fn stopped(&self) -> impl Future<Output = ()> {
        RunningGateway::stopped(self)
    }
    fn shutdown(self) -> impl Future<Output = ()> {
        RunningGateway::shutdown(self)
    }
}

/// SIGHUP: re-read the TLS certificate, key and client CA (certificates also reload by
/// themselves when their files change).
struct Hangups {
    #[cfg(unix)]
    signal: Option<tokio::signal::unix::Signal>,
}

impl Hangups {
    fn new() -> Self {
        Hangups {
            #[cfg(unix)]
            signal: tokio::signal::unix::signal(tokio::signal::unix::SignalKind::hangup()).ok(),
        }
    }

    /// Reloads `tls` on every SIGHUP, for as long as the process runs.
    fn reload(self, tls: ServerTls) {
        #[cfg(unix)]
        if let Some(mut signal) = self.signal {
            tokio::spawn(async move {
                while signal.recv().await.is_some() {
                    if !tls.is_enabled() {
                        tracing::info!("SIGHUP: no TLS configured, nothing to reload");
                        continue;
                    }
                    // Reading the files blocks: off the runtime's workers.
                    let tls = tls.clone();
                    let _ = tokio::task::spawn_blocking(move || tls.reload("SIGHUP")).await;
                }
            });
        }
        #[cfg(not(unix))]
        let _ = tls;
    }
}

/// SIGTERM and ctrl-c (SIGINT) as one sequence of shutdown requests.
struct ShutdownSignals {
    #[cfg(unix)]
    term: Option<tokio::signal::unix::Signal>,
}

impl ShutdownSignals {
    fn new() -> Self {
        ShutdownSignals {
            #[cfg(unix)]
            term: tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()).ok(),
        }
    }

    async fn next(&mut self) {
        #[cfg(unix)]
        if let Some(term) = &mut self.term {
            tokio::select! {
                _ = tokio::signal::ctrl_c() => {}
                _ = term.recv() => {}
            }
            return;
        }
        let _ = tokio::signal::ctrl_c().await;
    }
}
