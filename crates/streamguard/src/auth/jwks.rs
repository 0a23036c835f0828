//! A JWKS fetched from a URL: cached, refreshed on a TTL, refetched on an unknown `kid` at most
//! once per [`MIN_REFETCH_INTERVAL`] so a flood of forged `kid`s cannot hammer the issuer.
//!
//! The cache lock is never held across a fetch. Fetches are single-flight: one at a time, and
//! callers that waited for one use its result instead of starting another. A stale cache is
//! served while it is refreshed in the background, so a slow or failing issuer does not stall
//! stream opens for tokens of keys already known.

use std::sync::Arc;
use std::time::Duration;

use jsonwebtoken::Algorithm;
use parking_lot::Mutex;
use tokio::time::Instant;

use super::fetch::JwksFetcher;
use super::keys::{KeyError, LoadedKey, parse_jwks};

/// The shortest gap between two fetches triggered by unknown `kid`s.
pub const MIN_REFETCH_INTERVAL: Duration = Duration::from_secs(30);
/// The pause after a failed fetch before the next attempt.
pub const RETRY_AFTER_FAILURE: Duration = Duration::from_secs(5);

pub(crate) struct RemoteJwks {
    fetcher: JwksFetcher,
    algorithm: Algorithm,
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
}

/// What a caller does about the cache as it stands.
enum Plan {
    Serve,
    ServeAndRefresh,
    FetchFirst,
    Unavailable,
}

impl RemoteJwks {
    pub fn new(url: &str, algorithm: Algorithm, ttl: Duration) -> Result<Self, KeyError> {
        Ok(RemoteJwks {
            fetcher: JwksFetcher::new(url)?,
            algorithm,
            ttl,
            cache: Mutex::new(Cache::default()),
            fetching: tokio::sync::Mutex::new(()),
        })
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
            Plan::Unavailable => {
                return Err(KeyError::Jwks {
                    origin: self.fetcher.url().to_string(),
                    detail: "unreachable; retrying shortly".into(),
                });
            }
        }
        let keys = self.cache.lock().keys.clone();
        if keys.is_empty() {
            return Err(KeyError::Jwks {
                origin: self.fetcher.url().to_string(),
                detail: "no keys fetched yet".into(),
            });
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
        let outcome = self
            .fetcher
            .fetch()
            .await
            .and_then(|text| parse_jwks(&text, self.algorithm, self.fetcher.url()));
        let now = Instant::now();
        let mut cache = self.cache.lock();
        cache.attempts += 1;
        match outcome {
            Ok(keys) => {
                cache.keys = keys.into();
                cache.fetched_at = Some(now);
                cache.failed_at = None;
            }
            // A stale cache beats no keys: it is kept while the issuer is away.
            Err(e) => {
                tracing::warn!(url = %self.fetcher.url(), error = %e, cached = cache.keys.len(), "JWKS fetch failed");
                cache.failed_at = Some(now);
            }
        }
    }
}
