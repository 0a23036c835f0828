//! Who is calling, told to the upstream. The client's token is not passed on (the MCP
//! authorization spec forbids token passthrough); instead the upstream gets
//!
//! - `x-streamguard-sub`, `x-streamguard-scopes` (space-separated), `x-streamguard-jti`,
//!   `x-streamguard-timestamp` (Unix seconds), and, with a signing key,
//! - `x-streamguard-signature: v1=<hex HMAC-SHA256>` over the canonical string
//!
//! ```text
//! streamguard-identity-v1 \n <timestamp> \n <:path> \n <sub> \n <scopes> \n <jti>
//! ```
//!
//! (lines joined by `\n`, each value exactly as sent in its header; `jti` empty when absent).
//! Values outside printable ASCII, and `%`, are percent-encoded (UTF-8). The upstream checks
//! the signature in constant time and that the timestamp is recent. Or, with
//! `token_audience`, a short-lived HS256 token minted for the upstream's audience in
//! `authorization`.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use hmac::{Hmac, Mac};
use http::{HeaderMap, HeaderName, HeaderValue};
use sha2::Sha256;
use streamguard::auth::Claims;
use streamguard_server::tokens::{TokenSpec, mint_hs256};

use crate::config::{GatewayConfig, MintConfig};

pub const SUB: HeaderName = HeaderName::from_static("x-streamguard-sub");
pub const SCOPES: HeaderName = HeaderName::from_static("x-streamguard-scopes");
pub const JTI: HeaderName = HeaderName::from_static("x-streamguard-jti");
pub const TIMESTAMP: HeaderName = HeaderName::from_static("x-streamguard-timestamp");
pub const SIGNATURE: HeaderName = HeaderName::from_static("x-streamguard-signature");
/// Headers a client may not set: only the gateway speaks for the caller.
pub const PREFIX: &str = "x-streamguard-";

/// How the caller's identity is forwarded.
#[derive(Clone)]
pub struct UpstreamIdentity {
    signer: Option<Hmac<Sha256>>,
    key: Option<String>,
    mint: Option<MintConfig>,
    forward_client_token: bool,
}

impl std::fmt::Debug for UpstreamIdentity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("UpstreamIdentity")
            .field("signed", &self.signer.is_some())
            .field("mint", &self.mint)
            .field("forward_client_token", &self.forward_client_token)
            .finish()
    }
}

impl UpstreamIdentity {
    pub fn new(config: &GatewayConfig) -> Self {
        let key = config.identity.signing_key.clone();
        UpstreamIdentity {
            signer: key
                .as_deref()
                .and_then(|k| Hmac::<Sha256>::new_from_slice(k.as_bytes()).ok()),
            key,
            mint: config.identity.token.clone(),
            forward_client_token: config.forward_client_token,
        }
    }

    pub fn forwards_client_token(&self) -> bool {
        self.forward_client_token
    }

    pub fn is_signed(&self) -> bool {
        self.signer.is_some()
    }

    /// Adds the caller's identity to the upstream request's headers (already stripped of the
    /// client's `x-streamguard-*` and, unless forwarded, `authorization`).
    pub fn apply(&self, headers: &mut HeaderMap, path: &str, claims: &Claims) {
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap_or_default()
            .as_secs();
        let scopes = claims.scopes().collect::<Vec<_>>().join(" ");
        let sub = metadata_value(&claims.sub);
        let scopes = metadata_value(&scopes);
        let jti = claims.jti.as_deref().map(metadata_value);
        let timestamp = HeaderValue::from(now);
        if let Some(signer) = &self.signer {
            let canonical = canonical(
                timestamp.as_bytes(),
                path.as_bytes(),
                sub.as_bytes(),
                scopes.as_bytes(),
                jti.as_ref().map_or(&[][..], HeaderValue::as_bytes),
            );
            let mut mac = signer.clone();
            mac.update(&canonical);
            let sig = format!("v1={}", hex(&mac.finalize().into_bytes()));
            if let Ok(v) = HeaderValue::from_str(&sig) {
                headers.insert(SIGNATURE, v);
            }
        }
        headers.insert(SUB, sub);
        headers.insert(SCOPES, scopes);
        if let Some(jti) = jti {
            headers.insert(JTI, jti);
        }
        headers.insert(TIMESTAMP, timestamp);
        if let (Some(mint), Some(key)) = (&self.mint, &self.key) {
            let left = claims.exp.saturating_sub(now);
            let mut spec = TokenSpec::new(
                &claims.sub,
                &claims.scopes().collect::<Vec<_>>().join(" "),
                mint.ttl.min(Duration::from_secs(left.max(1))),
            );
            spec.iss = Some(mint.issuer.clone());
            spec.aud = Some(mint.audience.clone());
            match mint_hs256(key, &spec).map(|t| HeaderValue::from_str(&format!("Bearer {t}"))) {
                Ok(Ok(v)) => {
                    headers.insert(http::header::AUTHORIZATION, v);
                }
                _ => tracing::warn!(sub = %claims.sub, "could not mint the upstream token"),
            }
        }
    }
}

/// The bytes the signature covers (see the module docs).
pub fn canonical(timestamp: &[u8], path: &[u8], sub: &[u8], scopes: &[u8], jti: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(64 + path.len() + sub.len() + scopes.len() + jti.len());
    for (i, part) in [
        &b"streamguard-identity-v1"[..],
        timestamp,
        path,
        sub,
        scopes,
        jti,
    ]
    .into_iter()
    .enumerate()
    {
        if i > 0 {
            out.push(b'\n');
        }
        out.extend_from_slice(part);
    }
    out
}

fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(DIGITS[(b >> 4) as usize] as char);
        s.push(DIGITS[(b & 15) as usize] as char);
    }
    s
}

/// A gRPC ASCII metadata value: printable ASCII kept, anything else (and `%`) percent-encoded.
pub fn metadata_value(text: &str) -> HeaderValue {
    let plain = text.bytes().all(|b| (0x20..0x7f).contains(&b) && b != b'%');
    let encoded;
    let text = if plain {
        text
    } else {
        encoded = text
            .bytes()
            .map(|b| {
                if (0x20..0x7f).contains(&b) && b != b'%' {
                    (b as char).to_string()
                } else {
                    format!("%{b:02X}")
                }
            })
            .collect::<String>();
        &encoded
    };
    HeaderValue::from_str(text).unwrap_or_else(|_| HeaderValue::from_static(""))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_outside_printable_ascii_are_percent_encoded() {
        assert_eq!(metadata_value("alice"), "alice");
        assert_eq!(metadata_value("zoë\n%"), "zo%C3%AB%0A%25");
    }

    #[test]
    fn the_canonical_string_joins_the_values_by_newlines() {
        assert_eq!(
            canonical(b"17", b"/a.B/C", b"bob", b"x y", b""),
            b"streamguard-identity-v1\n17\n/a.B/C\nbob\nx y\n"
        );
    }

    #[test]
    fn hex_is_lowercase() {
        assert_eq!(hex(&[0, 0xab, 0x10]), "00ab10");
    }
}
