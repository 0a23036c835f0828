//! The verified claims of a token, as the guard uses them.

use serde_json::{Map, Value};

/// Claims of a verified token, kept lean: a session holds them for as long as its stream
/// lives. `exp` is always present (tokens without it are refused).
#[derive(Debug, Clone, PartialEq)]
pub struct Claims {
    pub sub: String,
    pub jti: Option<String>,
    /// Seconds since the Unix epoch.
    pub exp: u64,
    pub iat: Option<u64>,
    /// Scopes from `scope` (space-delimited, RFC 9068) or a `scp` / `scopes` array, joined by
    /// single spaces: one allocation however many scopes.
    scope: String,
    /// String claims kept by name for the guard (e.g. a tenant claim in the rate-limit key).
    extra: Vec<(String, String)>,
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
            iat: raw.get("iat").and_then(Value::as_u64),
            scope: scopes_of(raw),
            extra: keep
                .iter()
                .filter_map(|k| Some((k.clone(), raw.get(k)?.as_str()?.to_owned())))
                .collect(),
        })
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
    let join = |it: &mut dyn Iterator<Item = &str>| it.collect::<Vec<_>>().join(" ");
    if let Some(Value::String(s)) = raw.get("scope") {
        return join(&mut s.split_whitespace());
    }
    for key in ["scp", "scopes"] {
        match raw.get(key) {
            Some(Value::Array(items)) => return join(&mut items.iter().filter_map(Value::as_str)),
            Some(Value::String(s)) => return join(&mut s.split_whitespace()),
            _ => {}
        }
    }
    String::new()
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
        let c = claims(json!({"sub": "a", "exp": 1, "scope": "tools:echo  files:read"}));
        assert_eq!(c.scopes().collect::<Vec<_>>(), ["tools:echo", "files:read"]);
    }

    #[test]
    fn scopes_come_from_scp_or_scopes_arrays() {
        let c = claims(json!({"sub": "a", "exp": 1, "scp": ["x", "y"]}));
        assert_eq!(c.scopes().collect::<Vec<_>>(), ["x", "y"]);
        let c = claims(json!({"sub": "a", "exp": 1, "scopes": ["z"]}));
        assert!(c.has_scope("z"));
    }

    #[test]
    fn only_the_claims_asked_for_are_kept() {
        let c = claims(json!({"sub": "a", "exp": 1, "tenant": "acme", "other": "x"}));
        assert_eq!(c.claim_str("tenant"), Some("acme"));
        assert_eq!(c.claim_str("other"), None);
    }

    #[test]
    fn tokens_without_sub_or_exp_are_refused() {
        assert_eq!(
            Claims::from_raw(json!({"exp": 1}).as_object().unwrap(), &[]),
            Err("sub")
        );
        assert_eq!(
            Claims::from_raw(json!({"sub": "a"}).as_object().unwrap(), &[]),
            Err("exp")
        );
    }
}
