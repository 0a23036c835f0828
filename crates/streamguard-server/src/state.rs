//! `[state]`: where revocations and identity limits live — in the process (the default), or
//! in Redis, shared by every instance that names the same server — and what an instance does
//! while Redis cannot be reached. [`build_guard`] is the one place the backend is chosen, for
//! `serve` and `gateway` alike.
//!
//! ```toml
//! [state]
//! redis = "redis://127.0.0.1:6379/0"   # or --redis URL; omit for in-memory state (one instance)
//! on_state_unavailable = "closed"      # or "open": serve on this instance's own state
//! state_outage_grace = "10s"           # closed: live streams end this long into an outage
//! timeout = "250ms"                    # bound on every call to Redis
//! rate_lease = 10                      # messages of an identity's budget taken at once (0: every message asks Redis)
//! stream_lease = "15s"                 # a crashed instance's stream slots free within this
//! key_prefix = "streamguard:"          # several deployments can share one server
//! ```

use std::time::Duration;

use anyhow::{Context, bail};
use serde::Deserialize;
use streamguard::auth::Authenticator;
use streamguard::authz::Policy;
use streamguard::config::DEFAULT_STATE_OUTAGE_GRACE;
use streamguard::{Guard, GuardConfig, OnStateUnavailable};
use streamguard_redis::{RedisConfig, RedisState};

use crate::config::{MAX_LIMIT, parse_duration};

/// Where the guard's state lives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StateConfig {
    /// `None`: in this process.
    pub redis: Option<RedisConfig>,
    pub on_unavailable: OnStateUnavailable,
    pub outage_grace: Duration,
}

impl Default for StateConfig {
    fn default() -> Self {
        StateConfig {
            redis: None,
            on_unavailable: OnStateUnavailable::Closed,
            outage_grace: DEFAULT_STATE_OUTAGE_GRACE,
        }
    }
}

impl StateConfig {
    /// Shares the state through the Redis at `url` (`--redis`), keeping the other `[state]`
    /// settings.
    pub fn use_redis(&mut self, url: &str) {
        match &mut self.redis {
            Some(r) => r.url = url.to_string(),
            None => self.redis = Some(RedisConfig::new(url)),
        }
    }

    /// Copies the outage policy into the guard's settings.
    pub fn apply(&self, guard: &mut GuardConfig) {
        guard.on_state_unavailable = self.on_unavailable;
        guard.state_outage_grace = self.outage_grace;
    }

    /// Refuses settings out of range, naming the key.
    pub fn validate(&self) -> anyhow::Result<()> {
        if self.outage_grace > MAX_LIMIT {
            bail!("state.state_outage_grace is out of range: at most 365d");
        }
        if let Some(r) = &self.redis {
            if r.url.is_empty() {
                bail!(
                    "state.timeout, rate_lease, stream_lease and key_prefix apply to Redis only: set state.redis (or pass --redis URL)"
                );
            }
            r.validate()?;
        }
        Ok(())
    }
}

/// The `[state]` section of a config file.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StateSection {
    redis: Option<String>,
    on_state_unavailable: Option<String>,
    state_outage_grace: Option<String>,
    timeout: Option<String>,
    rate_lease: Option<u32>,
    stream_lease: Option<String>,
    key_prefix: Option<String>,
}

impl StateSection {
    pub fn into_config(self) -> anyhow::Result<StateConfig> {
        let on_unavailable = match self.on_state_unavailable.as_deref() {
            None | Some("closed") => OnStateUnavailable::Closed,
            Some("open") => OnStateUnavailable::Open,
            Some(other) => bail!(
                "state.on_state_unavailable = {other:?}: expected \"closed\" (refuse streams) or \"open\" (serve on local state)"
            ),
        };
        let mut c = StateConfig {
            on_unavailable,
            ..StateConfig::default()
        };
        if let Some(g) = &self.state_outage_grace {
            c.outage_grace = parse_duration("state.state_outage_grace", g)?;
        }
        let tuned = self.timeout.is_some()
            || self.rate_lease.is_some()
            || self.stream_lease.is_some()
            || self.key_prefix.is_some();
        if self.redis.is_none() && !tuned {
            return Ok(c);
        }
        // Without a URL here, --redis must give one (checked by `validate`).
        let mut r = RedisConfig::new(self.redis.unwrap_or_default());
        if let Some(t) = &self.timeout {
            r.timeout = parse_duration("state.timeout", t)?;
        }
        if let Some(t) = &self.stream_lease {
            r.stream_lease = parse_duration("state.stream_lease", t)?;
        }
        if let Some(n) = self.rate_lease {
            r.rate_lease = n;
        }
        if let Some(p) = self.key_prefix {
            r.key_prefix = p;
        }
        c.redis = Some(r);
        Ok(c)
    }
}

/// The guard with its state where `state` says. With Redis, the live revocations are loaded
/// before this returns (so before any stream is accepted); an unreachable Redis does not stop
/// the start-up: the guard applies its outage policy until Redis answers.
pub async fn build_guard(
    mut config: GuardConfig,
    auth: Authenticator,
    policy: Policy,
    state: &StateConfig,
) -> anyhow::Result<Guard> {
    state.apply(&mut config);
    let Some(redis) = &state.redis else {
        return Ok(Guard::with_policy(config, auth, policy));
    };
    let redis = RedisState::new(redis.clone(), &config).context("in the [state] settings")?;
    let guard = Guard::with_state(config, auth, policy, redis.backend());
    redis.attach(&guard).await;
    Ok(guard)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> anyhow::Result<StateConfig> {
        toml::from_str::<StateSection>(text)?.into_config()
    }

    #[test]
    fn the_state_section_parses_with_its_defaults() {
        assert_eq!(parse("").unwrap(), StateConfig::default());
        let c = parse(
            r#"
            redis = "redis://10.0.0.5:6379/2"
            on_state_unavailable = "open"
            state_outage_grace = "30s"
            timeout = "100ms"
            rate_lease = 0
            stream_lease = "5s"
            key_prefix = "prod:"
            "#,
        )
        .unwrap();
        c.validate().unwrap();
        assert_eq!(c.on_unavailable, OnStateUnavailable::Open);
        assert_eq!(c.outage_grace, Duration::from_secs(30));
        let r = c.redis.unwrap();
        assert_eq!(r.url, "redis://10.0.0.5:6379/2");
        assert_eq!(r.timeout, Duration::from_millis(100));
        assert_eq!(r.rate_lease, 0);
        assert_eq!(r.stream_lease, Duration::from_secs(5));
        assert_eq!(r.key_prefix, "prod:");
    }

    #[test]
    fn state_errors_name_the_key() {
        for (text, key) in [
            (
                "on_state_unavailable = \"maybe\"",
                "state.on_state_unavailable",
            ),
            ("state_outage_grace = \"soon\"", "state.state_outage_grace"),
            ("rate_lease = 5", "state.redis"),
            ("redis = \"redis://x\"\ntimeout = \"1h\"", "state.timeout"),
            ("redis = \"rediss://x\"", "state.redis"),
            (
                "redis = \"redis://x\"\nstream_lease = \"10ms\"",
                "state.stream_lease",
            ),
            (
                "redis = \"redis://x\"\nrate_lease = 1000000",
                "state.rate_lease",
            ),
        ] {
            let e = parse(text).and_then(|c| c.validate()).unwrap_err();
            assert!(format!("{e:#}").contains(key), "{text}: {e:#}");
        }
        assert!(
            parse("redis_url = \"x\"").is_err(),
            "unknown keys are refused"
        );
    }

    #[test]
    fn the_redis_flag_keeps_the_other_state_settings() {
        let mut c = parse("stream_lease = \"2s\"").unwrap();
        c.use_redis("redis://b:2");
        c.validate().unwrap();
        assert_eq!(c.redis.unwrap().stream_lease, Duration::from_secs(2));
        let mut c = parse("redis = \"redis://a:1\"\nrate_lease = 3").unwrap();
        c.use_redis("redis://b:2");
        let r = c.redis.unwrap();
        assert_eq!((r.url.as_str(), r.rate_lease), ("redis://b:2", 3));
        let mut c = StateConfig::default();
        c.use_redis("redis://b:2");
        assert_eq!(
            c.redis.unwrap().rate_lease,
            streamguard_redis::DEFAULT_RATE_LEASE
        );
    }
}
