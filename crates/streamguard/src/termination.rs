//! Why a stream was ended or a message refused: a machine-readable reason and its gRPC status.

use std::time::Duration;

use tonic::{Code, Status};

/// A machine-readable reason, sent as the `grpc-message` of a terminated stream and counted in
/// the metrics. The strings are a stable contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Reason {
    MissingToken,
    MalformedToken,
    TokenTooLarge,
    BadSignature,
    UnknownKey,
    AlgorithmNotAllowed,
    TokenExpired,
    TokenNotYetValid,
    WrongIssuer,
    WrongAudience,
    MissingClaim,
    TokenLifetimeTooLong,
    KeyUnavailable,
    TokenRevoked,
    InsufficientScope,
    ResourceNotOwned,
    UnknownTool,
    MalformedMessage,
    DeadlineExceeded,
    InvalidTimeout,
    RateLimitExceeded,
    TooManyStreams,
    MaxStreamLifetime,
    IdleTimeout,
    /// The guard can no longer enforce its limits (its timer task died): fail closed.
    EnforcementUnavailable,
    /// The server is shutting down and its drain period is over.
    ShuttingDown,
    /// An incoming message is larger than its method allows.
    MessageTooLarge,
    /// The identity's partially received messages hold more bytes than its budget.
    BufferedBytesExceeded,
    /// The state shared with other instances (revocations, limits) cannot be reached, and the
    /// policy is to fail closed (`on_state_unavailable = "closed"`).
    StateUnavailable,
}

impl Reason {
    /// Every reason, for metrics rendering.
    pub const ALL: [Reason; 29] = [
        Reason::MissingToken,
        Reason::MalformedToken,
        Reason::TokenTooLarge,
        Reason::BadSignature,
        Reason::UnknownKey,
        Reason::AlgorithmNotAllowed,
        Reason::TokenExpired,
        Reason::TokenNotYetValid,
        Reason::WrongIssuer,
        Reason::WrongAudience,
        Reason::MissingClaim,
        Reason::TokenLifetimeTooLong,
        Reason::KeyUnavailable,
        Reason::TokenRevoked,
        Reason::InsufficientScope,
        Reason::ResourceNotOwned,
        Reason::UnknownTool,
        Reason::MalformedMessage,
        Reason::DeadlineExceeded,
        Reason::InvalidTimeout,
        Reason::RateLimitExceeded,
        Reason::TooManyStreams,
        Reason::MaxStreamLifetime,
        Reason::IdleTimeout,
        Reason::EnforcementUnavailable,
        Reason::ShuttingDown,
        Reason::MessageTooLarge,
        Reason::BufferedBytesExceeded,
        Reason::StateUnavailable,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Reason::MissingToken => "missing_token",
            Reason::MalformedToken => "malformed_token",
            Reason::TokenTooLarge => "token_too_large",
            Reason::BadSignature => "bad_signature",
            Reason::UnknownKey => "unknown_key",
            Reason::AlgorithmNotAllowed => "algorithm_not_allowed",
            Reason::TokenExpired => "token_expired",
            Reason::TokenNotYetValid => "token_not_yet_valid",
            Reason::WrongIssuer => "wrong_issuer",
            Reason::WrongAudience => "wrong_audience",
            Reason::MissingClaim => "missing_claim",
            Reason::TokenLifetimeTooLong => "token_lifetime_too_long",
            Reason::KeyUnavailable => "key_unavailable",
            Reason::TokenRevoked => "token_revoked",
            Reason::InsufficientScope => "insufficient_scope",
            Reason::ResourceNotOwned => "resource_not_owned",
            Reason::UnknownTool => "unknown_tool",
            Reason::MalformedMessage => "malformed_message",
            Reason::DeadlineExceeded => "deadline_exceeded",
            Reason::InvalidTimeout => "invalid_grpc_timeout",
            Reason::RateLimitExceeded => "rate_limit_exceeded",
            Reason::TooManyStreams => "too_many_streams",
            Reason::MaxStreamLifetime => "max_stream_lifetime",
            Reason::IdleTimeout => "idle_timeout",
            Reason::EnforcementUnavailable => "enforcement_unavailable",
            Reason::ShuttingDown => "shutting_down",
            Reason::MessageTooLarge => "message_too_large",
            Reason::BufferedBytesExceeded => "buffered_bytes_exceeded",
            Reason::StateUnavailable => "state_unavailable",
        }
    }

    /// The gRPC status code a stream ended for this reason carries.
    pub fn code(self) -> Code {
        use Reason::*;
        match self {
            MissingToken | MalformedToken | TokenTooLarge | BadSignature | UnknownKey
            | AlgorithmNotAllowed | TokenExpired | TokenNotYetValid | WrongIssuer
            | WrongAudience | MissingClaim | TokenLifetimeTooLong => Code::Unauthenticated,
            KeyUnavailable | EnforcementUnavailable | StateUnavailable => Code::Unavailable,
            TokenRevoked | InsufficientScope | ResourceNotOwned | UnknownTool => {
                Code::PermissionDenied
            }
            MalformedMessage | InvalidTimeout => Code::InvalidArgument,
            DeadlineExceeded => Code::DeadlineExceeded,
            RateLimitExceeded | TooManyStreams | MessageTooLarge | BufferedBytesExceeded => {
                Code::ResourceExhausted
            }
            // All mean "reconnect and carry on": the stream itself did nothing wrong.
            MaxStreamLifetime | IdleTimeout | ShuttingDown => Code::Unavailable,
        }
    }

    /// The reason whose wire name is `name` (a `grpc-message` the guard wrote).
    pub fn from_wire(name: &[u8]) -> Option<Reason> {
        Reason::ALL
            .into_iter()
            .find(|r| r.as_str().as_bytes() == name)
    }

    pub(crate) fn index(self) -> usize {
        Reason::ALL.iter().position(|r| *r == self).unwrap_or(0)
    }
}

impl std::fmt::Display for Reason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The end of a stream decided by the guard: a reason, and for rate limits when to retry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Termination {
    pub reason: Reason,
    /// Sent as the `retry-after-ms` trailer.
    pub retry_after: Option<Duration>,
}

impl Termination {
    pub fn new(reason: Reason) -> Self {
        Self {
            reason,
            retry_after: None,
        }
    }

    pub fn retry_after(mut self, after: Duration) -> Self {
        self.retry_after = Some(after);
        self
    }

    /// The status the client sees: the reason's code, the reason as message.
    pub fn to_status(&self) -> Status {
        let mut status = Status::new(self.reason.code(), self.reason.as_str());
        if let Some(after) = self.retry_after
            && let Ok(v) = after.as_millis().to_string().parse()
        {
            status.metadata_mut().insert("retry-after-ms", v);
        }
        status
    }

    /// gRPC trailers for a stream already under way.
    pub fn to_trailers(&self) -> http::HeaderMap {
        let mut map = http::HeaderMap::new();
        // `add_header` only fails on a header value it cannot encode; ours are ASCII.
        let _ = self.to_status().add_header(&mut map);
        map
    }
}

impl From<Reason> for Termination {
    fn from(reason: Reason) -> Self {
        Termination::new(reason)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_reason_has_a_distinct_wire_name() {
        let mut names: Vec<_> = Reason::ALL.iter().map(|r| r.as_str()).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), Reason::ALL.len());
    }

    #[test]
    fn wire_names_read_back_as_their_reason() {
        for r in Reason::ALL {
            assert_eq!(Reason::from_wire(r.as_str().as_bytes()), Some(r));
        }
        assert_eq!(Reason::from_wire(b"token_expired "), None);
    }

    #[test]
    fn rate_limit_trailers_carry_retry_after_ms() {
        let t =
            Termination::new(Reason::RateLimitExceeded).retry_after(Duration::from_millis(2500));
        let trailers = t.to_trailers();
        assert_eq!(trailers["grpc-status"], "8");
        assert_eq!(trailers["grpc-message"], "rate_limit_exceeded");
        assert_eq!(trailers["retry-after-ms"], "2500");
    }
}
