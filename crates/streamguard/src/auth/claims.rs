//! The verified claims of a token, as the guard uses them.

use std::sync::Arc;

use serde_json::{Map, Value};
use tokio::time::Instant;

/// Claims of a verified token, kept lean: a session holds them for as long as its stream
/// lives. `exp` is always present (tokens without it are refused).
#[derive(Debug, Clone, PartialEq)]
pub struct Claims {
    pub sub: String,
    pub jti: Option<String>,
    /// Seconds since the Unix epoch.
    pub exp: u64,
    /// Seconds since the Unix epoch. Required: without it a token's lifetime, and so how long
    /// a revocation of it must be kept, has no bound.
    pub iat: u64,
    /// Scopes from `scope` (space-delimited, RFC 9068) or a `scp` / `scopes` array, joined by
    /// single spaces: one allocation however many scopes. Only valid scope-tokens (RFC 6749
    /// §3.3: printable ASCII without space, `"` or `\`) are kept.
    scope: String,
    /// String claims kept by name for the guard (e.g. a tenant claim in the rate-limit key).
    extra: Vec<(String, String)>,
    /// Set for an opaque token verified by introspection: live streams re-check it.
    pub(crate) introspected: Option<Introspected>,
}

/// The SHA-256 of a token: how introspected tokens are cached and tracked without keeping
/// many copies of the token around.
pub(crate) type TokenKey = [u8; 32];

/// An opaque token's link to its introspection, for the re-checks of live streams.
#[derive(Clone)]
pub(crate) struct Introspected {
    pub key: TokenKey,
    /// The token itself: the re-check sends it to the issuer again.
    pub token: Arc<str>,
    /// When the issuer last vouched for it.
    pub checked_at: Instant,
}

impl PartialEq for Introspected {
    fn eq(&self, other: &Self) -> bool {
        self.key == other.key
    }
}

/// Never prints the token.
impl std::fmt::Debug for Introspected {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Introspected")
            .field("checked_at", &self.checked_at)
            .finish_non_exhaustive()
    }
}

impl Claims {
    pub(crate) fn from_raw(
        raw: &Map<String, Value>,
        keep: &[String],
    ) -> Result<Claims, &'static str> {
        let exp = raw.get("exp").and_then(Value::as_u64).ok_or("exp")?;
        let sub = match raw.get("sub") {
            Some(Value::String(s)) if !s.is_empty() => s.clone(),
            _ => return Err("sub"),
        };
        Ok(Claims {
            sub,
            jti: raw.get("jti").and_then(Value::as_str).map(str::to_owned),
            exp,
            iat: raw.get("iat").and_then(Value::as_u64).ok_or("iat")?,
            scope: scopes_of(raw),
            extra: keep
                .iter()
                .filter_map(|k| Some((k.clone(), raw.get(k)?.as_str()?.to_owned())))
                .collect(),
            introspected: None,
        })
    }

    /// Whether the token was opaque and verified by introspection (its live streams are
    /// re-checked at the issuer).
    pub fn is_introspected(&self) -> bool {
        self.introspected.is_some()
    }

    /// The token's scopes.
    pub fn scopes(&self) -> impl Iterator<Item = &str> {
        self.scope.split(' ').filter(|s| !s.is_empty())
    }

    pub fn has_scope(&self, scope: &str) -> bool {
        self.scopes().any(|s| s == scope)
    }

    /// A string claim the guard was asked to keep (see [`super::AuthConfig::keep_claims`]).
    pub fn claim_str(&self, name: &str) -> Option<&str> {
        self.extra
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

fn scopes_of(raw: &Map<String, Value>) -> String {
    let join = |it: &mut dyn Iterator<Item = &str>| {
        it.filter(|s| is_scope_token(s))
            .collect::<Vec<_>>()
            .join(" ")
    };
    // RFC 6749 §3.3: scopes are delimited by the space character only. Splitting on any
    // Unicode whitespace would turn "tools:echo\u{a0}admin" into two scopes.
    if let Some(Value::String(s)) = raw.get("scope") {
        return join(&mut s.split(' '));
    }
    for key in ["scp", "scopes"] {
        match raw.get(key) {
            // An entry with a space in it is not one scope: it is dropped, not split.
            Some(Value::Array(items)) => return join(&mut items.iter().filter_map(Value::as_str)),
            Some(Value::String(s)) => return join(&mut s.split(' ')),
            _ => {}
        }
    }
    String::new()
}

/// `scope-token = 1*( %x21 / %x23-5B / %x5D-7E )` (RFC 6749 §3.3).
fn is_scope_token(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| matches!(b, 0x21 | 0x23..=0x5b | 0x5d..=0x7e))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn claims(v: Value) -> Claims {
        Claims::from_raw(v.as_object().unwrap(), &["tenant".into()]).unwrap()
    }

    #[test]
    fn scopes_come_from_space_delimited_scope_claim() {
        let c = claims(json!({"sub": "a", "exp": 1, "iat": 0, "scope": "tools:echo  files:read"}));
        assert_eq!(c.scopes().collect::<Vec<_>>(), ["tools:echo", "files:read"]);
    }

    #[test]
    fn scopes_come_from_scp_or_scopes_arrays() {
        let c = claims(json!({"sub": "a", "exp": 1, "iat": 0, "scp": ["x", "y"]}));
        assert_eq!(c.scopes().collect::<Vec<_>>(), ["x", "y"]);
        let c = claims(json!({"sub": "a", "exp": 1, "iat": 0, "scopes": ["z"]}));
        assert!(c.has_scope("z"));
    }

    #[test]
    fn scopes_split_on_ascii_space_only() {
        for ws in ["\u{a0}", "\t", "\n", "\u{2003}", "\u{3000}"] {
            let c = claims(
                json!({"sub": "a", "exp": 1, "iat": 0, "scope": format!("tools:echo{ws}admin files:read")}),
            );
            assert!(!c.has_scope("admin"), "{ws:?} must not delimit scopes");
            assert!(!c.has_scope("tools:echo"), "{ws:?}");
            assert!(c.has_scope("files:read"));
        }
    }

    #[test]
    fn array_entries_that_are_not_one_scope_token_grant_nothing() {
        let c = claims(
            json!({"sub": "a", "exp": 1, "iat": 0, "scp": ["tools:echo admin", "x\"y", "ok"]}),
        );
        assert_eq!(c.scopes().collect::<Vec<_>>(), ["ok"]);
        assert!(!c.has_scope("admin"));
    }

    #[test]
    fn only_the_claims_asked_for_are_kept() {
        let c = claims(json!({"sub": "a", "exp": 1, "iat": 0, "tenant": "acme", "other": "x"}));
        assert_eq!(c.claim_str("tenant"), Some("acme"));
        assert_eq!(c.claim_str("other"), None);
    }

    #[test]
    fn tokens_without_sub_exp_or_iat_are_refused() {
        assert_eq!(
            Claims::from_raw(json!({"exp": 1, "iat": 0}).as_object().unwrap(), &[]),
            Err("sub")
        );
        assert_eq!(
            Claims::from_raw(json!({"sub": "a", "iat": 0}).as_object().unwrap(), &[]),
            Err("exp")
        );
        assert_eq!(
            Claims::from_raw(json!({"sub": "a", "exp": 1}).as_object().unwrap(), &[]),
            Err("iat")
        );
    }
}
