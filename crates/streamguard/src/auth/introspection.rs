//! Opaque access tokens: verified by asking the issuer (RFC 7662 token introspection).
//!
//! A bearer token that is not a JWS goes to the introspection endpoint in a client-authenticated
//! POST (HTTP Basic), bounded in time (5 s), in answer size (64 KiB) and in requests in flight
//! ([`MAX_IN_FLIGHT`]). The answer's claims are checked like a JWT's (`exp`, `nbf`, `iss`, `aud`,
//! lifetime; see [`super::Authenticator`]). Verdicts — accepted or refused — are cached per token
//! (by its SHA-256, at most [`MAX_CACHED`] entries), never past the token's `exp` and never
//! longer than the recheck interval: a token revoked at the provider is refused at open, and ends
//! live streams (see the `recheck` module of the crate), within that interval.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use http::Uri;
use parking_lot::Mutex;
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};
use tokio::sync::Semaphore;
use tokio::time::Instant;

use super::claims::{Claims, Introspected, TokenKey};
use super::discovery::Discovery;
use super::fetch::{FETCH_TIMEOUT, Fetcher, is_loopback, parse_url};
use super::keys::KeyError;
use super::{AuthError, Reason};

/// The default interval between two introspections of a live stream's token.
pub const DEFAULT_RECHECK: Duration = Duration::from_secs(30);
/// The shortest and the longest recheck interval accepted.
pub const RECHECK_RANGE: (Duration, Duration) = (Duration::from_secs(1), Duration::from_secs(3600));
/// Introspection answers larger than this are refused.
pub const MAX_ANSWER_BYTES: usize = 64 << 10;
/// Verdicts kept at most.
pub const MAX_CACHED: usize = 10_000;
/// Introspection requests in flight at most; more wait (within the fetch bound) for a turn, so
/// a flood of made-up tokens cannot turn into a flood of requests to the issuer.
pub const MAX_IN_FLIGHT: usize = 32;

/// How the guard introspects opaque tokens (`[auth.introspection]`).
#[derive(Clone)]
pub struct IntrospectionConfig {
    /// The introspection endpoint; `None`: the `introspection_endpoint` of the issuer's
    /// discovery document (needs [`super::AuthConfig::discovery`]).
    pub url: Option<String>,
    /// This resource server's client at the issuer.
    pub client_id: String,
    pub client_secret: ClientSecret,
    /// How often a live stream's token is introspected again ([`RECHECK_RANGE`]).
    pub recheck: Duration,
}

/// The client secret for the introspection endpoint.
#[derive(Clone)]
pub enum ClientSecret {
    Inline(String),
    /// Read from this environment variable at start-up.
    Env(String),
}

impl std::fmt::Debug for IntrospectionConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let secret = match &self.client_secret {
            ClientSecret::Inline(_) => "<inline, redacted>".to_string(),
            ClientSecret::Env(var) => format!("env {var}"),
        };
        f.debug_struct("IntrospectionConfig")
            .field("url", &self.url)
            .field("client_id", &self.client_id)
            .field("client_secret", &secret)
            .field("recheck", &self.recheck)
            .finish()
    }
}

/// Where the endpoint is.
enum Endpoint {
    Url(Uri),
    Discovered(Arc<Discovery>),
}

/// Introspects opaque tokens and caches the verdicts.
pub(crate) struct Introspector {
    endpoint: Endpoint,
    fetcher: Arc<Fetcher>,
    client_id: String,
    client_secret: String,
    recheck: Duration,
    cache: Mutex<HashMap<TokenKey, Cached>>,
    in_flight: Semaphore,
}

#[derive(Clone)]
struct Cached {
    verdict: Result<Claims, AuthError>,
    at: Instant,
}

/// What a verdict is checked with: the authenticator's claim rules.
pub(crate) type Validate<'a> =
    &'a (dyn Fn(&Map<String, Value>) -> Result<Claims, AuthError> + Sync);

impl Introspector {
    pub fn new(
        config: &IntrospectionConfig,
        discovery: Option<&Arc<Discovery>>,
        fetcher: Arc<Fetcher>,
    ) -> Result<Self, KeyError> {
        let (low, high) = RECHECK_RANGE;
        if !(low..=high).contains(&config.recheck) {
            return Err(KeyError::Config(format!(
                "auth.introspection.recheck = {:?} is out of range: from 1s to 1h",
                config.recheck
            )));
        }
        let endpoint = match (&config.url, discovery) {
            (Some(url), _) => {
                let uri = parse_url("auth.introspection.url", url)?;
                require_https(&uri).map_err(|detail| KeyError::BadUrl {
                    key: "auth.introspection.url",
                    url: url.clone(),
                    detail,
                })?;
                Endpoint::Url(uri)
            }
            (None, Some(d)) => Endpoint::Discovered(d.clone()),
            (None, None) => {
                return Err(KeyError::Config(
                    "[auth.introspection] has no url: set url, or [auth] discovery = true to use the issuer's introspection_endpoint".into(),
                ));
            }
        };
        if config.client_id.is_empty() {
            return Err(KeyError::Config(
                "auth.introspection.client_id is empty: give this server's client id at the issuer"
                    .into(),
            ));
        }
        let client_secret = match &config.client_secret {
            ClientSecret::Inline(s) => s.clone(),
            ClientSecret::Env(var) => std::env::var(var).map_err(|_| {
                KeyError::Config(format!(
                    "auth.introspection.client_secret_env names {var}, which is not set in the environment"
                ))
            })?,
        };
        if client_secret.is_empty() {
            return Err(KeyError::Config(
                "the introspection client secret is empty".into(),
            ));
        }
        Ok(Introspector {
            endpoint,
            fetcher,
            client_id: config.client_id.clone(),
            client_secret,
            recheck: config.recheck,
            cache: Mutex::new(HashMap::new()),
            in_flight: Semaphore::new(MAX_IN_FLIGHT),
        })
    }

    pub fn recheck(&self) -> Duration {
        self.recheck
    }

    /// The endpoint, asking discovery for it when it was not configured.
    pub async fn endpoint(&self) -> Result<Uri, KeyError> {
        match &self.endpoint {
            Endpoint::Url(uri) => Ok(uri.clone()),
            Endpoint::Discovered(d) => {
                let uri = d.metadata().await?.introspection_endpoint.clone().ok_or_else(|| {
                    KeyError::Config(format!(
                        "the metadata of issuer {} names no introspection_endpoint: set [auth.introspection] url",
                        d.issuer()
                    ))
                })?;
                require_https(&uri).map_err(|detail| KeyError::BadUrl {
                    key: "introspection_endpoint",
                    url: uri.to_string(),
                    detail,
                })?;
                Ok(uri)
            }
        }
    }

    /// The verdict on `token` at stream open: a cached one younger than the recheck interval,
    /// else a fresh introspection.
    pub async fn verify(&self, token: &str, validate: Validate<'_>) -> Result<Claims, AuthError> {
        let key = token_key(token);
        let cached = self.cache.lock().get(&key).cloned();
        match cached {
            // A token that expired since its verdict is asked about again, not waved through.
            Some(c)
                if c.at.elapsed() < self.recheck
                    && c.verdict
                        .as_ref()
                        .map_or(true, |claims| claims.exp > crate::revocation::unix_now()) =>
            {
                mark(c.verdict, key, token, c.at)
            }
            _ => self.introspect(key, token, validate).await,
        }
    }

    /// A fresh verdict on `token` (the re-check of live streams); refreshes the cache.
    pub async fn reverify(&self, token: &str, validate: Validate<'_>) -> Result<Claims, AuthError> {
        self.introspect(token_key(token), token, validate).await
    }

    async fn introspect(
        &self,
        key: TokenKey,
        token: &str,
        validate: Validate<'_>,
    ) -> Result<Claims, AuthError> {
        let answer = self.ask(token).await.map_err(|detail| {
            AuthError::new(Reason::KeyUnavailable, format!("introspection: {detail}"))
        })?;
        let at = Instant::now();
        let verdict = if answer.get("active") == Some(&Value::Bool(true)) {
            validate(&answer)
        } else {
            Err(AuthError::new(
                Reason::TokenRevoked,
                "the issuer says the token is not active (revoked, expired or unknown)",
            ))
        };
        self.remember(key, verdict.clone(), at);
        mark(verdict, key, token, at)
    }

    /// Posts the token to the endpoint; the JSON object it answers.
    async fn ask(&self, token: &str) -> Result<Map<String, Value>, String> {
        let _turn = tokio::time::timeout(FETCH_TIMEOUT, self.in_flight.acquire())
            .await
            .map_err(|_| format!("{MAX_IN_FLIGHT} requests in flight for {FETCH_TIMEOUT:?}"))?
            .map_err(|_| "closed".to_string())?;
        let url = self.endpoint().await.map_err(|e| e.to_string())?;
        let body = self
            .fetcher
            .post_form(
                &url,
                (&self.client_id, &self.client_secret),
                &[("token", token), ("token_type_hint", "access_token")],
                MAX_ANSWER_BYTES,
            )
            .await
            .map_err(|e| e.to_string())?;
        serde_json::from_slice(&body)
            .map_err(|e| format!("{url}: the answer is not a JSON object: {e}"))
    }

    /// Caches a verdict. At the bound, stale verdicts go first, then an arbitrary eighth of the
    /// rest, so the next inserts are cheap again.
    fn remember(&self, key: TokenKey, verdict: Result<Claims, AuthError>, at: Instant) {
        let mut cache = self.cache.lock();
        if cache.len() >= MAX_CACHED && !cache.contains_key(&key) {
            let recheck = self.recheck;
            cache.retain(|_, c| c.at.elapsed() < recheck);
            if cache.len() >= MAX_CACHED {
                let evicted: Vec<TokenKey> = cache.keys().take(MAX_CACHED / 8).copied().collect();
                for k in &evicted {
                    cache.remove(k);
                }
            }
        }
        cache.insert(key, Cached { verdict, at });
    }

    #[cfg(test)]
    fn cached(&self) -> usize {
        self.cache.lock().len()
    }
}

/// Opaque tokens and client secrets travel to the endpoint: https, or plain http on loopback.
fn require_https(uri: &Uri) -> Result<(), String> {
    if uri.scheme_str() == Some("https") || is_loopback(uri) {
        Ok(())
    } else {
        Err(
            "tokens and the client secret would cross the network in clear text: use https://"
                .into(),
        )
    }
}

fn token_key(token: &str) -> TokenKey {
    Sha256::digest(token.as_bytes()).into()
}

/// Ties accepted claims to the token, for the re-checks of live streams.
fn mark(
    verdict: Result<Claims, AuthError>,
    key: TokenKey,
    token: &str,
    checked_at: Instant,
) -> Result<Claims, AuthError> {
    verdict.map(|mut claims| {
        claims.introspected = Some(Introspected {
            key,
            token: Arc::from(token),
            checked_at,
        });
        claims
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(url: Option<&str>, recheck: Duration) -> IntrospectionConfig {
        IntrospectionConfig {
            url: url.map(str::to_string),
            client_id: "rs".into(),
            client_secret: ClientSecret::Inline("s3cret".into()),
            recheck,
        }
    }

    fn introspector(url: Option<&str>, recheck: Duration) -> Result<Introspector, KeyError> {
        Introspector::new(&config(url, recheck), None, Arc::new(Fetcher::new(None)?))
    }

    #[test]
    fn the_client_secret_never_shows_in_debug_output() {
        let text = format!(
            "{:?}",
            config(Some("https://idp.example/i"), DEFAULT_RECHECK)
        );
        assert!(!text.contains("s3cret"), "{text}");
    }

    #[test]
    fn recheck_is_from_one_second_to_one_hour() {
        let url = Some("https://idp.example/introspect");
        assert!(introspector(url, Duration::from_secs(1)).is_ok());
        assert!(introspector(url, Duration::from_secs(3600)).is_ok());
        for bad in [Duration::from_millis(999), Duration::from_secs(3601)] {
            let e = introspector(url, bad).err().unwrap().to_string();
            assert!(e.contains("recheck"), "{e}");
        }
    }

    #[test]
    fn an_introspection_url_in_clear_text_is_refused_unless_on_loopback() {
        let e = introspector(Some("http://idp.example/introspect"), DEFAULT_RECHECK)
            .err()
            .unwrap()
            .to_string();
        assert!(e.contains("https://"), "{e}");
        assert!(introspector(Some("http://127.0.0.1:9/introspect"), DEFAULT_RECHECK).is_ok());
        let e = introspector(None, DEFAULT_RECHECK)
            .err()
            .unwrap()
            .to_string();
        assert!(e.contains("discovery"), "{e}");
    }

    #[test]
    fn the_verdict_cache_is_bounded() {
        let i = introspector(Some("https://idp.example/i"), DEFAULT_RECHECK).unwrap();
        let refused = || Err(AuthError::new(Reason::TokenRevoked, "x"));
        for n in 0..MAX_CACHED + 50 {
            i.remember(token_key(&n.to_string()), refused(), Instant::now());
        }
        assert!(i.cached() <= MAX_CACHED, "{}", i.cached());
    }
}
