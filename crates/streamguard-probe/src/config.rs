//! The target config: everything the auditor knows about a target comes from here.
//!
//! Documented key by key, with a complete example, in `docs/audit-config.md`.

use std::{
    collections::BTreeMap,
    net::SocketAddr,
    path::{Path, PathBuf},
    time::Duration,
};

use serde::Deserialize;

/// A bad config: names the file, the key and what to do.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read the config {path}: {source}")]
    Read {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: {message}")]
    Parse { path: String, message: String },
    #[error("config key `{key}`: {message}")]
    Invalid { key: String, message: String },
}

impl From<streamguard_descriptors::DescriptorError> for ConfigError {
    fn from(e: streamguard_descriptors::DescriptorError) -> Self {
        use streamguard_descriptors::DescriptorError;
        match e {
            DescriptorError::Invalid { key, message } => Self::Invalid { key, message },
            // Only loading talks to the target; callers map this one to "unreachable" first.
            DescriptorError::Unreachable(message) => Self::invalid("descriptors.source", message),
        }
    }
}

impl ConfigError {
    pub(crate) fn invalid(key: impl Into<String>, message: impl Into<String>) -> Self {
        Self::Invalid {
            key: key.into(),
            message: message.into(),
        }
    }

    /// The config key the error is about, when there is one.
    pub fn key(&self) -> Option<&str> {
        match self {
            Self::Invalid { key, .. } => Some(key),
            _ => None,
        }
    }
}

/// The whole target config (`streamguard audit probe CONFIG`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProbeConfig {
    /// `http://host:port` (plaintext HTTP/2) or `https://host:port` (TLS).
    pub endpoint: String,
    /// Overrides the `:authority` (and TLS server name).
    #[serde(default)]
    pub authority: Option<String>,
    /// PEM file of the CA that signed the target's certificate (TLS); system roots otherwise.
    #[serde(default)]
    pub ca_file: Option<PathBuf>,
    /// Time allowed to connect to the target.
    #[serde(default = "defaults::connect_timeout", with = "duration")]
    pub connect_timeout: Duration,
    /// Extra metadata sent on every call.
    #[serde(default)]
    pub metadata: BTreeMap<String, String>,
    #[serde(default)]
    pub descriptors: DescriptorsConfig,
    /// Optional: without `[credentials.mint]` or `credentials.command` only the authentication
    /// probe runs (it builds its bad tokens itself).
    #[serde(default)]
    pub credentials: CredentialsConfig,
    #[serde(default)]
    pub revocation: Option<RevocationConfig>,
    #[serde(default)]
    pub canary: Option<CanaryConfig>,
    #[serde(default)]
    pub probes: ProbesConfig,
    /// Where the config was loaded from (for error messages and SARIF locations).
    #[serde(skip)]
    pub source: Option<ConfigSource>,
}

/// The file a config was read from and its text, to point findings at lines of it.
#[derive(Debug, Clone)]
pub struct ConfigSource {
    pub path: PathBuf,
    pub text: String,
}

pub use streamguard_descriptors::{DescriptorSource, DescriptorsConfig};

/// How the auditor gets tokens for its identities.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CredentialsConfig {
    /// Metadata key of the token.
    #[serde(default = "defaults::header")]
    pub header: String,
    /// Text before the token in that metadata value.
    #[serde(default = "defaults::prefix")]
    pub prefix: String,
    /// Each probe gets its own identity `<sub_prefix>-<probe>-<random>`.
    #[serde(default = "defaults::sub_prefix")]
    pub sub_prefix: String,
    #[serde(default)]
    pub mint: Option<MintConfig>,
    /// A shell command printing a token; `{sub}`, `{scopes}`, `{ttl_s}`, `{jti}` are replaced.
    /// It runs in the config file's directory.
    #[serde(default)]
    pub command: Option<String>,
}

impl Default for CredentialsConfig {
    fn default() -> Self {
        Self {
            header: defaults::header(),
            prefix: defaults::prefix(),
            sub_prefix: defaults::sub_prefix(),
            mint: None,
            command: None,
        }
    }
}

impl CredentialsConfig {
    /// Whether the auditor can get valid tokens (`mint` or `command`).
    pub fn given(&self) -> bool {
        self.mint.is_some() || self.command.is_some()
    }
}

/// Mint JWTs in-process.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MintConfig {
    /// HS256, HS384, HS512, RS256, RS384, RS512, PS256, ES256, ES384 or EdDSA.
    pub algorithm: String,
    #[serde(default)]
    pub secret: Option<String>,
    #[serde(default)]
    pub secret_env: Option<String>,
    /// A file holding the HMAC secret (surrounding whitespace is trimmed).
    #[serde(default)]
    pub secret_file: Option<PathBuf>,
    /// PEM private key (RSA, EC or Ed25519) for asymmetric algorithms.
    #[serde(default)]
    pub key_file: Option<PathBuf>,
    #[serde(default)]
    pub kid: Option<String>,
    #[serde(default)]
    pub iss: Option<String>,
    #[serde(default)]
    pub aud: Option<String>,
    /// Claim holding the scopes: `scope` (default), `scp` or `scopes`.
    #[serde(default = "defaults::scope_claim")]
    pub scope_claim: String,
    #[serde(default)]
    pub scope_format: ScopeFormat,
    #[serde(default)]
    pub extra_claims: serde_json::Map<String, serde_json::Value>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ScopeFormat {
    /// One space-delimited string (RFC 9068).
    #[default]
    String,
    /// A JSON array of strings.
    Array,
}

/// How to revoke a token on the target while a stream is live.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RevocationConfig {
    /// Revoke by `jti` (default) or by `sub`.
    #[serde(default)]
    pub by: RevokeBy,
    #[serde(default)]
    pub http: Option<HttpHook>,
    /// A shell command; `{jti}` and `{sub}` are replaced. Must exit 0. It runs in the config
    /// file's directory.
    #[serde(default)]
    pub command: Option<String>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RevokeBy {
    #[default]
    Jti,
    Sub,
}

/// An HTTP(S) request template; `{jti}` and `{sub}` are replaced in the URL, headers and body.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HttpHook {
    #[serde(default = "defaults::post")]
    pub method: String,
    /// `http://…` or `https://…`.
    pub url: String,
    #[serde(default)]
    pub headers: BTreeMap<String, String>,
    #[serde(default)]
    pub body: Option<String>,
    /// PEM of a CA trusted for an `https://` hook, beside the system roots.
    #[serde(default)]
    pub ca_file: Option<PathBuf>,
}

/// The downstream the auditor runs itself, to see what the target sends downstream.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CanaryConfig {
    pub listen: SocketAddr,
    /// The unary method it implements, e.g. `backend.v1.ToolBackend/Execute`.
    pub method: String,
    /// Its response (proto3 JSON mapping, or a TOML table); default: the empty message.
    #[serde(default)]
    pub response: Option<MessageSpec>,
    /// Where the canary's message types come from (default: the target's).
    #[serde(default)]
    pub descriptors: Option<DescriptorsConfig>,
    /// How long the canary holds a call the cancellation probe asked it to hold.
    #[serde(default = "defaults::max_hold", with = "duration")]
    pub max_hold: Duration,
}

/// A message written in the config: JSON text in the proto3 JSON mapping, or a TOML table of
/// the same shape. In a table, a table or array under a `string` or `bytes` field is encoded by
/// the auditor as JSON text (for fields that carry JSON, such as JSON-RPC frames). `{sub}`,
/// `{nonce}` and `{seq}` are replaced; in a table, the string `"{seq}"` alone becomes a number.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum MessageSpec {
    Json(String),
    Table(serde_json::Map<String, serde_json::Value>),
}

impl From<&str> for MessageSpec {
    fn from(json: &str) -> Self {
        Self::Json(json.into())
    }
}

impl Default for MessageSpec {
    fn default() -> Self {
        Self::Json("{}".into())
    }
}

/// One probe per section; a probe without a section is `not_tested`, except authentication,
/// which runs unless switched off.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProbesConfig {
    /// F1: streams opened with no token, a bad signature, an expired token, another audience
    /// and `alg: none` must be refused.
    pub authentication: Option<AuthenticationProbe>,
    /// F1: data after the token expired.
    pub expiry: Option<ExpiryProbe>,
    /// F1: data after the token was revoked (needs `[revocation]`).
    pub revocation: Option<RevocationProbe>,
    /// F2: a forbidden message on an authorized bidi stream.
    pub per_message: Option<PerMessageProbe>,
    /// F3: the deadline the downstream sees (needs `[canary]`).
    pub deadline: Option<DeadlineProbe>,
    /// F4: downstream work after the client cancelled (needs `[canary]`).
    pub cancellation: Option<CancellationProbe>,
    /// F5: the rate limit after reconnecting.
    pub rate_limit: Option<RateLimitProbe>,
    /// F6: how long a stream may live.
    pub lifetime: Option<LifetimeProbe>,
}

/// A call the probe makes: method, request JSON and the scopes its token gets.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CallSpec {
    /// `package.Service/Method`.
    pub method: String,
    /// The request (or first message); `{sub}`, `{nonce}` and `{seq}` are replaced.
    #[serde(default)]
    pub request: MessageSpec,
    #[serde(default)]
    pub scopes: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuthenticationProbe {
    /// `false` switches the probe off.
    #[serde(default = "defaults::yes")]
    pub enabled: bool,
    /// The streams to open (method and first message); default: every streaming method another
    /// probe section names, with that section's request.
    #[serde(default)]
    pub calls: Vec<CallSpec>,
    /// How long each stream is watched for data or a refusal.
    #[serde(default = "defaults::auth_observe", with = "duration")]
    pub observe: Duration,
    /// A first message matching it is a refusal, not data (overrides the denial heuristics).
    #[serde(default)]
    pub denial: Option<Matcher>,
}

impl Default for AuthenticationProbe {
    fn default() -> Self {
        Self {
            enabled: true,
            calls: Vec::new(),
            observe: defaults::auth_observe(),
            denial: None,
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExpiryProbe {
    #[serde(flatten)]
    pub call: CallSpec,
    #[serde(default = "defaults::token_ttl", with = "duration")]
    pub token_ttl: Duration,
    /// Data is tolerated up to `exp` + this.
    #[serde(default = "defaults::tolerance", with = "duration")]
    pub tolerance: Duration,
    /// How long to keep watching after the tolerance to measure how long data keeps flowing.
    #[serde(default = "defaults::observe", with = "duration")]
    pub observe: Duration,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RevocationProbe {
    #[serde(flatten)]
    pub call: CallSpec,
    /// Stream time before revoking.
    #[serde(default = "defaults::revoke_after", with = "duration")]
    pub revoke_after: Duration,
    #[serde(default = "defaults::tolerance", with = "duration")]
    pub tolerance: Duration,
    #[serde(default = "defaults::observe", with = "duration")]
    pub observe: Duration,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PerMessageProbe {
    /// A bidirectional (or client-streaming) method.
    pub method: String,
    /// The scopes the token gets: those the allowed message needs, not the forbidden one.
    #[serde(default)]
    pub scopes: Vec<String>,
    /// A message the scopes cover.
    pub allowed: MessageSpec,
    /// A message they do not cover. Put `{nonce}` in a field the target forwards
    /// downstream so the canary can tell whether it was executed.
    pub forbidden: MessageSpec,
    /// The scopes of the control stream, on which the forbidden message must succeed for a
    /// refusal on the narrow token to count; default: every scope named in the config.
    #[serde(default)]
    pub control_scopes: Option<Vec<String>>,
    /// How long to wait for each answer.
    #[serde(default = "defaults::response_timeout", with = "duration")]
    pub response_timeout: Duration,
    /// Overrides the denial heuristics.
    #[serde(default)]
    pub denial: Option<Matcher>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeadlineProbe {
    #[serde(flatten)]
    pub call: CallSpec,
    /// The client deadline.
    #[serde(default = "defaults::deadline", with = "duration")]
    pub deadline: Duration,
    /// Allowance for the time between the target sending and the canary receiving.
    #[serde(default = "defaults::slack", with = "duration")]
    pub slack: Duration,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CancellationProbe {
    #[serde(flatten)]
    pub call: CallSpec,
    #[serde(default = "defaults::tolerance", with = "duration")]
    pub tolerance: Duration,
    /// How long to wait for the call to reach the canary.
    #[serde(default = "defaults::reach_timeout", with = "duration")]
    pub reach_timeout: Duration,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RateLimitProbe {
    /// A bidirectional or client-streaming method (or server-streaming: one stream per message).
    pub method: String,
    /// The message sent over and over; `{nonce}` and `{seq}` differ per message.
    pub message: MessageSpec,
    #[serde(default)]
    pub scopes: Vec<String>,
    /// The scopes of the fresh control identity on which the message must succeed for the
    /// "limited" answers to count; default: every scope named in the config.
    #[serde(default)]
    pub control_scopes: Option<Vec<String>>,
    /// Give up looking for a limit after this many messages…
    #[serde(default = "defaults::max_messages")]
    pub max_messages: u32,
    /// …or after this long.
    #[serde(default = "defaults::max_duration", with = "duration")]
    pub max_duration: Duration,
    #[serde(default = "defaults::response_timeout", with = "duration")]
    pub response_timeout: Duration,
    /// Overrides the rate-limit heuristics (status `RESOURCE_EXHAUSTED` or a field saying so).
    #[serde(default)]
    pub limited: Option<Matcher>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LifetimeProbe {
    #[serde(flatten)]
    pub call: CallSpec,
    #[serde(default = "defaults::max_acceptable_lifetime", with = "duration")]
    pub max_acceptable_lifetime: Duration,
}

/// Judges a response message: the value at `field` (dotted path over the proto field names of
/// the message as JSON) is one of `equals`, or, with `equals` empty, is present and non-empty.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Matcher {
    pub field: String,
    #[serde(default)]
    pub equals: Vec<serde_json::Value>,
}

impl ProbeConfig {
    /// Reads and checks a TOML config file. Relative paths in it are relative to its directory.
    pub fn load(path: impl AsRef<Path>) -> Result<Self, ConfigError> {
        let path = path.as_ref();
        let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
            path: path.display().to_string(),
            source,
        })?;
        let mut config = Self::parse(&text).map_err(|e| match e {
            ConfigError::Parse { message, .. } => ConfigError::Parse {
                path: path.display().to_string(),
                message,
            },
            other => other,
        })?;
        config.source = Some(ConfigSource {
            path: path.to_path_buf(),
            text,
        });
        if let Some(dir) = path.parent() {
            config.resolve_paths(dir);
        }
        config.check()?;
        Ok(config)
    }

    /// Parses and checks a TOML config.
    pub fn from_toml(text: &str) -> Result<Self, ConfigError> {
        let config = Self::parse(text)?;
        config.check()?;
        Ok(config)
    }

    fn parse(text: &str) -> Result<Self, ConfigError> {
        toml::from_str(text).map_err(|e| ConfigError::Parse {
            path: "config".into(),
            message: e.to_string().trim_end().to_string(),
        })
    }

    fn resolve_paths(&mut self, dir: &Path) {
        let fix = |p: &mut PathBuf| {
            if p.is_relative() {
                *p = dir.join(&*p);
            }
        };
        if let Some(p) = &mut self.ca_file {
            fix(p);
        }
        self.descriptors.resolve_paths(dir);
        if let Some(d) = self.canary.as_mut().and_then(|c| c.descriptors.as_mut()) {
            d.resolve_paths(dir);
        }
        if let Some(m) = self.credentials.mint.as_mut() {
            m.key_file.as_mut().map(fix);
            m.secret_file.as_mut().map(fix);
        }
        if let Some(hook) = self.revocation.as_mut().and_then(|r| r.http.as_mut()) {
            hook.ca_file.as_mut().map(fix);
        }
    }

    /// The directory commands run in and relative paths start from: the config file's.
    pub fn base_dir(&self) -> Option<&Path> {
        self.source
            .as_ref()
            .and_then(|s| s.path.parent())
            .filter(|d| !d.as_os_str().is_empty())
    }

    /// Every scope any probe section names: the default scopes of control streams.
    pub fn all_scopes(&self) -> Vec<String> {
        let p = &self.probes;
        let mut all: Vec<String> = [
            p.expiry.as_ref().map(|c| &c.call.scopes),
            p.revocation.as_ref().map(|c| &c.call.scopes),
            p.per_message.as_ref().map(|c| &c.scopes),
            p.per_message
                .as_ref()
                .and_then(|c| c.control_scopes.as_ref()),
            p.deadline.as_ref().map(|c| &c.call.scopes),
            p.cancellation.as_ref().map(|c| &c.call.scopes),
            p.rate_limit.as_ref().map(|c| &c.scopes),
            p.rate_limit
                .as_ref()
                .and_then(|c| c.control_scopes.as_ref()),
            p.lifetime.as_ref().map(|c| &c.call.scopes),
        ]
        .into_iter()
        .flatten()
        .chain(
            p.authentication
                .iter()
                .flat_map(|a| a.calls.iter().map(|c| &c.scopes)),
        )
        .flatten()
        .cloned()
        .collect();
        all.sort();
        all.dedup();
        all
    }

    /// Checks what can be checked without the target: shapes, exclusive keys, dependencies.
    pub fn check(&self) -> Result<(), ConfigError> {
        let uri: http::Uri = self.endpoint.parse().map_err(|e| {
            ConfigError::invalid(
                "endpoint",
                format!(
                    "`{}` is not a URI ({e}); write http://host:port or https://host:port",
                    self.endpoint
                ),
            )
        })?;
        match uri.scheme_str() {
            Some("http" | "https") if uri.host().is_some() => {}
            _ => {
                return Err(ConfigError::invalid(
                    "endpoint",
                    format!(
                        "`{}` needs a scheme and host: http://host:port (plaintext) or https://host:port (TLS)",
                        self.endpoint
                    ),
                ));
            }
        }
        check_descriptors("descriptors", &self.descriptors)?;
        let c = &self.credentials;
        match (&c.mint, &c.command) {
            // Without credentials only the authentication probe runs; the report says so.
            (None, None) => {}
            (Some(_), Some(_)) => {
                return Err(ConfigError::invalid(
                    "credentials",
                    "set only one of [credentials.mint] and credentials.command",
                ));
            }
            (Some(m), None) => crate::credentials::check_mint(m)?,
            (None, Some(_)) => {}
        }
        if let Some(r) = &self.revocation {
            match (&r.http, &r.command) {
                (None, None) | (Some(_), Some(_)) => {
                    return Err(ConfigError::invalid(
                        "revocation",
                        "set exactly one of [revocation.http] and revocation.command",
                    ));
                }
                (Some(h), None) => {
                    if !(h.url.starts_with("http://") || h.url.starts_with("https://")) {
                        return Err(ConfigError::invalid(
                            "revocation.http.url",
                            format!("`{}`: write an http:// or https:// URL", h.url),
                        ));
                    }
                    if let Some(ca) = &h.ca_file {
                        if !h.url.starts_with("https://") {
                            return Err(ConfigError::invalid(
                                "revocation.http.ca_file",
                                "set, but the hook's url is plain http://; use https:// for TLS",
                            ));
                        }
                        crate::revocation::read_ca_file(ca)?;
                    }
                    http::Method::from_bytes(h.method.as_bytes()).map_err(|_| {
                        ConfigError::invalid(
                            "revocation.http.method",
                            format!("`{}` is not an HTTP method", h.method),
                        )
                    })?;
                }
                (None, Some(_)) => {}
            }
        }
        if let Some(canary) = &self.canary
            && let Some(d) = &canary.descriptors
        {
            check_descriptors("canary.descriptors", d)?;
        }
        let p = &self.probes;
        if p.revocation.is_some() && self.revocation.is_none() {
            return Err(ConfigError::invalid(
                "probes.revocation",
                "this probe needs a [revocation] hook (http or command) to revoke the token",
            ));
        }
        for (key, present) in [
            ("probes.deadline", p.deadline.is_some()),
            ("probes.cancellation", p.cancellation.is_some()),
        ] {
            if present && self.canary.is_none() {
                return Err(ConfigError::invalid(
                    key,
                    "this probe needs a [canary] downstream: set canary.listen and canary.method and point the target's downstream at it",
                ));
            }
        }
        // Every wait is bounded, and instants computed from them cannot overflow.
        let durations = [
            ("connect_timeout", Some(self.connect_timeout)),
            ("canary.max_hold", self.canary.as_ref().map(|c| c.max_hold)),
            (
                "probes.authentication.observe",
                p.authentication.as_ref().map(|a| a.observe),
            ),
            (
                "probes.expiry.token_ttl",
                p.expiry.as_ref().map(|e| e.token_ttl),
            ),
            (
                "probes.expiry.tolerance",
                p.expiry.as_ref().map(|e| e.tolerance),
            ),
            (
                "probes.expiry.observe",
                p.expiry.as_ref().map(|e| e.observe),
            ),
            (
                "probes.revocation.revoke_after",
                p.revocation.as_ref().map(|r| r.revoke_after),
            ),
            (
                "probes.revocation.tolerance",
                p.revocation.as_ref().map(|r| r.tolerance),
            ),
            (
                "probes.revocation.observe",
                p.revocation.as_ref().map(|r| r.observe),
            ),
            (
                "probes.per_message.response_timeout",
                p.per_message.as_ref().map(|m| m.response_timeout),
            ),
            (
                "probes.deadline.deadline",
                p.deadline.as_ref().map(|d| d.deadline),
            ),
            (
                "probes.deadline.slack",
                p.deadline.as_ref().map(|d| d.slack),
            ),
            (
                "probes.cancellation.tolerance",
                p.cancellation.as_ref().map(|c| c.tolerance),
            ),
            (
                "probes.cancellation.reach_timeout",
                p.cancellation.as_ref().map(|c| c.reach_timeout),
            ),
            (
                "probes.rate_limit.max_duration",
                p.rate_limit.as_ref().map(|r| r.max_duration),
            ),
            (
                "probes.rate_limit.response_timeout",
                p.rate_limit.as_ref().map(|r| r.response_timeout),
            ),
            (
                "probes.lifetime.max_acceptable_lifetime",
                p.lifetime.as_ref().map(|l| l.max_acceptable_lifetime),
            ),
        ];
        for (key, d) in durations {
            if d.is_some_and(|d| d > MAX_WAIT) {
                return Err(ConfigError::invalid(
                    key,
                    "longer than an hour; a probe waits at most an hour",
                ));
            }
        }
        if let Some(r) = &p.rate_limit
            && r.max_messages < 2
        {
            return Err(ConfigError::invalid(
                "probes.rate_limit.max_messages",
                "must be at least 2",
            ));
        }
        Ok(())
    }

    /// Where a config key's section starts in the file (for SARIF and text locations).
    pub(crate) fn location_of(&self, section: &str) -> Option<streamguard_report::Location> {
        let src = self.source.as_ref()?;
        let header = format!("[{section}]");
        let line = src
            .text
            .lines()
            .position(|l| l.trim() == header)
            .map(|i| i as u32 + 1)
            .unwrap_or(1);
        Some(streamguard_report::Location {
            path: src.path.display().to_string(),
            line,
            column: 1,
        })
    }
}

/// The longest any probe timing may be.
const MAX_WAIT: Duration = Duration::from_secs(3600);

fn check_descriptors(key: &str, d: &DescriptorsConfig) -> Result<(), ConfigError> {
    Ok(d.check(key)?)
}

mod defaults {
    use std::time::Duration;

    pub fn connect_timeout() -> Duration {
        Duration::from_secs(5)
    }
    pub fn header() -> String {
        "authorization".into()
    }
    pub fn prefix() -> String {
        "Bearer ".into()
    }
    pub fn sub_prefix() -> String {
        "streamguard-audit".into()
    }
    pub fn scope_claim() -> String {
        "scope".into()
    }
    pub fn post() -> String {
        "POST".into()
    }
    pub fn max_hold() -> Duration {
        Duration::from_secs(25)
    }
    pub fn yes() -> bool {
        true
    }
    pub fn auth_observe() -> Duration {
        Duration::from_secs(1)
    }
    pub fn token_ttl() -> Duration {
        Duration::from_secs(2)
    }
    pub fn tolerance() -> Duration {
        Duration::from_secs(1)
    }
    pub fn observe() -> Duration {
        Duration::from_secs(2)
    }
    pub fn revoke_after() -> Duration {
        Duration::from_millis(500)
    }
    pub fn response_timeout() -> Duration {
        Duration::from_secs(3)
    }
    pub fn deadline() -> Duration {
        Duration::from_secs(3)
    }
    pub fn slack() -> Duration {
        Duration::from_millis(100)
    }
    pub fn reach_timeout() -> Duration {
        Duration::from_secs(3)
    }
    pub fn max_messages() -> u32 {
        200
    }
    pub fn max_duration() -> Duration {
        Duration::from_secs(10)
    }
    pub fn max_acceptable_lifetime() -> Duration {
        Duration::from_secs(15)
    }
}

/// Durations as humantime strings: `"2s"`, `"500ms"`, `"1m 30s"`.
mod duration {
    use std::time::Duration;

    use serde::{Deserialize, Deserializer};

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Duration, D::Error> {
        let s = String::deserialize(d)?;
        humantime::parse_duration(&s).map_err(|e| {
            serde::de::Error::custom(format!(
                "`{s}` is not a duration ({e}); write e.g. \"2s\" or \"500ms\""
            ))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = r#"
        endpoint = "http://127.0.0.1:50051"
        [credentials.mint]
        algorithm = "HS256"
        secret = "an-hmac-secret-of-at-least-32-bytes"
    "#;

    #[test]
    fn minimal_config_takes_documented_defaults() {
        let c = ProbeConfig::from_toml(MINIMAL).unwrap();
        assert_eq!(c.descriptors.source, DescriptorSource::Reflection);
        assert_eq!(c.credentials.header, "authorization");
        assert_eq!(c.credentials.prefix, "Bearer ");
        assert!(c.probes.expiry.is_none());
    }

    #[test]
    fn a_revocation_hook_may_be_https_with_a_ca_file_that_must_be_readable() {
        let hook = |url: &str, ca: &str| {
            ProbeConfig::from_toml(&format!(
                "{MINIMAL}\n[revocation]\n[revocation.http]\nurl = \"{url}\"\n{ca}"
            ))
            .and_then(|c| c.check())
        };
        hook("https://admin.example/v1/revocations", "").unwrap();
        hook("http://127.0.0.1:9090/v1/revocations", "").unwrap();
        let e = hook("ftp://admin.example/revoke", "").unwrap_err();
        assert_eq!(e.key(), Some("revocation.http.url"), "{e}");
        let e = hook("http://127.0.0.1:9090/x", "ca_file = \"ca.pem\"").unwrap_err();
        assert_eq!(e.key(), Some("revocation.http.ca_file"), "{e}");
        let e = hook(
            "https://admin.example/x",
            "ca_file = \"/nonexistent/ca.pem\"",
        )
        .unwrap_err();
        assert_eq!(e.key(), Some("revocation.http.ca_file"), "{e}");
        assert!(e.to_string().contains("/nonexistent/ca.pem"), "{e}");
    }

    #[test]
    fn unknown_key_is_named_with_its_line() {
        let err = ProbeConfig::from_toml(&format!(
            "{MINIMAL}\n[probes.expiry]\nmethod = \"a.B/C\"\nrequst = \"{{}}\"\n"
        ))
        .unwrap_err()
        .to_string();
        assert!(err.contains("requst"), "{err}");
        assert!(err.contains("line"), "{err}");
    }

    #[test]
    fn bad_duration_says_how_to_write_one() {
        let err = ProbeConfig::from_toml(&format!(
            "{MINIMAL}\n[probes.lifetime]\nmethod = \"a.B/C\"\nmax_acceptable_lifetime = \"soon\"\n"
        ))
        .unwrap_err()
        .to_string();
        assert!(err.contains("not a duration"), "{err}");
    }

    #[test]
    fn a_wait_longer_than_an_hour_is_refused_by_key() {
        let err = ProbeConfig::from_toml(&format!(
            "{MINIMAL}\n[probes.lifetime]\nmethod = \"a.B/C\"\nmax_acceptable_lifetime = \"100000 years\"\n"
        ))
        .unwrap_err();
        assert_eq!(err.key(), Some("probes.lifetime.max_acceptable_lifetime"));
    }

    #[test]
    fn probe_needing_the_canary_without_one_is_refused_by_key() {
        let err = ProbeConfig::from_toml(&format!(
            "{MINIMAL}\n[probes.deadline]\nmethod = \"a.B/C\"\n"
        ))
        .unwrap_err();
        assert_eq!(err.key(), Some("probes.deadline"));
        assert!(err.to_string().contains("[canary]"));
    }

    #[test]
    fn endpoint_without_scheme_is_refused() {
        let err = ProbeConfig::from_toml(&MINIMAL.replace("http://", "")).unwrap_err();
        assert_eq!(err.key(), Some("endpoint"));
    }

    #[test]
    fn credentials_are_optional_but_not_both_sources_at_once() {
        let c = ProbeConfig::from_toml("endpoint = \"http://h:1\"\n").unwrap();
        assert!(!c.credentials.given());
        assert_eq!(
            c.credentials.header, "authorization",
            "the bad tokens still need a header"
        );
        let err = ProbeConfig::from_toml(
            "endpoint = \"http://h:1\"\n[credentials]\ncommand = \"echo t\"\n[credentials.mint]\nalgorithm = \"HS256\"\nsecret = \"an-hmac-secret-of-at-least-32-bytes\"\n",
        )
        .unwrap_err();
        assert_eq!(err.key(), Some("credentials"));
    }

    #[test]
    fn requests_may_be_json_text_or_toml_tables() {
        let c = ProbeConfig::from_toml(&format!(
            "{MINIMAL}\n[probes.lifetime]\nmethod = \"a.B/C\"\nrequest = {{ id = \"{{seq}}\", frame = {{ jsonrpc = \"2.0\" }} }}\n[probes.expiry]\nmethod = \"a.B/C\"\nrequest = '{{\"x\": 1}}'\n"
        ))
        .unwrap();
        match &c.probes.lifetime.unwrap().call.request {
            MessageSpec::Table(t) => assert_eq!(t["frame"]["jsonrpc"], "2.0"),
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            c.probes.expiry.unwrap().call.request,
            MessageSpec::Json(_)
        ));
    }

    #[test]
    fn authentication_is_on_by_default_and_every_named_scope_is_a_control_scope() {
        let c = ProbeConfig::from_toml(&format!(
            "{MINIMAL}\n[probes.per_message]\nmethod = \"a.B/C\"\nscopes = [\"b\"]\nallowed = '{{}}'\nforbidden = '{{}}'\n[probes.lifetime]\nmethod = \"a.B/D\"\nscopes = [\"a\", \"b\"]\n"
        ))
        .unwrap();
        assert!(
            c.probes.authentication.is_none(),
            "absent section: defaults, enabled"
        );
        assert_eq!(c.all_scopes(), ["a", "b"]);
    }
}

#[cfg(test)]
mod example_tests {
    use super::*;

    /// Every example config in `examples/audit/` parses and passes the offline checks
    /// (key files are not read here: the custom example names a key the reader brings).
    #[test]
    fn example_configs_parse() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/audit");
        let mut n = 0;
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "toml") {
                let text = std::fs::read_to_string(&path).unwrap();
                let config: ProbeConfig =
                    toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
                assert!(config.probes.expiry.is_some(), "{}", path.display());
                n += 1;
            }
        }
        assert!(n >= 2);
    }
}
