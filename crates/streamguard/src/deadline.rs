//! The caller's deadline, kept absolute so every downstream call gets what *remains* of it.
//!
//! tonic bounds only the time to response headers by `grpc-timeout`; a stream keeps going past
//! it, and tonic offers no accessor for it. The guard parses the header itself.

use std::time::Duration;

use tokio::time::Instant;
use tonic::Status;

use crate::termination::Reason;

/// An absolute point in time by which the caller wants the whole RPC done.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Deadline(Instant);

/// The `grpc-timeout` header could not be parsed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "invalid grpc-timeout {0:?}: expected 1 to 8 digits and a unit (H, M, S, m, u or n), e.g. \"3S\""
)]
pub struct InvalidTimeout(pub String);

impl From<InvalidTimeout> for Status {
    fn from(e: InvalidTimeout) -> Self {
        Status::invalid_argument(format!("{}: {e}", Reason::InvalidTimeout.as_str()))
    }
}

impl Deadline {
    pub fn at(instant: Instant) -> Self {
        Deadline(instant)
    }

    /// A deadline `timeout` from now (saturating: a huge timeout is "far in the future").
    pub fn after(timeout: Duration) -> Self {
        Deadline(crate::session::later_by(Instant::now(), timeout))
    }

    pub fn instant(self) -> Instant {
        self.0
    }

    /// Time left; zero once passed.
    pub fn remaining(self) -> Duration {
        self.0.saturating_duration_since(Instant::now())
    }

    pub fn has_passed(self) -> bool {
        Instant::now() >= self.0
    }

    /// `Err(DEADLINE_EXCEEDED)` once passed: call before starting work for the stream.
    pub fn check(self) -> Result<Duration, Status> {
        match self.remaining() {
            Duration::ZERO => Err(Status::deadline_exceeded(Reason::DeadlineExceeded.as_str())),
            left => Ok(left),
        }
    }

    /// Sets the remaining time as the outbound request's `grpc-timeout`, or refuses the call
    /// with `DEADLINE_EXCEEDED` when nothing remains.
    pub fn apply<T>(self, request: &mut tonic::Request<T>) -> Result<(), Status> {
        let left = self.check()?;
        request.set_timeout(left);
        Ok(())
    }

    /// Runs `work` bounded by the deadline: `DEADLINE_EXCEEDED` if it is not done in time.
    pub async fn bound<F: Future>(self, work: F) -> Result<F::Output, Status> {
        self.check()?;
        tokio::time::timeout_at(self.0, work)
            .await
            .map_err(|_| Status::deadline_exceeded(Reason::DeadlineExceeded.as_str()))
    }

    /// Reads the `grpc-timeout` of incoming request headers; `Ok(None)` when there is none.
    /// The timeout is capped by `max` when given.
    pub fn from_headers(
        headers: &http::HeaderMap,
        max: Option<Duration>,
    ) -> Result<Option<Deadline>, InvalidTimeout> {
        let Some(value) = headers.get("grpc-timeout") else {
            return Ok(max.map(Deadline::after));
        };
        let text = value
            .to_str()
            .map_err(|_| InvalidTimeout(String::from_utf8_lossy(value.as_bytes()).into_owned()))?;
        let timeout = parse_grpc_timeout(text)?;
        let timeout = max.map_or(timeout, |m| timeout.min(m));
        Ok(Some(Deadline::after(timeout)))
    }
}

/// Formats `timeout` as a `grpc-timeout` value (at most 8 digits and a unit), rounded down so
/// the receiver never gets more time than remains.
pub fn format_grpc_timeout(timeout: Duration) -> String {
    const MAX: u128 = 99_999_999;
    let units: [(u128, char); 6] = [
        (timeout.as_nanos(), 'n'),
        (timeout.as_micros(), 'u'),
        (timeout.as_millis(), 'm'),
        (u128::from(timeout.as_secs()), 'S'),
        (u128::from(timeout.as_secs() / 60), 'M'),
        (u128::from(timeout.as_secs() / 3600), 'H'),
    ];
    let (n, unit) = units
        .into_iter()
        .find(|(n, _)| *n <= MAX)
        .unwrap_or((MAX, 'H'));
    format!("{n}{unit}")
}

/// Parses a `grpc-timeout` value: up to 8 ASCII digits and a unit (`H M S m u n`).
pub fn parse_grpc_timeout(text: &str) -> Result<Duration, InvalidTimeout> {
    let bad = || InvalidTimeout(text.to_string());
    let (digits, unit) = text
        .split_at_checked(text.len().saturating_sub(1))
        .ok_or_else(bad)?;
    if digits.is_empty() || digits.len() > 8 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad());
    }
    let n: u64 = digits.parse().map_err(|_| bad())?;
    Ok(match unit {
        "H" => Duration::from_secs(n * 3600),
        "M" => Duration::from_secs(n * 60),
        "S" => Duration::from_secs(n),
        "m" => Duration::from_millis(n),
        "u" => Duration::from_micros(n),
        "n" => Duration::from_nanos(n),
        _ => return Err(bad()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grpc_timeout_parses_every_unit() {
        assert_eq!(parse_grpc_timeout("2H").unwrap(), Duration::from_secs(7200));
        assert_eq!(parse_grpc_timeout("3M").unwrap(), Duration::from_secs(180));
        assert_eq!(parse_grpc_timeout("5S").unwrap(), Duration::from_secs(5));
        assert_eq!(
            parse_grpc_timeout("250m").unwrap(),
            Duration::from_millis(250)
        );
        assert_eq!(
            parse_grpc_timeout("99999999u").unwrap(),
            Duration::from_micros(99_999_999)
        );
        assert_eq!(parse_grpc_timeout("7n").unwrap(), Duration::from_nanos(7));
    }

    #[test]
    fn malformed_grpc_timeouts_are_refused() {
        for bad in [
            "",
            "S",
            "5",
            "5s",
            "123456789S",
            "-1S",
            "1.5S",
            "5 S",
            "5SS",
            "é",
        ] {
            assert!(
                parse_grpc_timeout(bad).is_err(),
                "{bad:?} should be refused"
            );
        }
    }

    #[test]
    fn formatted_timeouts_round_down_and_parse_back() {
        for d in [
            Duration::ZERO,
            Duration::from_nanos(7),
            Duration::from_millis(1999),
            Duration::from_secs(2),
            Duration::from_secs(3 * 24 * 3600),
            Duration::MAX,
        ] {
            let text = format_grpc_timeout(d);
            let back = parse_grpc_timeout(&text).unwrap();
            assert!(back <= d, "{d:?} -> {text}");
            assert!(text.len() <= 9, "{text}");
        }
        assert_eq!(format_grpc_timeout(Duration::from_millis(1500)), "1500000u");
    }

    #[tokio::test]
    async fn header_timeout_is_capped_by_the_configured_maximum() {
        let mut h = http::HeaderMap::new();
        h.insert("grpc-timeout", "10S".parse().unwrap());
        let d = Deadline::from_headers(&h, Some(Duration::from_secs(2)))
            .unwrap()
            .unwrap();
        assert!(d.remaining() <= Duration::from_secs(2));
    }

    #[tokio::test]
    async fn outbound_request_carries_the_remaining_time() {
        let d = Deadline::after(Duration::from_millis(1500));
        let mut req = tonic::Request::new(());
        d.apply(&mut req).unwrap();
        let sent = req
            .metadata()
            .get("grpc-timeout")
            .unwrap()
            .to_str()
            .unwrap()
            .to_string();
        let sent = parse_grpc_timeout(&sent).unwrap();
        assert!(sent <= Duration::from_millis(1500) && sent > Duration::from_millis(1000));
    }

    #[tokio::test]
    async fn passed_deadline_refuses_work() {
        let d = Deadline::after(Duration::ZERO);
        assert_eq!(d.check().unwrap_err().code(), tonic::Code::DeadlineExceeded);
    }
}
