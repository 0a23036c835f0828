//! Configuration of `streamguard serve`: a TOML file (`--config`) and flags for the common keys.
//!
//! ```toml
//! listen = "0.0.0.0:50051"
//! admin_listen = "127.0.0.1:9090"
//! admin_token_env = "STREAMGUARD_ADMIN_TOKEN"   # or admin_token = "…"
//! backend = "http://127.0.0.1:7000"            # omit for the embedded backend
//! disable = []                                  # expiry, revocation, per-message, deadline, cancel, identity-rate-limit, lifetime
//!
//! [auth]
//! issuer = "https://issuer.example"
//! audience = "mcp-tools"
//! leeway = "0s"                # at most 5m
//! max_token_lifetime = "24h"   # tokens with a longer exp - iat are refused; at most 365d
//! discovery = true             # read <issuer>/.well-known/openid-configuration for jwks_uri (and
//!                              # introspection_endpoint); without [[auth.keys]] its JWKS is trusted
//! ca_file = "idp-ca.pem"       # a CA trusted beside the system's for https fetches from the issuer
//! [[auth.keys]]
//! algorithm = "RS256"          # HS256, RS256, ES256, EdDSA — pinned per key
//! pem_file = "issuer.pub.pem"  # or secret, secret_env, jwks_file, jwks_url (+ jwks_ttl, ca_file)
//! # allow_weak_secret = true   # HS256 only: accept a secret under 32 bytes (labs, never production)
//! [auth.introspection]         # opaque tokens (RFC 7662)
//! # url = "https://issuer.example/introspect"   # default: the issuer's introspection_endpoint
//! client_id = "mcp-tools"
//! client_secret_env = "INTROSPECTION_SECRET"    # or client_secret = "…"
//! recheck = "30s"              # live streams' tokens are introspected again this often (1s to 1h)
//!
//! [revocation]
//! sub_retention = "7d"         # keep subject revocations this long (≥ max_token_lifetime + 2·leeway);
//!                              # omit to keep them until DELETE /v1/revocations lifts them
//!
//! [limits]
//! messages_per_minute = 600
//! burst = 100
//! max_streams_per_identity = 32
//! identity_claim = "tenant"
//! max_stream_lifetime = "30m"  # these three: at most 365d
//! idle_timeout = "5m"
//! max_deadline = "10m"
//! max_buffered_bytes_per_identity = 8388608   # partially received messages, all streams of an identity
//!
//! [policy]
//! on_deny = "reply"            # or "end"
//!
//! [server]                     # the network edge; every key optional, defaults shown
//! max_connections = 1024       # more are closed at once (and counted)
//! handshake_timeout = "10s"    # accept to HTTP/2 preface + SETTINGS (or an HTTP/1.1 request head)
//! keepalive_interval = "30s"   # HTTP/2 PING after this long without frames ("off" to disable)
//! keepalive_timeout = "10s"    # no PING answer in time closes the connection
//! connection_idle_timeout = "5m"   # a connection without an open stream this long gets GOAWAY
//! max_concurrent_streams = 100     # SETTINGS_MAX_CONCURRENT_STREAMS
//! max_pending_accept_reset_streams = 20   # rapid-reset defence
//! max_local_error_reset_streams = 256
//! max_header_list_size = 16384
//! stream_window = 262144       # HTTP/2 flow-control windows (bytes)
//! connection_window = 1048576
//! max_send_buffer = 65536      # bytes queued per stream for a peer that does not read
//! drain_period = "10s"         # on SIGTERM/ctrl-c: live streams go on this long, then end with
//!                              # UNAVAILABLE shutting_down ("0s": at once); a second signal exits
//! public_max_streams = 64      # health and reflection (no token): streams at once,
//! public_max_streams_per_connection = 4   # per connection,
//! public_max_lifetime = "10m"  # and their lifetime
//!
//! [state]                      # revocations and identity limits shared by several instances
//! redis = "redis://127.0.0.1:6379/0"   # or --redis URL; omit for in-memory state
//! on_state_unavailable = "closed"      # or "open"; see crate::state for every key
//! state_outage_grace = "10s"
//! [tls]                        # TLS on the gRPC and admin listeners (relative paths: from this file)
//! cert_file = "server.pem"     # certificate chain, PEM, leaf first (or --tls-cert)
//! key_file = "server.key"      # its private key, PEM (or --tls-key)
//! client_ca_file = "ca.pem"    # optional: mutual TLS, clients need a certificate from this CA
//!                              # (or --tls-client-ca)
//! watch_interval = "1s"        # how often the files are checked for a change ("off": only on SIGHUP);
//!                              # new connections get the new certificate, live ones keep theirs
//!
//! [oauth]                      # MCP authorization: this server as an OAuth protected resource
//! resource = "https://mcp.example.com"             # its resource identifier (RFC 8707/9728);
//!                              # also the audience tokens must carry unless [auth] audience is set
//! authorization_servers = ["https://issuer.example"]   # issuers clients get tokens from
//! scopes_supported = ["tools:echo", "files:read"]
//! # -> GET /.well-known/oauth-protected-resource on the gRPC listener, and
//! #    www-authenticate: Bearer resource_metadata="…" on every refusal of a token
//! ```

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{Context, bail};
use jsonwebtoken::Algorithm;
use serde::Deserialize;
use streamguard::auth::{
    AuthConfig, Authenticator, ClientSecret, IntrospectionConfig, KeyConfig, KeySource,
};
use streamguard::message_limits::MessageLimits;
use streamguard::protected_resource::ProtectedResource;
use streamguard::{Control, Guard, GuardConfig, OnDeny};
use streamguard_edge::{EdgeConfig, TlsFiles};

use crate::listeners::{DEFAULT_TLS_WATCH_INTERVAL, TlsConfig};

/// What to say when nothing could verify a token.
pub const NO_VERIFIER: &str = "no verification key configured: add [[auth.keys]], or [auth] issuer with discovery = true, or [auth.introspection] to the config file, or run with --dev";

use crate::state::{StateConfig, StateSection};

/// Issuer of dev-mode tokens.
pub const DEV_ISSUER: &str = "streamguard-dev";
/// Audience of dev-mode tokens.
pub const DEV_AUDIENCE: &str = "streamguard";
/// Environment variable holding the dev-mode HS256 secret.
pub const DEV_SECRET_ENV: &str = "STREAMGUARD_DEV_SECRET";

/// Everything `streamguard serve` needs. [`ServeConfig::dev`] gives a ready-to-run dev setup.
#[derive(Debug, Clone)]
pub struct ServeConfig {
    pub listen: SocketAddr,
    pub admin_listen: SocketAddr,
    /// Dev mode: HS256 with [`ServeConfig::dev_secret`] (or env `STREAMGUARD_DEV_SECRET`, or a
    /// random secret), issuer `streamguard-dev`, audience `streamguard`, random admin token.
    pub dev: bool,
    pub dev_secret: Option<String>,
    pub admin_token: Option<String>,
    /// Verification settings (ignored in dev mode).
    pub auth: AuthConfig,
    pub disabled: Vec<Control>,
    /// `http://host:port` of a `backend.v1.ToolBackend`; `None` starts the embedded one.
    pub backend: Option<String>,
    pub messages_per_minute: u32,
    pub burst: u32,
    pub max_streams_per_identity: u32,
    pub identity_claim: Option<String>,
    pub max_stream_lifetime: Duration,
    pub idle_timeout: Duration,
    pub max_deadline: Option<Duration>,
    /// Bytes of partially received messages one identity may hold across its streams.
    pub max_buffered_bytes_per_identity: u64,
    pub on_deny: OnDeny,
    /// How long subject revocations are kept; `None`: until lifted.
    pub sub_revocation_retention: Option<Duration>,
    /// The network edge: connection and stream limits, timeouts, the drain period.
    pub server: EdgeConfig,
    /// Where revocations and identity limits live (`[state]`, `--redis`).
    pub state: StateConfig,
    /// TLS on the gRPC and admin listeners; `None` serves cleartext.
    pub tls: Option<TlsConfig>,
    /// This server as an OAuth protected resource: its metadata document, the
    /// `resource_metadata` of refusals, and the audience when `[auth] audience` is not set.
    pub oauth: Option<ProtectedResource>,
}

/// The longest leeway accepted: more would keep expired tokens working for minutes.
pub const MAX_LEEWAY: Duration = Duration::from_secs(5 * 60);
/// The longest stream lifetime, idle timeout, deadline cap and token lifetime accepted.
pub const MAX_LIMIT: Duration = Duration::from_secs(365 * 24 * 3600);

impl Default for ServeConfig {
    fn default() -> Self {
        let g = GuardConfig::default();
        ServeConfig {
            listen: ([127, 0, 0, 1], 50051).into(),
            admin_listen: ([127, 0, 0, 1], 9090).into(),
            dev: false,
            dev_secret: None,
            admin_token: None,
            auth: AuthConfig::default(),
            disabled: Vec::new(),
            backend: None,
            messages_per_minute: g.messages_per_minute,
            burst: g.burst,
            max_streams_per_identity: g.max_streams_per_identity,
            identity_claim: None,
            max_stream_lifetime: g.max_stream_lifetime,
            idle_timeout: g.idle_timeout,
            max_deadline: None,
            max_buffered_bytes_per_identity: g.message_limits.max_buffered_per_identity,
            on_deny: OnDeny::Reply,
            sub_revocation_retention: None,
            server: EdgeConfig::default(),
            state: StateConfig::default(),
            tls: None,
            oauth: None,
        }
    }
}

/// The parts of a config that need work to produce (keys loaded, secrets chosen).
pub(crate) struct Resolved {
    pub auth: Authenticator,
    pub admin_token: String,
    pub dev_secret: Option<String>,
}

impl ServeConfig {
    /// Dev mode on loopback with ephemeral ports.
    pub fn dev() -> Self {
        ServeConfig {
            listen: ([127, 0, 0, 1], 0).into(),
            admin_listen: ([127, 0, 0, 1], 0).into(),
            dev: true,
            ..ServeConfig::default()
        }
    }

    /// The dev secret in force: the configured one, else env `STREAMGUARD_DEV_SECRET`.
    pub fn dev_secret_from_env(&self) -> Option<String> {
        self.dev_secret
            .clone()
            .or_else(|| std::env::var(DEV_SECRET_ENV).ok().filter(|s| !s.is_empty()))
    }

    /// Refuses values out of range, naming the key, before anything is built from them.
    pub fn validate(&self) -> anyhow::Result<()> {
        let within = |key: &str, value: Duration, max: Duration| {
            if value > max {
                bail!(
                    "{key} = {} is out of range: at most {}",
                    humantime::format_duration(value),
                    humantime::format_duration(max)
                );
            }
            Ok(())
        };
        within("auth.leeway (--leeway)", self.auth.leeway, MAX_LEEWAY)?;
        within(
            "limits.max_stream_lifetime (--max-stream-lifetime)",
            self.max_stream_lifetime,
            MAX_LIMIT,
        )?;
        within(
            "limits.idle_timeout (--idle-timeout)",
            self.idle_timeout,
            MAX_LIMIT,
        )?;
        if let Some(d) = self.max_deadline {
            within("limits.max_deadline", d, MAX_LIMIT)?;
        }
        let lifetime = self.auth.max_token_lifetime;
        within(
            "auth.max_token_lifetime (--max-token-lifetime)",
            lifetime,
            MAX_LIMIT,
        )?;
        if lifetime < Duration::from_secs(1) {
            bail!("auth.max_token_lifetime (--max-token-lifetime) must be at least 1s");
        }
        if let Some(kept) = self.sub_revocation_retention {
            let horizon = lifetime + 2 * self.auth.leeway;
            if kept < horizon {
                bail!(
                    "revocation.sub_retention = {} is shorter than max_token_lifetime + 2 x leeway ({}): a revoked subject's tokens would work again; raise it, or omit it to keep subject revocations until lifted",
                    humantime::format_duration(kept),
                    humantime::format_duration(horizon)
                );
            }
            within("revocation.sub_retention", kept, 10 * MAX_LIMIT)?;
        }
        self.state.validate()
    }

    pub(crate) fn resolve(&self) -> anyhow::Result<Resolved> {
        self.validate()?;
        let (auth, dev_secret) = if self.dev {
            let secret = self.dev_secret_from_env().unwrap_or_else(random_secret);
            let auth = AuthConfig {
                keys: vec![KeyConfig::hs256_secret(secret.clone())],
                issuer: Some(DEV_ISSUER.into()),
                audience: Some(DEV_AUDIENCE.into()),
                leeway: self.auth.leeway,
                max_token_lifetime: self.auth.max_token_lifetime,
                ..AuthConfig::default()
            };
            (auth, Some(secret))
        } else {
            if !self.auth.has_verifier() {
                bail!("{NO_VERIFIER}");
            }
            let mut auth = self.auth.clone();
            audience_from_resource(&mut auth, self.oauth.as_ref());
            (auth, None)
        };
        let admin_token = match (&self.admin_token, self.dev) {
            (Some(t), _) if !t.is_empty() => t.clone(),
            (_, true) => random_secret(),
            _ => bail!(
                "no admin token: set admin_token or admin_token_env in the config file (the admin API requires one)"
            ),
        };
        let authenticator = Authenticator::new(auth).with_context(|| {
            if self.dev {
                format!("loading the dev key (env {DEV_SECRET_ENV})")
            } else {
                "loading verification keys ([[auth.keys]])".to_string()
            }
        })?;
        Ok(Resolved {
            auth: authenticator,
            admin_token,
            dev_secret,
        })
    }

    /// The guard of this config, its state where `[state]` says (see [`crate::state`]).
    pub(crate) async fn guard(&self, auth: Authenticator) -> anyhow::Result<Guard> {
        crate::state::build_guard(self.guard_config(), auth, Default::default(), &self.state).await
    }

    /// The guard settings of this config.
    pub fn guard_config(&self) -> GuardConfig {
        let mut g = GuardConfig {
            disabled: self.disabled.clone(),
            on_deny: self.on_deny,
            messages_per_minute: self.messages_per_minute,
            burst: self.burst,
            max_streams_per_identity: self.max_streams_per_identity,
            identity_claim: self.identity_claim.clone(),
            max_stream_lifetime: self.max_stream_lifetime,
            idle_timeout: self.idle_timeout,
            max_deadline: self.max_deadline,
            sub_revocation_retention: self.sub_revocation_retention,
            message_limits: MessageLimits {
                per_method: crate::MESSAGE_CAPS
                    .iter()
                    .map(|(method, cap)| (method.to_string(), *cap))
                    .collect(),
                max_buffered_per_identity: self.max_buffered_bytes_per_identity,
                ..MessageLimits::default()
            },
            protected_resource: self.oauth.clone(),
            ..GuardConfig::default()
        };
        self.state.apply(&mut g);
        g
    }

    /// Reads a TOML config file over the defaults.
    pub fn from_file(path: &Path) -> anyhow::Result<ServeConfig> {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read config file {}", path.display()))?;
        let file: FileConfig = toml::from_str(&text)
            .with_context(|| format!("invalid config file {}", path.display()))?;
        file.into_config(path.parent().unwrap_or(Path::new(".")))
            .with_context(|| format!("in config file {}", path.display()))
    }
}

/// RFC 8707: with a resource identifier configured and no audience, tokens must be issued for
/// this resource — audience validation is on by default.
pub fn audience_from_resource(auth: &mut AuthConfig, resource: Option<&ProtectedResource>) {
    if auth.audience.is_none()
        && let Some(r) = resource
    {
        auth.audience = Some(r.resource().to_string());
    }
}

fn random_secret() -> String {
    use base64::Engine;
    let bytes: [u8; 32] = rand::random();
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileConfig {
    listen: Option<SocketAddr>,
    admin_listen: Option<SocketAddr>,
    admin_token: Option<String>,
    admin_token_env: Option<String>,
    backend: Option<String>,
    #[serde(default)]
    disable: Vec<String>,
    #[serde(default)]
    auth: AuthSection,
    #[serde(default)]
    limits: LimitsSection,
    #[serde(default)]
    policy: PolicySection,
    #[serde(default)]
    revocation: RevocationSection,
    #[serde(default)]
    server: ServerSection,
    #[serde(default)]
    state: StateSection,
    #[serde(default)]
    tls: TlsSection,
    #[serde(default)]
    oauth: OAuthSection,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RevocationSection {
    sub_retention: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuthSection {
    issuer: Option<String>,
    audience: Option<String>,
    leeway: Option<String>,
    max_token_lifetime: Option<String>,
    #[serde(default)]
    discovery: bool,
    ca_file: Option<PathBuf>,
    #[serde(default)]
    keys: Vec<KeySection>,
    introspection: Option<IntrospectionSection>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IntrospectionSection {
    url: Option<String>,
    client_id: String,
    client_secret: Option<String>,
    client_secret_env: Option<String>,
    recheck: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeySection {
    algorithm: String,
    kid: Option<String>,
    secret: Option<String>,
    secret_env: Option<String>,
    pem_file: Option<PathBuf>,
    jwks_file: Option<PathBuf>,
    jwks_url: Option<String>,
    jwks_ttl: Option<String>,
    ca_file: Option<PathBuf>,
    #[serde(default)]
    allow_weak_secret: bool,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LimitsSection {
    messages_per_minute: Option<u32>,
    burst: Option<u32>,
    max_streams_per_identity: Option<u32>,
    identity_claim: Option<String>,
    max_stream_lifetime: Option<String>,
    idle_timeout: Option<String>,
    max_deadline: Option<String>,
    max_buffered_bytes_per_identity: Option<u64>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PolicySection {
    on_deny: Option<String>,
}

/// `[auth]`, `[limits]` and `[policy]` read exactly as `serve` reads them, for other commands
/// that share those sections (the gateway); relative key paths resolve against `base`.
pub fn guard_sections(
    auth: AuthSection,
    limits: LimitsSection,
    policy: PolicySection,
    base: &Path,
) -> anyhow::Result<(AuthConfig, GuardConfig)> {
    let c = FileConfig {
        auth,
        limits,
        policy,
        ..FileConfig::default()
    }
    .into_config(base)?;
    let guard = c.guard_config();
    Ok((c.auth, guard))
}

/// `[tls]` of `serve` and `gateway`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TlsSection {
    cert_file: Option<PathBuf>,
    key_file: Option<PathBuf>,
    client_ca_file: Option<PathBuf>,
    watch_interval: Option<String>,
}

/// The shortest interval between checks of the TLS files.
const MIN_TLS_WATCH_INTERVAL: Duration = Duration::from_millis(100);

impl TlsSection {
    /// The TLS settings (relative paths resolved against `base`, the config file's directory);
    /// `None` when the section is absent. The files themselves are read at start-up.
    pub fn resolve(self, base: &Path) -> anyhow::Result<Option<TlsConfig>> {
        let path = |p: PathBuf| if p.is_absolute() { p } else { base.join(p) };
        let tls = tls_config(
            self.cert_file.map(path),
            self.key_file.map(path),
            self.client_ca_file.map(path),
            None,
        )?;
        let Some(v) = self.watch_interval else {
            return Ok(tls);
        };
        let Some(mut tls) = tls else {
            bail!("tls.watch_interval needs tls.cert_file and tls.key_file");
        };
        tls.watch_interval = match v.as_str() {
            "off" => None,
            v => {
                let d = parse_duration("tls.watch_interval", v)?;
                if !(MIN_TLS_WATCH_INTERVAL..=MAX_LIMIT).contains(&d) {
                    bail!(
                        "tls.watch_interval = {v:?} is out of range: between 100ms and 365d, or \"off\""
                    );
                }
                Some(d)
            }
        };
        Ok(Some(tls))
    }
}

/// The TLS settings of `[tls]` (`config`) with the `--tls-*` flags over its files; the error
/// names the key or flag that is missing.
pub fn tls_config(
    cert: Option<PathBuf>,
    key: Option<PathBuf>,
    client_ca: Option<PathBuf>,
    config: Option<TlsConfig>,
) -> anyhow::Result<Option<TlsConfig>> {
    let watch_interval = config
        .as_ref()
        .map_or(Some(DEFAULT_TLS_WATCH_INTERVAL), |c| c.watch_interval);
    let files = config.map(|c| c.files);
    let cert = cert.or_else(|| files.as_ref().map(|c| c.cert_file.clone()));
    let key = key.or_else(|| files.as_ref().map(|c| c.key_file.clone()));
    let client_ca = client_ca.or_else(|| files.and_then(|c| c.client_ca_file));
    match (cert, key) {
        (Some(cert), Some(key)) => {
            let files = TlsFiles::new(cert, key);
            let files = match client_ca {
                Some(ca) => files.with_client_ca(ca),
                None => files,
            };
            Ok(Some(TlsConfig {
                files,
                watch_interval,
            }))
        }
        (None, None) if client_ca.is_none() => Ok(None),
        (None, None) => bail!(
            "tls.client_ca_file (--tls-client-ca) needs TLS: set tls.cert_file and tls.key_file (--tls-cert, --tls-key)"
        ),
        (Some(_), None) => bail!(
            "tls.key_file (--tls-key) is missing: the certificate in tls.cert_file needs its private key"
        ),
        (None, Some(_)) => bail!(
            "tls.cert_file (--tls-cert) is missing: tls.key_file needs the certificate it belongs to"
        ),
    }
}

/// `[oauth]` of `serve` and `gateway`: the server as an OAuth protected resource (RFC 9728).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OAuthSection {
    resource: Option<String>,
    #[serde(default)]
    authorization_servers: Vec<String>,
    #[serde(default)]
    scopes_supported: Vec<String>,
}

impl OAuthSection {
    /// The protected resource; `None` when the section is absent. Errors name the key.
    pub fn resolve(self) -> anyhow::Result<Option<ProtectedResource>> {
        let Some(resource) = self.resource else {
            if self.authorization_servers.is_empty() && self.scopes_supported.is_empty() {
                return Ok(None);
            }
            bail!(
                "oauth.resource is missing: set it to this server's URL as clients reach it, e.g. \"https://mcp.example.com\""
            );
        };
        if self.authorization_servers.is_empty() {
            bail!(
                "oauth.authorization_servers is empty: list the issuer URL(s) clients get tokens from (MCP clients read it from the metadata document)"
            );
        }
        let oauth =
            |e: streamguard::protected_resource::InvalidResource| anyhow::anyhow!("oauth.{e}");
        let r = ProtectedResource::new(resource)
            .map_err(oauth)?
            .with_authorization_servers(self.authorization_servers)
            .map_err(oauth)?
            .with_scopes_supported(self.scopes_supported)
            .map_err(oauth)?;
        Ok(Some(r))
    }
}

/// `[server]` of `serve` and `gateway`: the network edge's limits.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServerSection {
    max_connections: Option<usize>,
    handshake_timeout: Option<String>,
    keepalive_interval: Option<String>,
    keepalive_timeout: Option<String>,
    connection_idle_timeout: Option<String>,
    max_concurrent_streams: Option<u32>,
    max_pending_accept_reset_streams: Option<usize>,
    max_local_error_reset_streams: Option<usize>,
    max_header_list_size: Option<u32>,
    stream_window: Option<u32>,
    connection_window: Option<u32>,
    max_send_buffer: Option<usize>,
    drain_period: Option<String>,
    public_max_streams: Option<usize>,
    public_max_streams_per_connection: Option<u32>,
    public_max_lifetime: Option<String>,
}

impl ServerSection {
    /// Sets the keys present over `e` and checks the result; errors name the key.
    pub fn apply(self, e: &mut EdgeConfig) -> anyhow::Result<()> {
        let duration = |key: &str, v: Option<String>, into: &mut Duration| {
            if let Some(v) = v {
                *into = parse_duration(&format!("server.{key}"), &v)?;
            }
            anyhow::Ok(())
        };
        duration(
            "handshake_timeout",
            self.handshake_timeout,
            &mut e.handshake_timeout,
        )?;
        duration(
            "keepalive_timeout",
            self.keepalive_timeout,
            &mut e.keepalive_timeout,
        )?;
        duration(
            "connection_idle_timeout",
            self.connection_idle_timeout,
            &mut e.connection_idle_timeout,
        )?;
        duration("drain_period", self.drain_period, &mut e.drain_period)?;
        duration(
            "public_max_lifetime",
            self.public_max_lifetime,
            &mut e.public.max_lifetime,
        )?;
        match self.keepalive_interval.as_deref() {
            None => {}
            Some("off") => e.keepalive_interval = None,
            Some(v) => e.keepalive_interval = Some(parse_duration("server.keepalive_interval", v)?),
        }
        fn set<T>(v: Option<T>, into: &mut T) {
            if let Some(v) = v {
                *into = v;
            }
        }
        set(self.max_connections, &mut e.max_connections);
        set(self.max_concurrent_streams, &mut e.max_concurrent_streams);
        set(
            self.max_pending_accept_reset_streams,
            &mut e.max_pending_accept_reset_streams,
        );
        set(
            self.max_local_error_reset_streams,
            &mut e.max_local_error_reset_streams,
        );
        set(self.max_header_list_size, &mut e.max_header_list_size);
        set(self.stream_window, &mut e.stream_window);
        set(self.connection_window, &mut e.connection_window);
        set(self.max_send_buffer, &mut e.max_send_buffer);
        set(self.public_max_streams, &mut e.public.max_streams);
        set(
            self.public_max_streams_per_connection,
            &mut e.public.max_streams_per_connection,
        );
        e.validate().map_err(|err| anyhow::anyhow!("server.{err}"))
    }
}

/// Parses a duration such as `30m`, `2s`, `500ms`, naming the key on error.
pub fn parse_duration(key: &str, text: &str) -> anyhow::Result<Duration> {
    humantime::parse_duration(text).with_context(|| {
        format!("{key} = {text:?} is not a duration; write e.g. \"30s\", \"5m\", \"500ms\"")
    })
}

/// Parses a `--disable` / `disable` control name.
pub fn parse_control(name: &str) -> anyhow::Result<Control> {
    Control::parse(name).with_context(|| {
        let all: Vec<_> = Control::ALL.iter().map(|c| c.as_str()).collect();
        format!(
            "unknown control {name:?}; expected one of {}",
            all.join(", ")
        )
    })
}

fn parse_algorithm(text: &str) -> anyhow::Result<Algorithm> {
    match text {
        "HS256" => Ok(Algorithm::HS256),
        "RS256" => Ok(Algorithm::RS256),
        "ES256" => Ok(Algorithm::ES256),
        "EdDSA" => Ok(Algorithm::EdDSA),
        _ => bail!("auth.keys.algorithm = {text:?}: expected HS256, RS256, ES256 or EdDSA"),
    }
}

impl FileConfig {
    fn into_config(self, base: &Path) -> anyhow::Result<ServeConfig> {
        let mut c = ServeConfig::default();
        if let Some(v) = self.listen {
            c.listen = v;
        }
        if let Some(v) = self.admin_listen {
            c.admin_listen = v;
        }
        c.admin_token = match (self.admin_token, self.admin_token_env) {
            (Some(t), _) => Some(t),
            (None, Some(var)) => Some(std::env::var(&var).with_context(|| {
                format!("admin_token_env names {var}, which is not set in the environment")
            })?),
            (None, None) => None,
        };
        c.backend = self.backend;
        c.disabled = self
            .disable
            .iter()
            .map(|d| parse_control(d))
            .collect::<anyhow::Result<_>>()?;
        c.auth.issuer = self.auth.issuer;
        c.auth.audience = self.auth.audience;
        if let Some(l) = &self.auth.leeway {
            c.auth.leeway = parse_duration("auth.leeway", l)?;
        }
        if let Some(l) = &self.auth.max_token_lifetime {
            c.auth.max_token_lifetime = parse_duration("auth.max_token_lifetime", l)?;
        }
        if let Some(r) = &self.revocation.sub_retention {
            c.sub_revocation_retention = Some(parse_duration("revocation.sub_retention", r)?);
        }
        let path = |p: PathBuf| if p.is_absolute() { p } else { base.join(p) };
        c.auth.discovery = self.auth.discovery;
        c.auth.ca_file = self.auth.ca_file.map(path);
        if let Some(i) = self.auth.introspection {
            c.auth.introspection = Some(IntrospectionConfig {
                url: i.url,
                client_id: i.client_id,
                client_secret: match (i.client_secret, i.client_secret_env) {
                    (Some(s), None) => ClientSecret::Inline(s),
                    (None, Some(var)) => ClientSecret::Env(var),
                    _ => bail!(
                        "[auth.introspection] needs exactly one of client_secret, client_secret_env"
                    ),
                },
                recheck: match &i.recheck {
                    Some(r) => parse_duration("auth.introspection.recheck", r)?,
                    None => streamguard::auth::introspection::DEFAULT_RECHECK,
                },
            });
        }
        for k in self.auth.keys {
            let algorithm = parse_algorithm(&k.algorithm)?;
            if k.ca_file.is_some() && k.jwks_url.is_none() {
                bail!("auth.keys.ca_file applies to jwks_url keys only");
            }
            let source = match (k.secret, k.secret_env, k.pem_file, k.jwks_file, k.jwks_url) {
                (Some(s), None, None, None, None) => KeySource::Secret(s),
                (None, Some(e), None, None, None) => KeySource::SecretEnv(e),
                (None, None, Some(p), None, None) => KeySource::PemFile(path(p)),
                (None, None, None, Some(p), None) => KeySource::JwksFile(path(p)),
                (None, None, None, None, Some(url)) => KeySource::JwksUrl {
                    url,
                    ttl: match &k.jwks_ttl {
                        Some(t) => parse_duration("auth.keys.jwks_ttl", t)?,
                        None => Duration::from_secs(300),
                    },
                    ca_file: k.ca_file.map(path),
                },
                _ => bail!(
                    "each [[auth.keys]] needs exactly one of secret, secret_env, pem_file, jwks_file, jwks_url"
                ),
            };
            if k.allow_weak_secret && algorithm != Algorithm::HS256 {
                bail!("auth.keys.allow_weak_secret applies to HS256 secrets only");
            }
            c.auth.keys.push(KeyConfig {
                algorithm,
                source,
                kid: k.kid,
                allow_weak_secret: k.allow_weak_secret,
            });
        }
        let l = self.limits;
        c.messages_per_minute = l.messages_per_minute.unwrap_or(c.messages_per_minute);
        c.burst = l.burst.unwrap_or(c.burst);
        c.max_streams_per_identity = l
            .max_streams_per_identity
            .unwrap_or(c.max_streams_per_identity);
        c.identity_claim = l.identity_claim;
        if let Some(v) = &l.max_stream_lifetime {
            c.max_stream_lifetime = parse_duration("limits.max_stream_lifetime", v)?;
        }
        if let Some(v) = &l.idle_timeout {
            c.idle_timeout = parse_duration("limits.idle_timeout", v)?;
        }
        if let Some(v) = &l.max_deadline {
            c.max_deadline = Some(parse_duration("limits.max_deadline", v)?);
        }
        c.max_buffered_bytes_per_identity = l
            .max_buffered_bytes_per_identity
            .unwrap_or(c.max_buffered_bytes_per_identity);
        c.on_deny = match self.policy.on_deny.as_deref() {
            None | Some("reply") => OnDeny::Reply,
            Some("end") => OnDeny::End,
            Some(other) => bail!("policy.on_deny = {other:?}: expected \"reply\" or \"end\""),
        };
        self.server.apply(&mut c.server)?;
        c.state = self.state.into_config()?;
        c.tls = self.tls.resolve(base)?;
        c.oauth = self.oauth.resolve()?;
        Ok(c)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> anyhow::Result<ServeConfig> {
        toml::from_str::<FileConfig>(text)?.into_config(Path::new("/etc/sg"))
    }

    #[test]
    fn a_full_config_file_parses() {
        let c = parse(
            r#"
            listen = "0.0.0.0:6000"
            admin_token = "t"
            disable = ["expiry", "per-message"]
            [auth]
            issuer = "i"
            audience = "a"
            leeway = "1s"
            [[auth.keys]]
            algorithm = "RS256"
            pem_file = "k.pem"
            [limits]
            messages_per_minute = 20
            max_stream_lifetime = "2s"
            [policy]
            on_deny = "end"
            "#,
        )
        .unwrap();
        assert_eq!(c.listen.port(), 6000);
        assert_eq!(c.disabled, [Control::Expiry, Control::PerMessage]);
        assert_eq!(c.auth.leeway, Duration::from_secs(1));
        assert!(
            matches!(&c.auth.keys[0].source, KeySource::PemFile(p) if p == Path::new("/etc/sg/k.pem"))
        );
        assert_eq!(c.messages_per_minute, 20);
        assert_eq!(c.max_stream_lifetime, Duration::from_secs(2));
        assert_eq!(c.on_deny, OnDeny::End);
    }

    #[test]
    fn identity_provider_settings_parse_with_paths_relative_to_the_file() {
        let c = parse(
            r#"
            [auth]
            issuer = "https://idp.example"
            discovery = true
            ca_file = "idp-ca.pem"
            [[auth.keys]]
            algorithm = "ES256"
            jwks_url = "https://other.example/jwks"
            ca_file = "/etc/ssl/other-ca.pem"
            [auth.introspection]
            client_id = "mcp"
            client_secret_env = "INTROSPECTION_SECRET"
            recheck = "5s"
            "#,
        )
        .unwrap();
        assert!(c.auth.discovery);
        assert_eq!(
            c.auth.ca_file.as_deref(),
            Some(Path::new("/etc/sg/idp-ca.pem"))
        );
        assert!(matches!(
            &c.auth.keys[0].source,
            KeySource::JwksUrl { ca_file: Some(p), .. } if p == Path::new("/etc/ssl/other-ca.pem")
        ));
        let i = c.auth.introspection.as_ref().unwrap();
        assert_eq!(i.url, None);
        assert_eq!(i.client_id, "mcp");
        assert!(matches!(&i.client_secret, ClientSecret::Env(v) if v == "INTROSPECTION_SECRET"));
        assert_eq!(i.recheck, Duration::from_secs(5));
        let default =
            parse("[auth.introspection]\nclient_id = \"x\"\nclient_secret = \"y\"").unwrap();
        assert_eq!(
            default.auth.introspection.unwrap().recheck,
            Duration::from_secs(30)
        );
    }

    #[test]
    fn identity_provider_mistakes_are_refused_naming_the_key() {
        for (text, says) in [
            (
                "[auth.introspection]\nclient_id = \"x\"",
                "exactly one of client_secret, client_secret_env",
            ),
            (
                "[auth.introspection]\nclient_id = \"x\"\nclient_secret = \"y\"\nclient_secret_env = \"Z\"",
                "exactly one of client_secret, client_secret_env",
            ),
            (
                "[auth.introspection]\nclient_id = \"x\"\nclient_secret = \"y\"\nrecheck = \"often\"",
                "auth.introspection.recheck",
            ),
            (
                "[[auth.keys]]\nalgorithm = \"RS256\"\npem_file = \"k.pem\"\nca_file = \"ca.pem\"",
                "auth.keys.ca_file",
            ),
        ] {
            let e = parse(text).unwrap_err();
            assert!(format!("{e:#}").contains(says), "{text}: {e:#}");
        }
        let no_issuer = parse("admin_token = \"t\"\n[auth]\ndiscovery = true").unwrap();
        let e = no_issuer.resolve().err().unwrap();
        assert!(format!("{e:#}").contains("needs [auth] issuer"), "{e:#}");
        let nothing = parse("admin_token = \"t\"").unwrap();
        let e = nothing.resolve().err().unwrap();
        assert!(format!("{e:#}").contains("discovery = true"), "{e:#}");
    }

    #[test]
    fn config_errors_name_the_key() {
        let e = parse("[limits]\nidle_timeout = \"soon\"").unwrap_err();
        assert!(format!("{e:#}").contains("limits.idle_timeout"), "{e:#}");
        let e = parse("disable = [\"everything\"]").unwrap_err();
        assert!(format!("{e:#}").contains("unknown control"), "{e:#}");
        let e = parse("[[auth.keys]]\nalgorithm = \"none\"\nsecret = \"x\"").unwrap_err();
        assert!(format!("{e:#}").contains("HS256, RS256"), "{e:#}");
        assert!(parse("lisen = \"x\"").is_err(), "unknown keys are refused");
    }

    #[test]
    fn out_of_range_durations_are_refused_naming_the_key() {
        for (text, key) in [
            (
                "[limits]\nmax_stream_lifetime = \"400d\"",
                "limits.max_stream_lifetime",
            ),
            (
                "[limits]\nidle_timeout = \"100000000years\"",
                "limits.idle_timeout",
            ),
            (
                "[limits]\nmax_deadline = \"500000h\"",
                "limits.max_deadline",
            ),
            ("[auth]\nleeway = \"1h\"", "auth.leeway"),
            (
                "[auth]\nmax_token_lifetime = \"2years\"",
                "auth.max_token_lifetime",
            ),
            (
                "[revocation]\nsub_retention = \"1h\"",
                "revocation.sub_retention",
            ),
        ] {
            let e = parse(text).and_then(|c| c.validate()).unwrap_err();
            assert!(format!("{e:#}").contains(key), "{text}: {e:#}");
        }
        let ok = parse("[auth]\nmax_token_lifetime = \"1h\"\n[revocation]\nsub_retention = \"2h\"")
            .unwrap();
        ok.validate().unwrap();
        assert_eq!(ok.sub_revocation_retention, Some(Duration::from_secs(7200)));
    }

    #[test]
    fn a_weak_secret_is_allowed_only_when_said_so_on_the_key() {
        let c =
            parse("admin_token = \"t\"\n[[auth.keys]]\nalgorithm = \"HS256\"\nsecret = \"short\"")
                .unwrap();
        let e = c.resolve().err().unwrap();
        assert!(format!("{e:#}").contains("at least 32"), "{e:#}");
        let c = parse("admin_token = \"t\"\n[[auth.keys]]\nalgorithm = \"HS256\"\nsecret = \"short\"\nallow_weak_secret = true").unwrap();
        assert!(c.resolve().is_ok());
    }

    #[test]
    fn the_server_section_sets_the_network_edge() {
        let c = parse(
            r#"
            [server]
            max_connections = 10
            handshake_timeout = "2s"
            keepalive_interval = "off"
            connection_idle_timeout = "1m"
            max_concurrent_streams = 8
            drain_period = "0s"
            public_max_streams_per_connection = 2
            public_max_lifetime = "30s"
            "#,
        )
        .unwrap();
        let e = &c.server;
        assert_eq!(e.max_connections, 10);
        assert_eq!(e.handshake_timeout, Duration::from_secs(2));
        assert_eq!(e.keepalive_interval, None);
        assert_eq!(e.connection_idle_timeout, Duration::from_secs(60));
        assert_eq!(e.max_concurrent_streams, 8);
        assert_eq!(e.drain_period, Duration::ZERO);
        assert_eq!(e.public.max_streams_per_connection, 2);
        assert_eq!(e.public.max_lifetime, Duration::from_secs(30));
        assert_eq!(e.max_send_buffer, EdgeConfig::default().max_send_buffer);
    }

    #[test]
    fn tls_and_oauth_sections_parse_with_paths_relative_to_the_config_file() {
        let c = parse(
            r#"
            [tls]
            cert_file = "server.pem"
            key_file = "/abs/server.key"
            client_ca_file = "clients/ca.pem"
            watch_interval = "off"
            [oauth]
            resource = "https://mcp.example"
            authorization_servers = ["https://issuer.example"]
            scopes_supported = ["tools:echo"]
            "#,
        )
        .unwrap();
        let tls = c.tls.clone().unwrap();
        assert_eq!(tls.files.cert_file, Path::new("/etc/sg/server.pem"));
        assert_eq!(tls.files.key_file, Path::new("/abs/server.key"));
        assert_eq!(
            tls.files.client_ca_file.as_deref(),
            Some(Path::new("/etc/sg/clients/ca.pem"))
        );
        assert_eq!(tls.watch_interval, None);
        let oauth = c.oauth.clone().unwrap();
        assert_eq!(oauth.authorization_servers(), ["https://issuer.example"]);
        assert_eq!(oauth.scopes_supported(), ["tools:echo"]);
        assert_eq!(c.guard_config().protected_resource, Some(oauth));

        let c = parse("[tls]\ncert_file = \"c.pem\"\nkey_file = \"k.pem\"").unwrap();
        assert_eq!(
            c.tls.unwrap().watch_interval,
            Some(crate::listeners::DEFAULT_TLS_WATCH_INTERVAL)
        );
        let none = parse("").unwrap();
        assert!(none.tls.is_none() && none.oauth.is_none());
    }

    #[test]
    fn tls_and_oauth_errors_name_the_key() {
        let issuer = "authorization_servers = [\"https://issuer.example\"]";
        for (text, key) in [
            ("[tls]\ncert_file = \"c\"".to_string(), "tls.key_file"),
            ("[tls]\nkey_file = \"k\"".into(), "tls.cert_file"),
            (
                "[tls]\nclient_ca_file = \"ca\"".into(),
                "tls.client_ca_file",
            ),
            (
                "[tls]\ncert_file = \"c\"\nkey_file = \"k\"\nwatch_interval = \"10ms\"".into(),
                "tls.watch_interval",
            ),
            (
                "[tls]\nwatch_interval = \"1s\"".into(),
                "tls.watch_interval",
            ),
            (format!("[oauth]\n{issuer}"), "oauth.resource"),
            (
                "[oauth]\nresource = \"https://mcp.example\"".into(),
                "oauth.authorization_servers",
            ),
            (
                format!("[oauth]\nresource = \"http://mcp.example\"\n{issuer}"),
                "oauth.resource",
            ),
            (
                "[oauth]\nresource = \"https://mcp.example\"\nauthorization_servers = [\"issuer\"]"
                    .into(),
                "oauth.authorization_servers",
            ),
            (
                format!(
                    "[oauth]\nresource = \"https://mcp.example\"\n{issuer}\nscopes_supported = [\"a b\"]"
                ),
                "oauth.scopes_supported",
            ),
        ] {
            let e = parse(&text).unwrap_err();
            assert!(format!("{e:#}").contains(key), "{text}: {e:#}");
        }
        assert!(
            parse("[tls]\ncert = \"x\"").is_err(),
            "unknown keys are refused"
        );
    }

    #[test]
    fn the_resource_is_the_audience_unless_one_is_configured() {
        let base = r#"
            admin_token = "t"
            [[auth.keys]]
            algorithm = "HS256"
            secret = "0123456789abcdef0123456789abcdef"
            [oauth]
            resource = "https://mcp.example"
            authorization_servers = ["https://issuer.example"]
            "#;
        let audience = |text: &str| {
            let resolved = parse(text).unwrap().resolve().unwrap();
            resolved.auth.config().audience.clone()
        };
        assert_eq!(audience(base).as_deref(), Some("https://mcp.example"));
        let explicit = base.replace(
            "admin_token = \"t\"",
            "admin_token = \"t\"\n[auth]\naudience = \"mcp-tools\"",
        );
        assert_eq!(audience(&explicit).as_deref(), Some("mcp-tools"));
    }

    #[test]
    fn server_settings_out_of_range_name_their_key() {
        let e = parse("[server]\nmax_connections = 0").unwrap_err();
        assert!(format!("{e:#}").contains("server.max_connections"), "{e:#}");
        let e = parse("[server]\ndrain_period = \"later\"").unwrap_err();
        assert!(format!("{e:#}").contains("server.drain_period"), "{e:#}");
        let e = parse("[server]\nstream_window = 10").unwrap_err();
        assert!(format!("{e:#}").contains("server.stream_window"), "{e:#}");
    }
}
