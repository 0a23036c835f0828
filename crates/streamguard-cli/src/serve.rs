//! `streamguard serve`.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Args, ValueEnum};
use streamguard::OnDeny;
use streamguard_server::ServeConfig;
use streamguard_server::config::{parse_control, parse_duration, tls_config};
use streamguard_server::listeners::TlsConfig;

use crate::lifecycle;

#[derive(Args)]
pub struct ServeArgs {
    /// TOML config file (keys, issuer, audience, limits); flags override it.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Dev mode: HS256 with the secret from env STREAMGUARD_DEV_SECRET (random if unset),
    /// issuer `streamguard-dev`, audience `streamguard`; prints an admin and a client token.
    #[arg(long)]
    dev: bool,
    /// gRPC listen address [default: 127.0.0.1:50051].
    #[arg(long, value_name = "ADDR")]
    listen: Option<SocketAddr>,
    /// Admin HTTP API listen address (revocations, metrics, health) [default: 127.0.0.1:9090].
    #[arg(long, value_name = "ADDR")]
    admin_listen: Option<SocketAddr>,
    #[command(flatten)]
    tls: TlsArgs,
    /// Downstream `backend.v1.ToolBackend` every tool call goes to, e.g. http://127.0.0.1:7000
    /// [default: an embedded backend on loopback].
    #[arg(long, value_name = "URL")]
    backend: Option<String>,
    /// Share revocations, identity rate limits and stream caps with every instance using the
    /// same Redis, e.g. redis://127.0.0.1:6379/0 (the other settings: [state] in the config
    /// file) [default: in-memory, this instance only].
    #[arg(long, value_name = "URL")]
    redis: Option<String>,
    /// Switch a control off, for a vulnerable lab (repeatable): expiry, revocation,
    /// per-message, deadline, cancel, identity-rate-limit, lifetime.
    #[arg(long, value_name = "CONTROL")]
    disable: Vec<String>,
    /// Incoming messages per identity per minute (0: no limit).
    #[arg(long, value_name = "N")]
    messages_per_minute: Option<u32>,
    /// Messages an identity may send at once before the per-minute rate applies.
    #[arg(long, value_name = "N")]
    burst: Option<u32>,
    /// Concurrent streams per identity (0: unlimited).
    #[arg(long, value_name = "N")]
    max_streams_per_identity: Option<u32>,
    /// Maximum stream lifetime, e.g. 30m; ended with UNAVAILABLE `max_stream_lifetime`.
    #[arg(long, value_name = "DURATION")]
    max_stream_lifetime: Option<String>,
    /// Idle timeout (no message either way), e.g. 5m; ended with UNAVAILABLE `idle_timeout`.
    #[arg(long, value_name = "DURATION")]
    idle_timeout: Option<String>,
    /// Clock skew allowed on exp/nbf/iat, e.g. 500ms [default: 0s, at most 5m].
    #[arg(long, value_name = "DURATION")]
    leeway: Option<String>,
    /// Longest token lifetime (exp - iat) accepted, e.g. 1h [default: 24h]. Bounds how long a
    /// revoked token could work again once its revocation is dropped (see SECURITY.md).
    #[arg(long, value_name = "DURATION")]
    max_token_lifetime: Option<String>,
    /// What a denied message does to its stream.
    #[arg(long, value_enum)]
    on_deny: Option<OnDenyArg>,
    /// On SIGTERM or ctrl-c, how long live streams may go on (no new connections; GOAWAY sent)
    /// before they end with UNAVAILABLE `shutting_down`, e.g. 30s; 0s ends them at once. A
    /// second signal exits at once [default: 10s].
    #[arg(long, value_name = "DURATION")]
    drain_period: Option<String>,
}

/// TLS flags of `serve` and `gateway`; they override the config file's `[tls]`.
#[derive(Args)]
pub(crate) struct TlsArgs {
    /// Serve the gRPC and admin listeners over TLS with this certificate chain (PEM, leaf
    /// first); needs --tls-key. Re-read when the file changes, and on SIGHUP; live connections
    /// keep the certificate they started with [config: [tls] cert_file].
    #[arg(long, value_name = "FILE")]
    tls_cert: Option<PathBuf>,
    /// The private key (PEM: PKCS#8, PKCS#1 or SEC1) of --tls-cert [config: [tls] key_file].
    #[arg(long, value_name = "FILE")]
    tls_key: Option<PathBuf>,
    /// Mutual TLS: refuse clients without a certificate issued by this CA (PEM)
    /// [config: [tls] client_ca_file].
    #[arg(long, value_name = "FILE")]
    tls_client_ca: Option<PathBuf>,
}

impl TlsArgs {
    /// The TLS settings in force: these flags over the config file's.
    pub(crate) fn over(&self, config: Option<TlsConfig>) -> anyhow::Result<Option<TlsConfig>> {
        tls_config(
            self.tls_cert.clone(),
            self.tls_key.clone(),
            self.tls_client_ca.clone(),
            config,
        )
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum OnDenyArg {
    /// Answer the message with an error event; the stream goes on.
    Reply,
    /// End the stream with PERMISSION_DENIED.
    End,
}

impl ServeArgs {
    fn config(&self) -> anyhow::Result<ServeConfig> {
        let mut c = match &self.config {
            Some(path) => ServeConfig::from_file(path)?,
            None if self.dev => ServeConfig::default(),
            None => anyhow::bail!(
                "nothing to verify tokens with: pass --config FILE (see the README), or --dev for a local dev server"
            ),
        };
        c.dev |= self.dev;
        if let Some(v) = self.listen {
            c.listen = v;
        }
        if let Some(v) = self.admin_listen {
            c.admin_listen = v;
        }
        if let Some(v) = &self.backend {
            c.backend = Some(v.clone());
        }
        if let Some(url) = &self.redis {
            c.state.use_redis(url);
        }
        for d in &self.disable {
            let control = parse_control(d).context("--disable")?;
            if !c.disabled.contains(&control) {
                c.disabled.push(control);
            }
        }
        if let Some(v) = self.messages_per_minute {
            c.messages_per_minute = v;
        }
        if let Some(v) = self.burst {
            c.burst = v;
        }
        if let Some(v) = self.max_streams_per_identity {
            c.max_streams_per_identity = v;
        }
        if let Some(v) = &self.max_stream_lifetime {
            c.max_stream_lifetime = parse_duration("--max-stream-lifetime", v)?;
        }
        if let Some(v) = &self.idle_timeout {
            c.idle_timeout = parse_duration("--idle-timeout", v)?;
        }
        if let Some(v) = &self.leeway {
            c.auth.leeway = parse_duration("--leeway", v)?;
        }
        if let Some(v) = &self.max_token_lifetime {
            c.auth.max_token_lifetime = parse_duration("--max-token-lifetime", v)?;
        }
        if let Some(v) = &self.drain_period {
            c.server.drain_period = parse_duration("--drain-period", v)?;
        }
        c.tls = self.tls.over(c.tls.take())?;
        if let Some(v) = self.on_deny {
            c.on_deny = match v {
                OnDenyArg::Reply => OnDeny::Reply,
                OnDenyArg::End => OnDeny::End,
            };
        }
        Ok(c)
    }
}

pub async fn run(args: ServeArgs) -> anyhow::Result<ExitCode> {
    let config = args.config()?;
    lifecycle::run(streamguard_server::start(config), None).await
}
