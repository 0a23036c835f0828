//! OpenID Connect discovery, with RFC 8414 authorization server metadata as the fallback: where
//! the issuer keeps its JWKS (`jwks_uri`) and its introspection endpoint.
//!
//! The document must name exactly the configured issuer (OpenID Connect Discovery §4.3, RFC 8414
//! §3.3): a provider answering for another issuer is a misconfiguration, not something to trust.
//! An https issuer's endpoints must be https too. The document is read before the first use and
//! kept for the life of the process once read; a failed read is retried, single-flight, at most
//! every [`RETRY_AFTER_FAILURE`](super::jwks::RETRY_AFTER_FAILURE).

use std::sync::Arc;

use http::{StatusCode, Uri};
use parking_lot::Mutex;
use serde::Deserialize;
use tokio::time::Instant;

use super::fetch::{Fetcher, MAX_DOCUMENT_BYTES, parse_url};
use super::jwks::RETRY_AFTER_FAILURE;
use super::keys::KeyError;

/// What the guard takes from the provider's metadata.
#[derive(Debug)]
pub(crate) struct ProviderMetadata {
    pub jwks_uri: Uri,
    pub introspection_endpoint: Option<Uri>,
}

/// Discovery failed. `Invalid` means the provider answered and the answer does not fit the
/// configuration (start-up stops); `Unreachable` may pass (start-up goes on, tokens are refused
/// with `key_unavailable` until it does).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DiscoveryError {
    #[error("discovery of issuer {issuer}: {detail}")]
    Unreachable { issuer: String, detail: String },
    #[error("discovery of issuer {issuer}: {detail}")]
    Invalid { issuer: String, detail: String },
}

/// The issuer's metadata, read once.
pub(crate) struct Discovery {
    issuer: String,
    candidates: [Uri; 2],
    fetcher: Arc<Fetcher>,
    state: Mutex<State>,
    /// Held for the duration of one read (single flight).
    fetching: tokio::sync::Mutex<()>,
}

#[derive(Default)]
struct State {
    found: Option<Arc<ProviderMetadata>>,
    failed: Option<(Instant, DiscoveryError)>,
}

/// The fields read from the document; the rest is ignored.
#[derive(Deserialize)]
struct Document {
    issuer: Option<String>,
    jwks_uri: Option<String>,
    introspection_endpoint: Option<String>,
}

impl Discovery {
    /// Refuses, at start-up, an issuer that is not an http(s) URL.
    pub fn new(issuer: &str, fetcher: Arc<Fetcher>) -> Result<Self, KeyError> {
        let uri = parse_url("auth.issuer", issuer)?;
        if uri.query().is_some() {
            return Err(KeyError::BadUrl {
                key: "auth.issuer",
                url: issuer.into(),
                detail: "an issuer identifier has no query".into(),
            });
        }
        Ok(Discovery {
            issuer: issuer.to_string(),
            candidates: well_known_urls(&uri)?,
            fetcher,
            state: Mutex::default(),
            fetching: tokio::sync::Mutex::new(()),
        })
    }

    pub fn issuer(&self) -> &str {
        &self.issuer
    }

    /// The metadata, read now if it was not yet (unless the last read failed moments ago).
    pub async fn metadata(&self) -> Result<Arc<ProviderMetadata>, DiscoveryError> {
        if let Some(known) = self.settled()? {
            return Ok(known);
        }
        let _turn = self.fetching.lock().await;
        // Whoever held the turn before may have settled it.
        if let Some(known) = self.settled()? {
            return Ok(known);
        }
        let outcome = self.read().await;
        let mut state = self.state.lock();
        match outcome {
            Ok(metadata) => {
                let metadata = Arc::new(metadata);
                tracing::info!(issuer = %self.issuer, jwks_uri = %metadata.jwks_uri, introspection_endpoint = ?metadata.introspection_endpoint.as_ref().map(Uri::to_string), "issuer metadata discovered");
                state.found = Some(metadata.clone());
                state.failed = None;
                Ok(metadata)
            }
            Err(e) => {
                tracing::warn!(error = %e, "OpenID discovery failed");
                state.failed = Some((Instant::now(), e.clone()));
                Err(e)
            }
        }
    }

    /// The metadata if read, the last error if it failed recently, else `None` (read now).
    fn settled(&self) -> Result<Option<Arc<ProviderMetadata>>, DiscoveryError> {
        let state = self.state.lock();
        if let Some(found) = &state.found {
            return Ok(Some(found.clone()));
        }
        match &state.failed {
            Some((at, e)) if at.elapsed() < RETRY_AFTER_FAILURE => Err(e.clone()),
            _ => Ok(None),
        }
    }

    /// The OpenID document, or RFC 8414's when the issuer has no OpenID document.
    async fn read(&self) -> Result<ProviderMetadata, DiscoveryError> {
        let [openid, oauth] = &self.candidates;
        let body = match self.fetcher.get(openid, MAX_DOCUMENT_BYTES).await {
            Ok(body) => body,
            Err(e) if e.status.is_some_and(|s| s.is_client_error()) => {
                match self.fetcher.get(oauth, MAX_DOCUMENT_BYTES).await {
                    Ok(body) => body,
                    Err(e2) if e2.status.is_some_and(|s| s.is_client_error()) => {
                        return Err(self.invalid(format!(
                            "no metadata document: {openid} answered {}, {oauth} answered {}",
                            e.status.unwrap_or(StatusCode::NOT_FOUND),
                            e2.status.unwrap_or(StatusCode::NOT_FOUND)
                        )));
                    }
                    Err(e2) => return Err(self.unreachable(e2.to_string())),
                }
            }
            Err(e) => return Err(self.unreachable(e.to_string())),
        };
        self.check(&body)
    }

    fn check(&self, body: &[u8]) -> Result<ProviderMetadata, DiscoveryError> {
        let doc: Document = serde_json::from_slice(body)
            .map_err(|e| self.invalid(format!("the metadata document is not JSON: {e}")))?;
        if doc.issuer.as_deref() != Some(self.issuer.as_str()) {
            return Err(self.invalid(format!(
                "the metadata document names issuer {:?}; it must be exactly the configured {:?} (check [auth] issuer, including any trailing slash)",
                doc.issuer.unwrap_or_default(),
                self.issuer
            )));
        }
        let jwks_uri = self
            .endpoint("jwks_uri", doc.jwks_uri.as_deref())?
            .ok_or_else(|| self.invalid("the metadata document has no jwks_uri".to_string()))?;
        Ok(ProviderMetadata {
            jwks_uri,
            introspection_endpoint: self.endpoint(
                "introspection_endpoint",
                doc.introspection_endpoint.as_deref(),
            )?,
        })
    }

    /// An endpoint named by the document: an http(s) URL, https when the issuer is.
    fn endpoint(&self, name: &str, value: Option<&str>) -> Result<Option<Uri>, DiscoveryError> {
        let Some(text) = value else {
            return Ok(None);
        };
        let uri = parse_url("jwks_uri", text)
            .map_err(|_| self.invalid(format!("{name} {text:?} is not an http(s) URL")))?;
        if self.issuer.starts_with("https://") && uri.scheme_str() != Some("https") {
            return Err(self.invalid(format!(
                "{name} {text:?} is not https although the issuer is"
            )));
        }
        Ok(Some(uri))
    }

    fn invalid(&self, detail: String) -> DiscoveryError {
        DiscoveryError::Invalid {
            issuer: self.issuer.clone(),
            detail,
        }
    }

    fn unreachable(&self, detail: String) -> DiscoveryError {
        DiscoveryError::Unreachable {
            issuer: self.issuer.clone(),
            detail,
        }
    }
}

/// Where the metadata may be: `<issuer>/.well-known/openid-configuration` (OpenID Connect
/// Discovery §4, appended to the issuer's path) and
/// `<origin>/.well-known/oauth-authorization-server<path>` (RFC 8414 §3, inserted before it).
fn well_known_urls(issuer: &Uri) -> Result<[Uri; 2], KeyError> {
    let origin = format!(
        "{}://{}",
        issuer.scheme_str().unwrap_or("https"),
        issuer.authority().map(|a| a.as_str()).unwrap_or_default()
    );
    let path = issuer.path().trim_end_matches('/');
    let parse = |text: String| {
        text.parse::<Uri>().map_err(|e| KeyError::BadUrl {
            key: "auth.issuer",
            url: issuer.to_string(),
            detail: format!("cannot form its discovery URL: {e}"),
        })
    };
    Ok([
        parse(format!("{origin}{path}/.well-known/openid-configuration"))?,
        parse(format!(
            "{origin}/.well-known/oauth-authorization-server{path}"
        ))?,
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn urls(issuer: &str) -> [String; 2] {
        well_known_urls(&issuer.parse().unwrap())
            .unwrap()
            .map(|u| u.to_string())
    }

    #[test]
    fn well_known_urls_follow_openid_and_rfc_8414() {
        assert_eq!(
            urls("https://idp.example"),
            [
                "https://idp.example/.well-known/openid-configuration",
                "https://idp.example/.well-known/oauth-authorization-server"
            ]
        );
        assert_eq!(
            urls("https://idp.example/realms/mcp/"),
            [
                "https://idp.example/realms/mcp/.well-known/openid-configuration",
                "https://idp.example/.well-known/oauth-authorization-server/realms/mcp"
            ]
        );
    }

    fn discovery(issuer: &str) -> Discovery {
        Discovery::new(issuer, Arc::new(Fetcher::new(None).unwrap())).unwrap()
    }

    #[test]
    fn the_document_must_name_exactly_the_configured_issuer() {
        let d = discovery("https://idp.example");
        let doc = |issuer: &str| {
            serde_json::json!({"issuer": issuer, "jwks_uri": "https://idp.example/jwks"})
                .to_string()
        };
        assert!(d.check(doc("https://idp.example").as_bytes()).is_ok());
        for other in ["https://idp.example/", "https://evil.example", ""] {
            let e = d.check(doc(other).as_bytes()).unwrap_err();
            assert!(matches!(e, DiscoveryError::Invalid { .. }), "{other}: {e}");
        }
        let e = d
            .check(br#"{"jwks_uri": "https://idp.example/jwks"}"#)
            .unwrap_err();
        assert!(e.to_string().contains("names issuer"), "{e}");
    }

    #[test]
    fn an_https_issuer_cannot_send_keys_or_tokens_over_plain_http() {
        let d = discovery("https://idp.example");
        let e = d
            .check(br#"{"issuer": "https://idp.example", "jwks_uri": "http://idp.example/jwks"}"#)
            .unwrap_err();
        assert!(e.to_string().contains("not https"), "{e}");
        let e = d
            .check(br#"{"issuer": "https://idp.example", "jwks_uri": "https://idp.example/jwks", "introspection_endpoint": "http://idp.example/i"}"#)
            .unwrap_err();
        assert!(e.to_string().contains("introspection_endpoint"), "{e}");
        let e = d
            .check(br#"{"issuer": "https://idp.example"}"#)
            .unwrap_err();
        assert!(e.to_string().contains("no jwks_uri"), "{e}");
    }
}
