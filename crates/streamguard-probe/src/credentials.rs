//! Tokens for the auditor's identities: minted in-process (HS/RS/PS/ES/EdDSA) or printed by a command.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use base64::Engine as _;
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use serde_json::{Map, Value, json};

use crate::config::{ConfigError, CredentialsConfig, MintConfig, ScopeFormat};

/// A token issued to one probe, with what the probe needs to know about it.
#[derive(Debug, Clone)]
pub(crate) struct Identity {
    pub sub: String,
    pub jti: String,
    pub token: String,
    /// When the token expires, as the target sees it (`exp` claim, whole seconds).
    pub exp: SystemTime,
}

/// Getting a token failed at audit time.
#[derive(Debug, thiserror::Error)]
pub(crate) enum CredentialError {
    #[error(transparent)]
    Config(#[from] ConfigError),
    #[error("credentials.command failed: {0}")]
    Command(String),
}

fn algorithm(name: &str) -> Result<Algorithm, ConfigError> {
    name.parse::<Algorithm>().map_err(|_| {
        ConfigError::invalid(
            "credentials.mint.algorithm",
            format!("`{name}` is not supported; use HS256, HS384, HS512, RS256, RS384, RS512, PS256, PS384, PS512, ES256, ES384 or EdDSA"),
        )
    })
}

fn is_hmac(alg: Algorithm) -> bool {
    matches!(alg, Algorithm::HS256 | Algorithm::HS384 | Algorithm::HS512)
}

/// Checks a mint config and loads its key, so a bad key is a config error before any probe runs.
pub(crate) fn check_mint(m: &MintConfig) -> Result<(), ConfigError> {
    encoding_key(m).map(|_| ())
}

fn encoding_key(m: &MintConfig) -> Result<(Algorithm, EncodingKey), ConfigError> {
    let alg = algorithm(&m.algorithm)?;
    if is_hmac(alg) {
        let secret = match (&m.secret, &m.secret_env) {
            (Some(s), None) => s.clone(),
            (None, Some(var)) => std::env::var(var).map_err(|_| {
                ConfigError::invalid(
                    "credentials.mint.secret_env",
                    format!("environment variable `{var}` is not set"),
                )
            })?,
            _ => {
                return Err(ConfigError::invalid(
                    "credentials.mint.secret",
                    format!(
                        "{} needs exactly one of secret = \"…\" and secret_env = \"VAR\"",
                        m.algorithm
                    ),
                ));
            }
        };
        if secret.is_empty() {
            return Err(ConfigError::invalid(
                "credentials.mint.secret",
                "the secret is empty",
            ));
        }
        return Ok((alg, EncodingKey::from_secret(secret.as_bytes())));
    }
    let path = m.key_file.as_ref().ok_or_else(|| {
        ConfigError::invalid(
            "credentials.mint.key_file",
            format!("{} needs key_file = \"private-key.pem\"", m.algorithm),
        )
    })?;
    let pem = std::fs::read(path).map_err(|e| {
        ConfigError::invalid(
            "credentials.mint.key_file",
            format!("cannot read {}: {e}", path.display()),
        )
    })?;
    let key = match alg {
        Algorithm::ES256 | Algorithm::ES384 => EncodingKey::from_ec_pem(&pem),
        Algorithm::EdDSA => EncodingKey::from_ed_pem(&pem),
        _ => EncodingKey::from_rsa_pem(&pem),
    }
    .map_err(|e| {
        ConfigError::invalid(
            "credentials.mint.key_file",
            format!("{} is not a PEM private key for {} ({e}); PKCS#8 `BEGIN PRIVATE KEY` works for all", path.display(), m.algorithm),
        )
    })?;
    Ok((alg, key))
}

fn unix(t: SystemTime) -> u64 {
    t.duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

/// Issues tokens for the auditor's identities.
pub(crate) struct Issuer {
    config: CredentialsConfig,
}

impl Issuer {
    pub fn new(config: &CredentialsConfig) -> Self {
        Self {
            config: config.clone(),
        }
    }

    /// The `sub` of a probe's identity: distinct per probe and per run.
    pub fn subject(&self, probe: &str) -> String {
        let n: u32 = rand::random();
        format!("{}-{probe}-{n:08x}", self.config.sub_prefix)
    }

    /// A token for `sub` with `scopes`, valid for `ttl`.
    pub async fn issue(
        &self,
        sub: &str,
        scopes: &[String],
        ttl: Duration,
    ) -> Result<Identity, CredentialError> {
        let jti = uuid::Uuid::new_v4().to_string();
        let now = SystemTime::now();
        if let Some(m) = &self.config.mint {
            let (alg, key) = encoding_key(m)?;
            // exp is whole seconds: round up so the token lives at least `ttl`.
            let exp = unix(now) + ttl.as_secs() + u64::from(ttl.subsec_nanos() > 0);
            let mut claims: Map<String, Value> = m.extra_claims.clone();
            claims.insert("sub".into(), json!(sub));
            claims.insert("jti".into(), json!(jti));
            claims.insert("iat".into(), json!(unix(now)));
            claims.insert("exp".into(), json!(exp));
            if let Some(iss) = &m.iss {
                claims.insert("iss".into(), json!(iss));
            }
            if let Some(aud) = &m.aud {
                claims.insert("aud".into(), json!(aud));
            }
            let scope = match m.scope_format {
                ScopeFormat::String => json!(scopes.join(" ")),
                ScopeFormat::Array => json!(scopes),
            };
            claims.insert(m.scope_claim.clone(), scope);
            let mut header = Header::new(alg);
            header.kid = m.kid.clone();
            let token = jsonwebtoken::encode(&header, &claims, &key).map_err(|e| {
                ConfigError::invalid("credentials.mint", format!("cannot sign a token: {e}"))
            })?;
            return Ok(Identity {
                sub: sub.into(),
                jti,
                token,
                exp: UNIX_EPOCH + Duration::from_secs(exp),
            });
        }
        let template = self.config.command.as_deref().unwrap_or_default();
        let ttl_s = ttl.as_secs_f64().ceil() as u64;
        let cmd = template
            .replace("{sub}", &shell_quote(sub))
            .replace("{scopes}", &shell_quote(&scopes.join(" ")))
            .replace("{ttl_s}", &ttl_s.to_string())
            .replace("{jti}", &shell_quote(&jti));
        let out = run_shell(&cmd).await.map_err(CredentialError::Command)?;
        let token = out.trim().to_string();
        if token.is_empty() {
            return Err(CredentialError::Command(format!(
                "`{cmd}` printed no token"
            )));
        }
        // The command may ignore {jti}: trust the claims of the token it printed when readable.
        let claims = jwt_claims(&token);
        let jti = claims
            .as_ref()
            .and_then(|c| c.get("jti")?.as_str().map(String::from))
            .unwrap_or(jti);
        let exp = claims
            .as_ref()
            .and_then(|c| c.get("exp")?.as_u64())
            .map(|s| UNIX_EPOCH + Duration::from_secs(s))
            .unwrap_or(now + ttl);
        Ok(Identity {
            sub: sub.into(),
            jti,
            token,
            exp,
        })
    }
}

/// The claims of a JWT, without verifying it; `None` if it is not a readable JWT.
fn jwt_claims(token: &str) -> Option<Map<String, Value>> {
    let payload = token.split('.').nth(1)?;
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(payload.trim_end_matches('='))
        .ok()?;
    serde_json::from_slice(&bytes).ok()
}

/// Single-quotes a value for `sh`.
pub(crate) fn shell_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', "'\\''"))
}

/// Runs `sh -c cmd` (bounded to 30 s); its standard output, or why it failed.
pub(crate) async fn run_shell(cmd: &str) -> Result<String, String> {
    let child = tokio::process::Command::new("sh")
        .arg("-c")
        .arg(cmd)
        .stdin(std::process::Stdio::null())
        .kill_on_drop(true)
        .output();
    let out = tokio::time::timeout(Duration::from_secs(30), child)
        .await
        .map_err(|_| format!("`{cmd}` did not finish within 30 s"))?
        .map_err(|e| format!("cannot run `{cmd}`: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "`{cmd}` exited with {}: {}",
            out.status,
            String::from_utf8_lossy(&out.stderr).trim()
        ));
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::ProbeConfig;

    fn creds(extra: &str) -> CredentialsConfig {
        ProbeConfig::from_toml(&format!("endpoint = \"http://h:1\"\n{extra}"))
            .unwrap()
            .credentials
    }

    #[tokio::test]
    async fn minted_hs256_token_carries_sub_scopes_iss_aud_and_exp() {
        let c = creds(
            "[credentials.mint]\nalgorithm = \"HS256\"\nsecret = \"probe-unit-test-secret-0123456789abcdef\"\niss = \"i\"\naud = \"a\"\n[credentials.mint.extra_claims]\ntenant = \"t1\"\n",
        );
        let id = Issuer::new(&c)
            .issue("alice", &["x:y".into(), "z".into()], Duration::from_secs(2))
            .await
            .unwrap();
        let mut v = jsonwebtoken::Validation::new(Algorithm::HS256);
        v.set_audience(&["a"]);
        v.set_issuer(&["i"]);
        let data = jsonwebtoken::decode::<Map<String, Value>>(
            &id.token,
            &jsonwebtoken::DecodingKey::from_secret(b"probe-unit-test-secret-0123456789abcdef"),
            &v,
        )
        .unwrap();
        assert_eq!(data.claims["sub"], "alice");
        assert_eq!(data.claims["scope"], "x:y z");
        assert_eq!(data.claims["tenant"], "t1");
        assert_eq!(data.claims["jti"], id.jti.as_str());
        let exp = data.claims["exp"].as_u64().unwrap();
        assert_eq!(UNIX_EPOCH + Duration::from_secs(exp), id.exp);
    }

    #[tokio::test]
    async fn scopes_can_be_an_array_under_another_claim() {
        let c = creds(
            "[credentials.mint]\nalgorithm = \"HS256\"\nsecret = \"k\"\nscope_claim = \"scp\"\nscope_format = \"array\"\n",
        );
        let id = Issuer::new(&c)
            .issue("bob", &["a".into(), "b".into()], Duration::from_secs(5))
            .await
            .unwrap();
        assert_eq!(jwt_claims(&id.token).unwrap()["scp"], json!(["a", "b"]));
    }

    #[tokio::test]
    async fn command_gets_placeholders_quoted_and_its_token_exp_is_read() {
        let c = creds(
            "[credentials]\ncommand = \"printf 'x.%s.y' $(printf '{\\\"exp\\\":4102444800,\\\"s\\\":\\\"%s\\\"}' {sub} | base64 -w0 | tr '+/' '-_' | tr -d '=')\"\n",
        );
        let id = Issuer::new(&c)
            .issue("carol", &[], Duration::from_secs(5))
            .await
            .unwrap();
        assert_eq!(
            id.exp,
            UNIX_EPOCH + Duration::from_secs(4_102_444_800),
            "token {}",
            id.token
        );
    }

    #[test]
    fn unknown_algorithm_and_missing_key_file_are_config_errors_naming_the_key() {
        let err = ProbeConfig::from_toml("endpoint = \"http://h:1\"\n[credentials.mint]\nalgorithm = \"HS999\"\nsecret = \"k\"\n").unwrap_err();
        assert_eq!(err.key(), Some("credentials.mint.algorithm"));
        let err = ProbeConfig::from_toml("endpoint = \"http://h:1\"\n[credentials.mint]\nalgorithm = \"ES256\"\nkey_file = \"/nonexistent.pem\"\n").unwrap_err();
        assert_eq!(err.key(), Some("credentials.mint.key_file"));
    }
}
