//! The verified claims of a token, as the guard uses them.

use serde_json::{Map, Value};

/// Claims of a verified token. `exp` is always present (tokens without it are refused).
#[derive(Debug, Clone, PartialEq)]
pub struct Claims {
    pub sub: String,
    pub jti: Option<String>,
    /// Seconds since the Unix epoch.
    pub exp: u64,
    pub iss: Option<String>,
    /// Scopes from `scope` (space-delimited, RFC 9068) or a `scp` / `scopes` array.
    pub scopes: Vec<String>,
    /// Every claim as sent, for claims the guard does not model (e.g. a tenant).
    pub raw: Map<String, Value>,
}

impl Claims {
    pub(crate) fn from_raw(raw: Map<String, Value>) -> Result<Claims, &'static str> {
        let exp = raw.get("exp").and_then(Value::as_u64).ok_or("exp")?;
        let sub = match raw.get("sub") {
            Some(Value::String(s)) if !s.is_empty() => s.clone(),
            _ => return Err("sub"),
        };
        let jti = raw.get("jti").and_then(Value::as_str).map(str::to_owned);
        let iss = raw.get("iss").and_then(Value::as_str).map(str::to_owned);
        Ok(Claims {
            sub,
            jti,
            exp,
            iss,
            scopes: scopes_of(&raw),
            raw,
        })
    }

    pub fn has_scope(&self, scope: &str) -> bool {
        self.scopes.iter().any(|s| s == scope)
    }

    /// A claim as a string, for rate-limit keys (`tenant`, …).
    pub fn claim_str(&self, name: &str) -> Option<&str> {
        self.raw.get(name).and_then(Value::as_str)
    }
}

fn scopes_of(raw: &Map<String, Value>) -> Vec<String> {
    if let Some(Value::String(s)) = raw.get("scope") {
        return s.split_whitespace().map(str::to_owned).collect();
    }
    for key in ["scp", "scopes"] {
        match raw.get(key) {
            Some(Value::Array(items)) => {
                return items
                    .iter()
                    .filter_map(Value::as_str)
                    .map(str::to_owned)
                    .collect();
            }
            Some(Value::String(s)) => return s.split_whitespace().map(str::to_owned).collect(),
            _ => {}
        }
    }
    Vec::new()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn claims(v: Value) -> Claims {
        Claims::from_raw(v.as_object().unwrap().clone()).unwrap()
    }

    #[test]
    fn scopes_come_from_space_delimited_scope_claim() {
        let c = claims(json!({"sub": "a", "exp": 1, "scope": "tools:echo  files:read"}));
        assert_eq!(c.scopes, ["tools:echo", "files:read"]);
    }

    #[test]
    fn scopes_come_from_scp_or_scopes_arrays() {
        let c = claims(json!({"sub": "a", "exp": 1, "scp": ["x", "y"]}));
        assert_eq!(c.scopes, ["x", "y"]);
        let c = claims(json!({"sub": "a", "exp": 1, "scopes": ["z"]}));
        assert!(c.has_scope("z"));
    }

    #[test]
    fn tokens_without_sub_or_exp_are_refused() {
        assert_eq!(
            Claims::from_raw(json!({"exp": 1}).as_object().unwrap().clone()),
            Err("sub")
        );
        assert_eq!(
            Claims::from_raw(json!({"sub": "a"}).as_object().unwrap().clone()),
            Err("exp")
        );
    }
}
