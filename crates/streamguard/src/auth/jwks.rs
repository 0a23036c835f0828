//! A JWKS fetched from a URL: cached, refreshed on a TTL, refetched on an unknown `kid` at most
//! once per [`MIN_REFETCH_INTERVAL`] so a flood of forged `kid`s cannot hammer the issuer.

use std::time::Duration;

use http_body_util::{BodyExt, Empty};
use jsonwebtoken::Algorithm;
use tokio::sync::Mutex;
use tokio::time::Instant;

use super::keys::{KeyError, LoadedKey, parse_jwks};

/// The shortest gap between two fetches triggered by unknown `kid`s.
pub const MIN_REFETCH_INTERVAL: Duration = Duration::from_secs(30);
/// JWKS documents larger than this are refused.
const MAX_JWKS_BYTES: usize = 1 << 20;

pub(crate) struct RemoteJwks {
    url: String,
    algorithm: Algorithm,
    ttl: Duration,
    state: Mutex<Cache>,
}

struct Cache {
    keys: Vec<LoadedKey>,
    fetched_at: Option<Instant>,
    /// The last fetch caused by an unknown `kid` (TTL refreshes do not spend this budget).
    last_kid_refetch: Option<Instant>,
    /// The last failed fetch: no new attempt for [`RETRY_AFTER_FAILURE`], so an issuer outage
    /// does not turn every incoming stream into a fetch.
    failed_at: Option<Instant>,
}

/// The pause after a failed fetch before the next attempt.
pub const RETRY_AFTER_FAILURE: Duration = Duration::from_secs(5);

impl RemoteJwks {
    pub fn new(url: String, algorithm: Algorithm, ttl: Duration) -> Self {
        RemoteJwks {
            url,
            algorithm,
            ttl,
            state: Mutex::new(Cache {
                keys: Vec::new(),
                fetched_at: None,
                last_kid_refetch: None,
                failed_at: None,
            }),
        }
    }

    /// Keys matching `kid` (or all, without a `kid`), fetching when stale or when the `kid` is
    /// unknown and the refetch budget allows.
    pub async fn keys_for(&self, kid: Option<&str>) -> Result<Vec<LoadedKey>, KeyError> {
        let mut cache = self.state.lock().await;
        let now = Instant::now();
        let stale = cache.fetched_at.is_none_or(|t| now - t >= self.ttl);
        let known =
            |c: &Cache| kid.is_none_or(|k| c.keys.iter().any(|l| l.kid.as_deref() == Some(k)));
        let may_refetch = cache
            .last_kid_refetch
            .is_none_or(|t| now - t >= MIN_REFETCH_INTERVAL);
        let refetch_for_kid = !stale && !known(&cache) && may_refetch;
        let backing_off = cache
            .failed_at
            .is_some_and(|t| now - t < RETRY_AFTER_FAILURE);
        if backing_off && cache.keys.is_empty() {
            return Err(KeyError::Jwks {
                origin: self.url.clone(),
                detail: "unreachable; retrying shortly".into(),
            });
        }
        if (stale || refetch_for_kid) && !backing_off {
            if refetch_for_kid {
                cache.last_kid_refetch = Some(now);
            }
            match fetch(&self.url).await {
                Ok(text) => {
                    cache.keys = parse_jwks(&text, self.algorithm, &self.url)?;
                    cache.fetched_at = Some(now);
                    cache.failed_at = None;
                }
                // A stale cache beats no keys: keep serving it while the issuer is away.
                Err(e) if cache.keys.is_empty() => return Err(e),
                Err(e) => {
                    tracing::warn!(url = %self.url, error = %e, "JWKS refresh failed; using cached keys")
                }
            }
        }
        Ok(cache
            .keys
            .iter()
            .filter(|k| kid.is_none_or(|want| k.kid.as_deref() == Some(want)))
            .cloned()
            .collect())
    }
}

async fn fetch(url: &str) -> Result<String, KeyError> {
    let err = |detail: String| KeyError::Jwks {
        origin: url.to_string(),
        detail,
    };
    let uri: http::Uri = url.parse().map_err(|e| err(format!("bad URL: {e}")))?;
    if uri.scheme_str() != Some("http") {
        return Err(err(
            "only http:// JWKS URLs are fetched; put an https JWKS behind a local file or proxy"
                .into(),
        ));
    }
    let client = hyper_util::client::legacy::Client::builder(hyper_util::rt::TokioExecutor::new())
        .build_http::<Empty<bytes::Bytes>>();
    let response = tokio::time::timeout(Duration::from_secs(5), client.get(uri))
        .await
        .map_err(|_| err("timed out after 5 s".into()))?
        .map_err(|e| err(e.to_string()))?;
    if !response.status().is_success() {
        return Err(err(format!("HTTP {}", response.status())));
    }
    let body = http_body_util::Limited::new(response.into_body(), MAX_JWKS_BYTES)
        .collect()
        .await
        .map_err(|e| err(e.to_string()))?
        .to_bytes();
    String::from_utf8(body.to_vec()).map_err(|_| err("not UTF-8".into()))
}
