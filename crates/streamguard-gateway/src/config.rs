//! Configuration of `streamguard gateway`: a TOML file (`--config`) and flags for the common keys.
//!
//! ```toml
//! listen = "0.0.0.0:50052"
//! admin_listen = "127.0.0.1:9091"
//! admin_token_env = "STREAMGUARD_ADMIN_TOKEN"   # or admin_token = "…"
//! upstream = "http://127.0.0.1:50051"          # h2c; or https:// with upstream_ca_file
//! upstream_ca_file = "upstream-ca.pem"          # CA of an https:// upstream (default: system roots)
//! upstream_server_name = "tools.internal"       # TLS name to verify (default: the URL's host)
//! upstream_connect_timeout = "5s"
//! upstream_keepalive = "20s"                    # HTTP/2 PING; a silent upstream fails its streams
//! max_message_size = "4MiB"                     # either direction; larger -> RESOURCE_EXHAUSTED
//! forward_client_token = false                  # true passes the client's token on (warned at start)
//!
//! [upstream_identity]                           # how the upstream learns who is calling
//! signing_key_env = "GATEWAY_UPSTREAM_KEY"      # HMAC-SHA256 key (>= 32 bytes) signing x-streamguard-*
//! token_audience = "acme-tools"                 # optional: send a short-lived HS256 token instead
//! token_issuer = "streamguard-gateway"
//! token_ttl = "60s"
//!
//! [auth]      # exactly as in `streamguard serve`
//! [limits]    # exactly as in `streamguard serve`
//! [policy]    # on_deny = "reply" | "end"
//! [state]     # exactly as in `streamguard serve`: redis = "redis://…" shares revocations and limits
//! [server]    # the network edge, exactly as in `streamguard serve` (limits, drain_period)
//! [tls]       # cert_file, key_file, client_ca_file: exactly as in `streamguard serve`
//! [oauth]     # resource, authorization_servers, scopes_supported: exactly as in `serve`
//!
//! [descriptors]                                 # message types, as in the probe config
//! source = "reflection"                         # or "protoset" (protoset = FILE) or "proto" (proto_files = [...])
//!
//! [[methods]]
//! method = "acme.tools.v1.ToolSession/Run"
//! tool = "tool"                  # field path of the tool name (or jsonrpc = "field" for JSON-RPC frames)
//! resource = ["target", "args_json#/path"]   # field paths, all must be owned
//! resource_owner = "res-{sub}-*" # owned when it matches with the caller's sub
//! request_id = "id"
//! deny_reply = '{"id": "{request_id}", "outcome": "DENIED"}'
//! outbound_resource = "target"   # responses about resources not owned are dropped
//! untyped = "allow"              # messages naming no tool: "allow" (default) or "deny"
//! [methods.scopes]
//! ping = "tools:ping"
//! ```

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{Context, bail};
use serde::Deserialize;
use streamguard::GuardConfig;
use streamguard::auth::{AuthConfig, KeyConfig};
use streamguard::protected_resource::ProtectedResource;
use streamguard_descriptors::DescriptorsConfig;
use streamguard_edge::EdgeConfig;
use streamguard_server::config::{
    AuthSection, DEV_AUDIENCE, DEV_ISSUER, DEV_SECRET_ENV, LimitsSection, OAuthSection,
    PolicySection, ServerSection, TlsSection, audience_from_resource, guard_sections,
    parse_duration,
};
use streamguard_server::listeners::TlsConfig;
use streamguard_server::state::{StateConfig, StateSection};

/// The default maximum size of one gRPC message in either direction.
pub const DEFAULT_MAX_MESSAGE_SIZE: usize = 4 * 1024 * 1024;
/// HMAC keys shorter than this are refused (RFC 2104 advises at least the hash length).
pub const MIN_KEY_BYTES: usize = 32;

/// Everything `streamguard gateway` needs.
#[derive(Debug, Clone)]
pub struct GatewayConfig {
    pub listen: SocketAddr,
    pub admin_listen: SocketAddr,
    pub admin_token: Option<String>,
    /// Dev mode: HS256 with the dev secret (env `STREAMGUARD_DEV_SECRET`, or random), issuer
    /// `streamguard-dev`, audience `streamguard`, random admin token — as `serve --dev`.
    pub dev: bool,
    pub dev_secret: Option<String>,
    pub upstream: UpstreamConfig,
    pub max_message_size: usize,
    pub forward_client_token: bool,
    pub identity: IdentityConfig,
    pub auth: AuthConfig,
    pub guard: GuardConfig,
    pub descriptors: DescriptorsConfig,
    pub methods: Vec<MethodConfig>,
    /// Where revocations and identity limits live (`[state]`, `--redis`).
    pub state: StateConfig,
    /// The network edge of the client-facing listener, as `serve`'s `[server]`.
    pub server: EdgeConfig,
    /// TLS on the client-facing and admin listeners; `None` serves cleartext.
    pub tls: Option<TlsConfig>,
    /// The gateway as an OAuth protected resource (`[oauth]`), as in `serve`.
    pub oauth: Option<ProtectedResource>,
}

/// Where the protected server listens.
#[derive(Debug, Clone)]
pub struct UpstreamConfig {
    /// `http://host:port` (HTTP/2 without TLS) or `https://host:port`.
    pub url: String,
    pub ca_file: Option<PathBuf>,
    pub server_name: Option<String>,
    pub connect_timeout: Duration,
    /// Interval of HTTP/2 PINGs to the upstream; a PING unanswered for as long fails the
    /// connection and its streams (`UNAVAILABLE`) instead of leaving them hanging.
    pub keepalive: Duration,
}

impl UpstreamConfig {
    pub fn new(url: impl Into<String>) -> Self {
        UpstreamConfig {
            url: url.into(),
            ca_file: None,
            server_name: None,
            connect_timeout: Duration::from_secs(5),
            keepalive: Duration::from_secs(20),
        }
    }
}

/// How the caller's identity reaches the upstream (the client's token never does, unless
/// `forward_client_token`).
#[derive(Debug, Clone, Default)]
pub struct IdentityConfig {
    /// HMAC-SHA256 key signing the `x-streamguard-*` headers (`x-streamguard-signature`).
    pub signing_key: Option<String>,
    /// Mint a short-lived HS256 token (signed with `signing_key`) for the upstream instead.
    pub token: Option<MintConfig>,
}

#[derive(Debug, Clone)]
pub struct MintConfig {
    pub audience: String,
    pub issuer: String,
    pub ttl: Duration,
}

/// Messages that name no tool (set-up, ping, notifications, replies to the server).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Untyped {
    #[default]
    Allow,
    Deny,
}

/// One `[[methods]]` entry: how the messages of one method are authorized.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MethodConfig {
    /// `pkg.Service/Method`.
    pub method: String,
    /// Field path of the tool name in each incoming message.
    pub tool: Option<String>,
    /// Field (bytes or string) holding MCP JSON-RPC text, instead of `tool`.
    pub jsonrpc: Option<String>,
    /// Field paths of the resources a message acts on (all must be owned); into JSON text with
    /// `field#/json/pointer`; for `jsonrpc`, `#/pointer` into each JSON-RPC message.
    #[serde(default)]
    pub resource: OneOrMany,
    /// Ownership pattern: `{sub}` is the caller's subject, `*` any text (e.g. `res-{sub}-*`).
    pub resource_owner: Option<String>,
    /// Scope needed to act on a resource in a message that names no tool.
    pub resource_scope: Option<String>,
    /// Field path of the request id, copied into a denial reply.
    pub request_id: Option<String>,
    /// JSON of the response sent for a denied message (`on_deny = "reply"`), in the method's
    /// response type; `{request_id}`, `{reason}` and `{subject}` are filled in.
    pub deny_reply: Option<String>,
    /// Field path of a resource in each response; responses about resources the caller does
    /// not own are dropped.
    pub outbound_resource: Option<String>,
    #[serde(default)]
    pub untyped: Untyped,
    /// Tool -> required scope; a tool not listed is denied.
    #[serde(default)]
    pub scopes: BTreeMap<String, String>,
}

/// A string or a list of strings.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(untagged)]
pub enum OneOrMany {
    #[default]
    None,
    One(String),
    Many(Vec<String>),
}

impl OneOrMany {
    pub fn to_vec(&self) -> Vec<String> {
        match self {
            OneOrMany::None => Vec::new(),
            OneOrMany::One(s) => vec![s.clone()],
            OneOrMany::Many(v) => v.clone(),
        }
    }
}

impl Default for GatewayConfig {
    fn default() -> Self {
        GatewayConfig {
            listen: ([127, 0, 0, 1], 50052).into(),
            admin_listen: ([127, 0, 0, 1], 9091).into(),
            admin_token: None,
            dev: false,
            dev_secret: None,
            upstream: UpstreamConfig::new(""),
            max_message_size: DEFAULT_MAX_MESSAGE_SIZE,
            forward_client_token: false,
            identity: IdentityConfig::default(),
            auth: AuthConfig::default(),
            guard: GuardConfig::default(),
            descriptors: DescriptorsConfig::default(),
            methods: Vec::new(),
            state: StateConfig::default(),
            server: EdgeConfig::default(),
            tls: None,
            oauth: None,
        }
    }
}

impl GatewayConfig {
    /// Reads a TOML config file over the defaults; errors name the key.
    pub fn from_file(path: &Path) -> anyhow::Result<GatewayConfig> {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read config file {}", path.display()))?;
        Self::from_toml(&text, path.parent().unwrap_or(Path::new(".")))
            .with_context(|| format!("in config file {}", path.display()))
    }

    /// Parses TOML text; relative paths resolve against `base`.
    pub fn from_toml(text: &str, base: &Path) -> anyhow::Result<GatewayConfig> {
        let file: FileConfig = toml::from_str(text).context("invalid TOML")?;
        file.into_config(base)
    }

    /// The verification settings in force (the dev ones in dev mode) and the dev secret.
    pub fn resolved_auth(&self) -> anyhow::Result<(AuthConfig, Option<String>)> {
        if self.dev {
            let secret = self
                .dev_secret
                .clone()
                .or_else(|| std::env::var(DEV_SECRET_ENV).ok().filter(|s| !s.is_empty()))
                .unwrap_or_else(random_secret);
            let auth = AuthConfig {
                keys: vec![KeyConfig::hs256_secret(secret.clone())],
                issuer: Some(DEV_ISSUER.into()),
                audience: Some(DEV_AUDIENCE.into()),
                leeway: self.auth.leeway,
                ..AuthConfig::default()
            };
            return Ok((auth, Some(secret)));
        }
        if !self.auth.has_verifier() {
            bail!("{}", streamguard_server::config::NO_VERIFIER);
        }
        let mut auth = self.auth.clone();
        audience_from_resource(&mut auth, self.oauth.as_ref());
        Ok((auth, None))
    }

    /// Checks what can be checked before start-up; errors name the key.
    pub fn validate(&self) -> anyhow::Result<()> {
        if self.upstream.url.is_empty() {
            bail!("upstream: missing; set upstream = \"http://HOST:PORT\" (or pass --upstream)");
        }
        crate::upstream::Target::parse(&self.upstream)?;
        if let Some(key) = &self.identity.signing_key
            && key.len() < MIN_KEY_BYTES
        {
            bail!(
                "upstream_identity.signing_key: {} bytes is too short; use at least {MIN_KEY_BYTES} random bytes",
                key.len()
            );
        }
        if self.identity.token.is_some() && self.identity.signing_key.is_none() {
            bail!(
                "upstream_identity.token_audience needs a key to sign the tokens: set upstream_identity.signing_key or signing_key_env"
            );
        }
        if self.max_message_size == 0 || self.max_message_size > u32::MAX as usize {
            bail!("max_message_size: must be between 1 byte and 4 GiB");
        }
        self.state.validate()
    }
}

/// A random secret for dev mode.
pub(crate) fn random_secret() -> String {
    format!(
        "{}{}",
        uuid::Uuid::new_v4().simple(),
        uuid::Uuid::new_v4().simple()
    )
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileConfig {
    listen: Option<SocketAddr>,
    admin_listen: Option<SocketAddr>,
    admin_token: Option<String>,
    admin_token_env: Option<String>,
    upstream: Option<String>,
    upstream_ca_file: Option<PathBuf>,
    upstream_server_name: Option<String>,
    upstream_connect_timeout: Option<String>,
    upstream_keepalive: Option<String>,
    max_message_size: Option<ByteSize>,
    forward_client_token: Option<bool>,
    #[serde(default)]
    upstream_identity: IdentitySection,
    #[serde(default)]
    auth: AuthSection,
    #[serde(default)]
    limits: LimitsSection,
    #[serde(default)]
    policy: PolicySection,
    #[serde(default)]
    descriptors: DescriptorsConfig,
    #[serde(default)]
    methods: Vec<MethodConfig>,
    #[serde(default)]
    state: StateSection,
    #[serde(default)]
    server: ServerSection,
    #[serde(default)]
    tls: TlsSection,
    #[serde(default)]
    oauth: OAuthSection,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct IdentitySection {
    signing_key: Option<String>,
    signing_key_env: Option<String>,
    token_audience: Option<String>,
    token_issuer: Option<String>,
    token_ttl: Option<String>,
}

/// A size in bytes: an integer, or text such as `"4MiB"`, `"512KiB"`.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum ByteSize {
    Bytes(u64),
    Text(String),
}

impl ByteSize {
    fn bytes(&self, key: &str) -> anyhow::Result<usize> {
        let n = match self {
            ByteSize::Bytes(n) => *n,
            ByteSize::Text(t) => {
                let t = t.trim();
                let (digits, mult) = [
                    ("GiB", 1u64 << 30),
                    ("MiB", 1 << 20),
                    ("KiB", 1 << 10),
                    ("B", 1),
                ]
                .iter()
                .find_map(|(suffix, m)| t.strip_suffix(suffix).map(|d| (d.trim(), *m)))
                .unwrap_or((t, 1));
                digits
                    .parse::<u64>()
                    .ok()
                    .and_then(|d| d.checked_mul(mult))
                    .with_context(|| {
                        format!("{key} = {t:?} is not a size; write e.g. 4194304 or \"4MiB\"")
                    })?
            }
        };
        usize::try_from(n).with_context(|| format!("{key} = {n} is too large"))
    }
}

fn env_secret(key: &str, var: &str) -> anyhow::Result<String> {
    std::env::var(var)
        .ok()
        .filter(|v| !v.is_empty())
        .with_context(|| format!("{key} names {var}, which is not set in the environment"))
}

impl FileConfig {
    fn into_config(self, base: &Path) -> anyhow::Result<GatewayConfig> {
        let mut c = GatewayConfig::default();
        let path = |p: PathBuf| if p.is_absolute() { p } else { base.join(p) };
        if let Some(v) = self.listen {
            c.listen = v;
        }
        if let Some(v) = self.admin_listen {
            c.admin_listen = v;
        }
        c.admin_token = match (self.admin_token, self.admin_token_env) {
            (Some(t), _) => Some(t),
            (None, Some(var)) => Some(env_secret("admin_token_env", &var)?),
            (None, None) => None,
        };
        if let Some(url) = self.upstream {
            c.upstream.url = url;
        }
        c.upstream.ca_file = self.upstream_ca_file.map(path);
        c.upstream.server_name = self.upstream_server_name;
        if let Some(t) = &self.upstream_connect_timeout {
            c.upstream.connect_timeout = parse_duration("upstream_connect_timeout", t)?;
        }
        if let Some(t) = &self.upstream_keepalive {
            c.upstream.keepalive = parse_duration("upstream_keepalive", t)?;
        }
        if let Some(size) = &self.max_message_size {
            c.max_message_size = size.bytes("max_message_size")?;
        }
        c.forward_client_token = self.forward_client_token.unwrap_or(false);

        let id = self.upstream_identity;
        c.identity.signing_key = match (id.signing_key, id.signing_key_env) {
            (Some(k), None) => Some(k),
            (None, Some(var)) => Some(env_secret("upstream_identity.signing_key_env", &var)?),
            (None, None) => None,
            (Some(_), Some(_)) => {
                bail!("upstream_identity: set signing_key or signing_key_env, not both")
            }
        };
        c.identity.token = match id.token_audience {
            Some(audience) => Some(MintConfig {
                audience,
                issuer: id
                    .token_issuer
                    .unwrap_or_else(|| "streamguard-gateway".into()),
                ttl: match &id.token_ttl {
                    Some(t) => parse_duration("upstream_identity.token_ttl", t)?,
                    None => Duration::from_secs(60),
                },
            }),
            None if id.token_issuer.is_some() || id.token_ttl.is_some() => bail!(
                "upstream_identity.token_audience: missing; token_issuer and token_ttl apply only to minted tokens"
            ),
            None => None,
        };

        let (auth, guard) = guard_sections(self.auth, self.limits, self.policy, base)?;
        c.auth = auth;
        c.guard = guard;
        c.descriptors = self.descriptors;
        c.descriptors.resolve_paths(base);
        c.descriptors
            .check("descriptors")
            .map_err(|e| anyhow::anyhow!(e))?;
        c.methods = self.methods;
        c.state = self.state.into_config()?;
        self.server.apply(&mut c.server)?;
        c.tls = self.tls.resolve(base)?;
        c.oauth = self.oauth.resolve()?;
        Ok(c)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use streamguard::OnDeny;

    fn parse(text: &str) -> anyhow::Result<GatewayConfig> {
        GatewayConfig::from_toml(text, Path::new("/etc/sg"))
    }

    #[test]
    fn the_acceptance_shaped_config_parses() {
        let c = parse(
            r#"
            listen = "127.0.0.1:7000"
            admin_token = "t"
            upstream = "http://127.0.0.1:7001"
            max_message_size = "1MiB"
            [auth]
            issuer = "i"
            [[auth.keys]]
            algorithm = "HS256"
            secret = "0123456789abcdef0123456789abcdef"
            [limits]
            messages_per_minute = 20
            burst = 20
            max_stream_lifetime = "4s"
            [policy]
            on_deny = "end"
            [descriptors]
            source = "proto"
            proto_files = ["tools.proto"]
            [[methods]]
            method = "acme.tools.v1.ToolSession/Run"
            tool = "tool"
            resource = ["a", "b#/c"]
            request_id = "id"
            deny_reply = '{"id": "{request_id}"}'
            [methods.scopes]
            ping = "tools:ping"
            "#,
        )
        .unwrap();
        assert_eq!(c.listen.port(), 7000);
        assert_eq!(c.max_message_size, 1 << 20);
        assert_eq!(c.guard.messages_per_minute, 20);
        assert_eq!(c.guard.max_stream_lifetime, Duration::from_secs(4));
        assert_eq!(c.guard.on_deny, OnDeny::End);
        assert_eq!(
            c.descriptors.proto_files,
            [PathBuf::from("/etc/sg/tools.proto")]
        );
        assert_eq!(c.methods[0].resource.to_vec(), ["a", "b#/c"]);
        assert_eq!(c.methods[0].scopes["ping"], "tools:ping");
        assert!(!c.forward_client_token);
        c.validate().unwrap();
    }

    #[test]
    fn the_state_section_is_read_as_in_serve() {
        let c = parse(
            "upstream = \"http://x:1\"\n[state]\nredis = \"redis://10.0.0.5:6379/0\"\non_state_unavailable = \"open\"",
        )
        .unwrap();
        c.validate().unwrap();
        assert_eq!(
            c.state.redis.as_ref().map(|r| r.url.as_str()),
            Some("redis://10.0.0.5:6379/0")
        );
        assert_eq!(
            c.state.on_unavailable,
            streamguard::OnStateUnavailable::Open
        );
        let e = parse("upstream = \"http://x:1\"\n[state]\nredis = \"http://x\"")
            .unwrap()
            .validate()
            .unwrap_err();
        assert!(format!("{e:#}").contains("state.redis"), "{e:#}");
    }

    #[test]
    fn server_tls_and_oauth_are_read_as_in_serve() {
        let c = parse(
            r#"
            upstream = "http://127.0.0.1:7001"
            [server]
            max_concurrent_streams = 8
            drain_period = "1s"
            [tls]
            cert_file = "gw.pem"
            key_file = "gw.key"
            [oauth]
            resource = "https://tools.example"
            authorization_servers = ["https://issuer.example"]
            "#,
        )
        .unwrap();
        assert_eq!(c.server.max_concurrent_streams, 8);
        assert_eq!(c.server.drain_period, Duration::from_secs(1));
        assert_eq!(
            c.tls.unwrap().files.cert_file,
            PathBuf::from("/etc/sg/gw.pem")
        );
        assert_eq!(c.oauth.unwrap().resource(), "https://tools.example");
        let e = parse("[server]\nmax_connections = 0").unwrap_err();
        assert!(format!("{e:#}").contains("server.max_connections"), "{e:#}");
        let e = parse("[tls]\ncert_file = \"gw.pem\"").unwrap_err();
        assert!(format!("{e:#}").contains("tls.key_file"), "{e:#}");
    }

    #[test]
    fn config_errors_name_the_key() {
        let e = parse("upstream_connect_timeout = \"soon\"").unwrap_err();
        assert!(
            format!("{e:#}").contains("upstream_connect_timeout"),
            "{e:#}"
        );
        let e = parse("max_message_size = \"lots\"").unwrap_err();
        assert!(format!("{e:#}").contains("max_message_size"), "{e:#}");
        let e = parse("[limits]\nidle_timeout = \"x\"").unwrap_err();
        assert!(format!("{e:#}").contains("limits.idle_timeout"), "{e:#}");
        let e = parse("[[methods]]\nmethod = \"a.B/C\"\ntol = \"x\"").unwrap_err();
        assert!(format!("{e:#}").contains("tol"), "{e:#}");
        let e = parse("[descriptors]\nsource = \"proto\"").unwrap_err();
        assert!(
            format!("{e:#}").contains("descriptors.proto_files"),
            "{e:#}"
        );
        let e = parse("upstream = \"http://x:1\"\n[upstream_identity]\nsigning_key = \"short\"")
            .unwrap()
            .validate()
            .unwrap_err();
        assert!(
            format!("{e:#}").contains("upstream_identity.signing_key"),
            "{e:#}"
        );
        let e = parse("upstream = \"ftp://x\"")
            .unwrap()
            .validate()
            .unwrap_err();
        assert!(format!("{e:#}").contains("upstream"), "{e:#}");
        let e = parse("").unwrap().validate().unwrap_err();
        assert!(format!("{e:#}").contains("upstream"), "{e:#}");
    }
}
