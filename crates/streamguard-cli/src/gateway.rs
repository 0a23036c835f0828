//! `streamguard gateway`.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use streamguard_gateway::GatewayConfig;
use streamguard_server::config::parse_duration;

use crate::lifecycle;
use crate::serve::TlsArgs;

#[derive(Args)]
#[command(after_long_help = "\
A config for a grpc-js (or any) server on 127.0.0.1:50051:

  listen = \"0.0.0.0:50052\"
  admin_listen = \"127.0.0.1:9091\"
  admin_token_env = \"STREAMGUARD_ADMIN_TOKEN\"
  upstream = \"http://127.0.0.1:50051\"

  [auth]
  issuer = \"https://issuer.example\"
  audience = \"acme-tools\"
  [[auth.keys]]
  algorithm = \"RS256\"
  jwks_url = \"http://issuer.example/jwks.json\"

  [limits]
  messages_per_minute = 600
  max_stream_lifetime = \"30m\"

  [state]                              # several gateways behind a load balancer
  redis = \"redis://127.0.0.1:6379/0\"  # share revocations and limits (or --redis URL)

  [descriptors]
  source = \"proto\"                    # or \"reflection\" (default), \"protoset\"
  proto_files = [\"proto/tools.proto\"]

  [[methods]]
  method = \"acme.tools.v1.ToolSession/Run\"
  tool = \"tool\"
  request_id = \"id\"
  deny_reply = '{\"id\": \"{request_id}\", \"outcome\": \"DENIED\"}'
  [methods.scopes]
  ping = \"tools:ping\"

  [tls]                               # clients and the admin API over TLS (or --tls-cert/--tls-key)
  cert_file = \"server.pem\"            # re-read when it changes, and on SIGHUP
  key_file = \"server.key\"
  # client_ca_file = \"clients-ca.pem\" # mutual TLS

  [oauth]                             # MCP authorization metadata (RFC 9728)
  resource = \"https://tools.example.com\"   # also the audience when [auth] audience is unset
  authorization_servers = [\"https://issuer.example\"]

Every key is described in the README (\"Protect a server in any language\").
Exit codes: 0 stopped by a signal, 2 bad config or start-up failure (the message names the key).")]
pub struct GatewayArgs {
    /// TOML config file: upstream, [auth], [limits], [policy], [descriptors], [[methods]];
    /// flags override it.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Dev mode: HS256 with the secret from env STREAMGUARD_DEV_SECRET (random if unset),
    /// issuer `streamguard-dev`, audience `streamguard`; prints an admin and a client token.
    #[arg(long)]
    dev: bool,
    /// gRPC listen address [default: 127.0.0.1:50052].
    #[arg(long, value_name = "ADDR")]
    listen: Option<SocketAddr>,
    /// The server to protect: http://HOST:PORT (HTTP/2 without TLS) or https://HOST:PORT.
    #[arg(long, value_name = "URL")]
    upstream: Option<String>,
    /// Admin HTTP API listen address (revocations, metrics, health) [default: 127.0.0.1:9091].
    #[arg(long, value_name = "ADDR")]
    admin_listen: Option<SocketAddr>,
    /// Share revocations, identity rate limits and stream caps with every instance (gateway or
    /// serve) using the same Redis, e.g. redis://127.0.0.1:6379/0 [default: in-memory].
    #[arg(long, value_name = "URL")]
    redis: Option<String>,
    #[command(flatten)]
    tls: TlsArgs,
    /// On SIGTERM or ctrl-c, how long live streams may go on (no new connections; GOAWAY sent)
    /// before they end with UNAVAILABLE `shutting_down`, e.g. 30s; 0s ends them at once. A
    /// second signal exits at once [default: 10s; config: [server] drain_period].
    #[arg(long, value_name = "DURATION")]
    drain_period: Option<String>,
}

impl GatewayArgs {
    fn config(&self) -> anyhow::Result<GatewayConfig> {
        let mut c = match &self.config {
            Some(path) => GatewayConfig::from_file(path)?,
            None if self.dev => GatewayConfig::default(),
            None => anyhow::bail!(
                "nothing to verify tokens with: pass --config FILE (see `streamguard gateway --help`), or --dev with --upstream URL"
            ),
        };
        c.dev |= self.dev;
        if let Some(v) = self.listen {
            c.listen = v;
        }
        if let Some(v) = self.admin_listen {
            c.admin_listen = v;
        }
        if let Some(v) = &self.upstream {
            c.upstream.url = v.clone();
        }
        if let Some(url) = &self.redis {
            c.state.use_redis(url);
        }
        if let Some(v) = &self.drain_period {
            c.server.drain_period = parse_duration("--drain-period", v)?;
        }
        c.tls = self.tls.over(c.tls.take())?;
        Ok(c)
    }
}

pub async fn run(args: GatewayArgs) -> anyhow::Result<ExitCode> {
    let config = args.config()?;
    let upstream = config.upstream.url.clone();
    lifecycle::run(streamguard_gateway::start(config), Some(&upstream)).await
}
