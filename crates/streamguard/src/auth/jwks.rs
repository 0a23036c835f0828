//! A JWKS fetched from a URL: cached, refreshed on a TTL, refetched on an unknown `kid` at most
//! once per [`MIN_REFETCH_INTERVAL`] so a flood of forged `kid`s cannot hammer the issuer.
//!
//! The cache lock is never held across a fetch. Fetches are single-flight: one at a time, and
//! callers that waited for one use its result instead of starting another. A stale cache is
//! served while it is refreshed in the background, so a slow or failing issuer does not stall
//! stream opens for tokens of keys already known.
//!
//! The URL is configured, or read from the issuer's discovery document before the first fetch
//! (see [`super::discovery`]).

use std::sync::Arc;
use std::time::Duration;

use http::Uri;
use parking_lot::Mutex;
use tokio::time::Instant;

use super::discovery::Discovery;
use super::fetch::{Fetcher, MAX_DOCUMENT_BYTES};
use super::keys::{KeyError, LoadedKey, Pin, parse_jwks};

/// The shortest gap between two fetches triggered by unknown `kid`s.
pub const MIN_REFETCH_INTERVAL: Duration = Duration::from_secs(30);
/// The pause after a failed fetch before the next attempt.
pub const RETRY_AFTER_FAILURE: Duration = Duration::from_secs(5);

pub(crate) struct RemoteJwks {
    location: Location,
    fetcher: Arc<Fetcher>,
    pin: Pin,
    ttl: Duration,
    cache: Mutex<Cache>,
    /// Held for the duration of one fetch (single flight).
    fetching: tokio::sync::Mutex<()>,
}

#[derive(Default)]
struct Cache {
    keys: Arc<[LoadedKey]>,
    fetched_at: Option<Instant>,
    /// The last fetch caused by an unknown `kid` (TTL refreshes do not spend this budget).
    last_kid_refetch: Option<Instant>,
    /// The last failed fetch: no new attempt for [`RETRY_AFTER_FAILURE`], so an issuer outage
    /// does not turn every incoming stream into a fetch.
    failed_at: Option<Instant>,
    /// Fetch attempts finished so far: a caller that waited for a fetch sees it moved on.
    attempts: u64,
    /// Why the last fetch failed, until one succeeds.
    last_error: Option<String>,
}

/// What a caller does about the cache as it stands.
enum Plan {
    Serve,
    ServeAndRefresh,
    FetchFirst,
    Unavailable,
}

/// Where the JWKS is.
pub(crate) enum Location {
    Url(Uri),
    /// The `jwks_uri` of the issuer's discovery document.
    Discovered(Arc<Discovery>),
}

impl Location {
    fn describe(&self) -> String {
        match self {
            Location::Url(url) => url.to_string(),
            Location::Discovered(d) => format!("the jwks_uri of {}", d.issuer()),
        }
    }

    async fn url(&self) -> Result<Uri, KeyError> {
        match self {
            Location::Url(url) => Ok(url.clone()),
            Location::Discovered(d) => Ok(d.metadata().await?.jwks_uri.clone()),
        }
    }
}

impl RemoteJwks {
    pub fn new(location: Location, fetcher: Arc<Fetcher>, pin: Pin, ttl: Duration) -> Self {
        RemoteJwks {
            location,
            fetcher,
            pin,
            ttl,
            cache: Mutex::new(Cache::default()),
            fetching: tokio::sync::Mutex::new(()),
        }
    }

    /// Fetches now (at start-up): how many keys there are, or why there are none.
    pub async fn prime(&self) -> Result<usize, String> {
        let attempts = self.cache.lock().attempts;
        self.refresh_after(attempts).await;
        let cache = self.cache.lock();
        match &cache.last_error {
            _ if !cache.keys.is_empty() => Ok(cache.keys.len()),
            Some(e) => Err(e.clone()),
            None => Err("no keys fetched yet".to_string()),
        }
    }

    /// No keys: why the last fetch failed, when one did.
    fn no_keys(&self, otherwise: &str) -> KeyError {
        let detail = match &self.cache.lock().last_error {
            Some(e) => format!("{e}; {otherwise}"),
            None => otherwise.to_string(),
        };
        KeyError::Jwks {
            origin: self.location.describe(),
            detail,
        }
    }

    /// Keys matching `kid` (or all, without a `kid`), fetching when stale or when the `kid` is
    /// unknown and the refetch budget allows.
    pub async fn keys_for(self: &Arc<Self>, kid: Option<&str>) -> Result<Vec<LoadedKey>, KeyError> {
        let (plan, attempts) = self.plan(kid, Instant::now());
        match plan {
            Plan::Serve => {}
            Plan::ServeAndRefresh => {
                let this = self.clone();
                tokio::spawn(async move { this.refresh_unless_busy().await });
            }
            Plan::FetchFirst => self.refresh_after(attempts).await,
            Plan::Unavailable => return Err(self.no_keys("retrying shortly")),
        }
        let keys = self.cache.lock().keys.clone();
        if keys.is_empty() {
            return Err(self.no_keys("no keys fetched yet"));
        }
        Ok(keys
            .iter()
            .filter(|k| kid.is_none_or(|want| k.kid.as_deref() == Some(want)))
            .cloned()
            .collect())
    }

    fn plan(&self, kid: Option<&str>, now: Instant) -> (Plan, u64) {
        let mut cache = self.cache.lock();
        let stale = cache.fetched_at.is_none_or(|t| now - t >= self.ttl);
        let known = kid.is_none_or(|k| cache.keys.iter().any(|l| l.kid.as_deref() == Some(k)));
        let backing_off = cache
            .failed_at
            .is_some_and(|t| now - t < RETRY_AFTER_FAILURE);
        let have_keys = !cache.keys.is_empty();
        let plan = if have_keys && known {
            if stale && !backing_off {
                Plan::ServeAndRefresh
            } else {
                Plan::Serve
            }
        } else if backing_off {
            if have_keys {
                Plan::Serve
            } else {
                Plan::Unavailable
            }
        } else if !have_keys || stale {
            Plan::FetchFirst
        } else if cache
            .last_kid_refetch
            .is_none_or(|t| now - t >= MIN_REFETCH_INTERVAL)
        {
            // Spend the budget now, so concurrent forged kids do not all queue for a fetch.
            cache.last_kid_refetch = Some(now);
            Plan::FetchFirst
        } else {
            Plan::Serve
        };
        (plan, cache.attempts)
    }

    /// Fetches now, unless a fetch finished while this caller waited for its turn.
    async fn refresh_after(&self, attempts_seen: u64) {
        let _turn = self.fetching.lock().await;
        if self.cache.lock().attempts != attempts_seen {
            return;
        }
        self.fetch_into_cache().await;
    }

    async fn refresh_unless_busy(&self) {
        if let Ok(_turn) = self.fetching.try_lock() {
            self.fetch_into_cache().await;
        }
    }

    async fn fetch_into_cache(&self) {
        let outcome = self.fetch().await;
        let now = Instant::now();
        let mut cache = self.cache.lock();
        cache.attempts += 1;
        match outcome {
            Ok(keys) => {
                cache.keys = keys.into();
                cache.fetched_at = Some(now);
                cache.failed_at = None;
                cache.last_error = None;
            }
            // A stale cache beats no keys: it is kept while the issuer is away.
            Err(e) => {
                tracing::warn!(jwks = %self.location.describe(), error = %e, cached = cache.keys.len(), "JWKS fetch failed");
                cache.failed_at = Some(now);
                cache.last_error = Some(match e {
                    KeyError::Jwks { detail, .. } => detail,
                    other => other.to_string(),
                });
            }
        }
    }

    async fn fetch(&self) -> Result<Vec<LoadedKey>, KeyError> {
        let url = self.location.url().await?;
        let origin = url.to_string();
        let body = self
            .fetcher
            .get(&url, MAX_DOCUMENT_BYTES)
            .await
            .map_err(|e| KeyError::Jwks {
                origin: origin.clone(),
                detail: e.detail,
            })?;
        let text = std::str::from_utf8(&body).map_err(|_| KeyError::Jwks {
            origin: origin.clone(),
            detail: "not UTF-8".into(),
        })?;
        parse_jwks(text, self.pin, &origin)
    }
}
