//! What the guard enforces, and with which limits.

use std::time::Duration;

use crate::message_limits::MessageLimits;
use crate::protected_resource::ProtectedResource;
use crate::state::OnStateUnavailable;

/// One of the guard's controls; each can be switched off to reproduce the naive behaviour it
/// fixes (for a vulnerable lab, or to measure what the control buys).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Control {
    /// End the stream when the token expires (F1).
    Expiry,
    /// End live streams of a revoked token or subject (F1).
    Revocation,
    /// Authorize every incoming message, not only the first (F2).
    PerMessage,
    /// Keep the caller's deadline and propagate what remains of it (F3).
    Deadline,
    /// Abort the stream's work when it ends or the client leaves (F4).
    Cancel,
    /// Count the rate limit per identity across streams, not per stream (F5).
    IdentityRateLimit,
    /// Bound a stream's lifetime and idle time (F6).
    Lifetime,
}

impl Control {
    pub const ALL: [Control; 7] = [
        Control::Expiry,
        Control::Revocation,
        Control::PerMessage,
        Control::Deadline,
        Control::Cancel,
        Control::IdentityRateLimit,
        Control::Lifetime,
    ];

    /// The name used by `--disable`.
    pub fn as_str(self) -> &'static str {
        match self {
            Control::Expiry => "expiry",
            Control::Revocation => "revocation",
            Control::PerMessage => "per-message",
            Control::Deadline => "deadline",
            Control::Cancel => "cancel",
            Control::IdentityRateLimit => "identity-rate-limit",
            Control::Lifetime => "lifetime",
        }
    }

    pub fn parse(s: &str) -> Option<Control> {
        Control::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

impl std::fmt::Display for Control {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What happens to a stream when one of its messages is denied.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum OnDeny {
    /// The message is not executed; the handler answers it with an error event; the stream goes on.
    #[default]
    Reply,
    /// The stream ends with `PERMISSION_DENIED`.
    End,
}

/// The guard's settings. [`GuardConfig::default`] enforces every control with moderate limits.
#[derive(Debug, Clone)]
pub struct GuardConfig {
    /// Controls switched off (all on by default).
    pub disabled: Vec<Control>,
    pub on_deny: OnDeny,
    /// Incoming messages per identity per minute; `0` turns the message limit off.
    pub messages_per_minute: u32,
    /// Messages an identity may send at once before the per-minute rate applies.
    pub burst: u32,
    /// Concurrent streams per identity; `0` means unlimited.
    pub max_streams_per_identity: u32,
    /// A token claim added to the rate-limit key next to `sub` (e.g. `tenant`).
    pub identity_claim: Option<String>,
    /// A stream is ended this long after it opened.
    pub max_stream_lifetime: Duration,
    /// A stream with no message in either direction for this long is ended.
    pub idle_timeout: Duration,
    /// Caps the caller's `grpc-timeout`; `None` keeps it as sent.
    pub max_deadline: Option<Duration>,
    /// Paths served without a token (health checks, reflection), as prefixes.
    pub public_path_prefixes: Vec<String>,
    /// How long a subject's revocation is kept; `None` (the default) keeps it until lifted.
    /// Never shorter than the longest a token can stay valid (see [`crate::revocation`]).
    pub sub_revocation_retention: Option<Duration>,
    /// Message size caps per method and the per-identity budget for partial messages.
    pub message_limits: MessageLimits,
    /// What happens while a shared state store cannot be reached (see [`crate::state`]).
    pub on_state_unavailable: OnStateUnavailable,
    /// Under [`OnStateUnavailable::Closed`], how long live streams go on once the shared state
    /// is lost before they end with `state_unavailable`.
    pub state_outage_grace: Duration,
    /// The OAuth protected resource this server is (RFC 9728): refusals point at its metadata
    /// document in `www-authenticate` (see [`crate::challenge`]).
    pub protected_resource: Option<ProtectedResource>,
}

/// The default [`GuardConfig::state_outage_grace`].
pub const DEFAULT_STATE_OUTAGE_GRACE: Duration = Duration::from_secs(10);

impl Default for GuardConfig {
    fn default() -> Self {
        Self {
            disabled: Vec::new(),
            on_deny: OnDeny::Reply,
            messages_per_minute: 600,
            burst: 100,
            max_streams_per_identity: 32,
            identity_claim: None,
            max_stream_lifetime: Duration::from_secs(30 * 60),
            idle_timeout: Duration::from_secs(5 * 60),
            max_deadline: None,
            public_path_prefixes: vec![
                "/grpc.health.v1.Health/".into(),
                "/grpc.reflection.".into(),
            ],
            sub_revocation_retention: None,
            message_limits: MessageLimits::default(),
            on_state_unavailable: OnStateUnavailable::Closed,
            state_outage_grace: DEFAULT_STATE_OUTAGE_GRACE,
            protected_resource: None,
        }
    }
}

impl GuardConfig {
    /// Whether `control` is enforced.
    pub fn enforces(&self, control: Control) -> bool {
        !self.disabled.contains(&control)
    }

    pub fn is_public(&self, path: &str) -> bool {
        self.public_path_prefixes
            .iter()
            .any(|p| path.starts_with(p.as_str()))
    }
}
