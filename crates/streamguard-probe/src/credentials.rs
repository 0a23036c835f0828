//! Tokens for the auditor's identities: minted in-process (HS/RS/PS/ES/EdDSA) or printed by a command.

use std::{
    path::{Path, PathBuf},
    time::{Duration, SystemTime, UNIX_EPOCH},
};

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
        let secret = match (&m.secret, &m.secret_env, &m.secret_file) {
            (Some(s), None, None) => s.clone(),
            (None, Some(var), None) => std::env::var(var).map_err(|_| {
                ConfigError::invalid(
                    "credentials.mint.secret_env",
                    format!("environment variable `{var}` is not set"),
                )
            })?,
            (None, None, Some(path)) => std::fs::read_to_string(path)
                .map_err(|e| {
                    ConfigError::invalid(
                        "credentials.mint.secret_file",
                        format!("cannot read {}: {e}", path.display()),
                    )
                })?
                .trim()
                .to_string(),
            _ => {
                return Err(ConfigError::invalid(
                    "credentials.mint.secret",
                    format!(
                        "{} needs exactly one of secret = \"…\", secret_env = \"VAR\" and secret_file = \"FILE\"",
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

fn sign_with(m: &MintConfig, claims: &Map<String, Value>) -> Result<String, CredentialError> {
    let (alg, key) = encoding_key(m)?;
    let mut header = Header::new(alg);
    header.kid = m.kid.clone();
    jsonwebtoken::encode(&header, claims, &key).map_err(|e| {
        ConfigError::invalid("credentials.mint", format!("cannot sign a token: {e}")).into()
    })
}

fn unix(t: SystemTime) -> u64 {
    t.duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

/// Issues tokens for the auditor's identities.
pub(crate) struct Issuer {
    config: CredentialsConfig,
    /// Where `credentials.command` runs: the config file's directory.
    dir: Option<PathBuf>,
}

impl Issuer {
    pub fn new(config: &CredentialsConfig, dir: Option<&Path>) -> Self {
        Self {
            config: config.clone(),
            dir: dir.map(Path::to_path_buf),
        }
    }

    /// Whether valid tokens can be had at all (`[credentials.mint]` or `credentials.command`).
    pub fn given(&self) -> bool {
        self.config.given()
    }

    /// The audience minted tokens carry, when one is configured.
    pub fn audience(&self) -> Option<&str> {
        self.config.mint.as_ref()?.aud.as_deref()
    }

    /// The `sub` of a probe's identity: distinct per probe and per run.
    pub fn subject(&self, probe: &str) -> String {
        let n: u32 = rand::random();
        format!("{}-{probe}-{n:08x}", self.config.sub_prefix)
    }

    /// The claims a token for `sub` carries: those of `[credentials.mint]` (issuer, audience,
    /// scope claim, extra claims) when configured, else `sub`, `jti`, `iat`, `exp`, `scope`.
    pub fn claims(
        &self,
        sub: &str,
        jti: &str,
        scopes: &[String],
        iat: u64,
        exp: u64,
        aud: Option<&str>,
    ) -> Map<String, Value> {
        let m = self.config.mint.as_ref();
        let mut claims: Map<String, Value> = m.map(|m| m.extra_claims.clone()).unwrap_or_default();
        claims.insert("sub".into(), json!(sub));
        claims.insert("jti".into(), json!(jti));
        claims.insert("iat".into(), json!(iat));
        claims.insert("exp".into(), json!(exp));
        if let Some(iss) = m.and_then(|m| m.iss.as_ref()) {
            claims.insert("iss".into(), json!(iss));
        }
        if let Some(aud) = aud.or(self.audience()) {
            claims.insert("aud".into(), json!(aud));
        }
        let (claim, format) = m
            .map(|m| (m.scope_claim.clone(), m.scope_format))
            .unwrap_or_else(|| ("scope".into(), ScopeFormat::String));
        let scope = match format {
            ScopeFormat::String => json!(scopes.join(" ")),
            ScopeFormat::Array => json!(scopes),
        };
        claims.insert(claim, scope);
        claims
    }

    /// Signs `claims` with the `[credentials.mint]` key; `None` without one.
    pub fn sign(&self, claims: &Map<String, Value>) -> Option<Result<String, CredentialError>> {
        Some(sign_with(self.config.mint.as_ref()?, claims))
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
        // exp is whole seconds: round up so the token lives at least `ttl`.
        let exp = unix(now)
            .saturating_add(ttl.as_secs())
            .saturating_add(u64::from(ttl.subsec_nanos() > 0));
        if let Some(token) = self.sign(&self.claims(sub, &jti, scopes, unix(now), exp, None)) {
            return Ok(Identity {
                sub: sub.into(),
                jti,
                token: token?,
                exp: UNIX_EPOCH + Duration::from_secs(exp),
            });
        }
        let Some(template) = self.config.command.as_deref() else {
            return Err(CredentialError::Command(
                "no credentials configured: set [credentials.mint] or credentials.command".into(),
            ));
        };
        let ttl_s = ttl.as_secs_f64().ceil() as u64;
        let cmd = template
            .replace("{sub}", &shell_quote(sub))
            .replace("{scopes}", &shell_quote(&scopes.join(" ")))
            .replace("{ttl_s}", &ttl_s.to_string())
            .replace("{jti}", &shell_quote(&jti));
        let out = run_shell(&cmd, self.dir.as_deref())
            .await
            .map_err(CredentialError::Command)?;
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

/// Seconds since the Unix epoch, now.
pub(crate) fn now_unix() -> u64 {
    unix(SystemTime::now())
}

/// The claims of a JWT, without verifying it; `None` if it is not a readable JWT.
pub(crate) fn jwt_claims(token: &str) -> Option<Map<String, Value>> {
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

/// Runs `sh -c cmd` in `dir` (the config file's directory; bounded to 30 s); its standard
/// output, or why it failed.
pub(crate) async fn run_shell(cmd: &str, dir: Option<&Path>) -> Result<String, String> {
    let mut command = tokio::process::Command::new("sh");
    command
        .arg("-c")
        .arg(cmd)
        .stdin(std::process::Stdio::null())
        .kill_on_drop(true);
    if let Some(dir) = dir {
        command.current_dir(dir);
    }
    let child = command.output();
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

    const SECRET: &str = "an-hmac-secret-of-at-least-32-bytes";

    fn temp_dir() -> PathBuf {
        let dir = std::env::temp_dir().join(format!("sg-creds-{:016x}", rand::random::<u64>()));
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[tokio::test]
    async fn minted_hs256_token_carries_sub_scopes_iss_aud_and_exp() {
        let c = creds(&format!(
            "[credentials.mint]\nalgorithm = \"HS256\"\nsecret = \"{SECRET}\"\niss = \"i\"\naud = \"a\"\n[credentials.mint.extra_claims]\ntenant = \"t1\"\n"
        ));
        let id = Issuer::new(&c, None)
            .issue("alice", &["x:y".into(), "z".into()], Duration::from_secs(2))
            .await
            .unwrap();
        let mut v = jsonwebtoken::Validation::new(Algorithm::HS256);
        v.set_audience(&["a"]);
        v.set_issuer(&["i"]);
        let data = jsonwebtoken::decode::<Map<String, Value>>(
            &id.token,
            &jsonwebtoken::DecodingKey::from_secret(SECRET.as_bytes()),
            &v,
        )
        .unwrap();
        assert_eq!(data.claims["sub"], "alice");
        assert_eq!(data.claims["scope"], "x:y z");
        assert_eq!(data.claims["tenant"], "t1");
        assert_eq!(data.claims["jti"], id.jti.as_str());
        assert!(data.claims["iat"].as_u64().unwrap() <= data.claims["exp"].as_u64().unwrap());
        let exp = data.claims["exp"].as_u64().unwrap();
        assert_eq!(UNIX_EPOCH + Duration::from_secs(exp), id.exp);
    }

    #[tokio::test]
    async fn scopes_can_be_an_array_under_another_claim() {
        let c = creds(&format!(
            "[credentials.mint]\nalgorithm = \"HS256\"\nsecret = \"{SECRET}\"\nscope_claim = \"scp\"\nscope_format = \"array\"\n"
        ));
        let id = Issuer::new(&c, None)
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
        let id = Issuer::new(&c, None)
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

    #[tokio::test]
    async fn the_hmac_secret_can_come_from_a_file_relative_to_the_config() {
        let dir = temp_dir();
        std::fs::write(dir.join("secret.txt"), format!("{SECRET}\n")).unwrap();
        std::fs::write(
            dir.join("audit.toml"),
            "endpoint = \"http://h:1\"\n[credentials.mint]\nalgorithm = \"HS256\"\nsecret_file = \"secret.txt\"\n",
        )
        .unwrap();
        let c = ProbeConfig::load(dir.join("audit.toml")).unwrap();
        let id = Issuer::new(&c.credentials, c.base_dir())
            .issue("dave", &[], Duration::from_secs(5))
            .await
            .unwrap();
        let mut v = jsonwebtoken::Validation::new(Algorithm::HS256);
        v.validate_aud = false;
        jsonwebtoken::decode::<Map<String, Value>>(
            &id.token,
            &jsonwebtoken::DecodingKey::from_secret(SECRET.as_bytes()),
            &v,
        )
        .expect("signed with the trimmed secret from the file");
        let _ = std::fs::remove_dir_all(dir);
    }

    #[tokio::test]
    async fn the_credentials_command_runs_in_the_config_files_directory() {
        let dir = temp_dir();
        std::fs::write(dir.join("token.txt"), "tok-from-the-config-dir\n").unwrap();
        std::fs::write(
            dir.join("audit.toml"),
            "endpoint = \"http://h:1\"\n[credentials]\ncommand = \"cat token.txt\"\n",
        )
        .unwrap();
        let c = ProbeConfig::load(dir.join("audit.toml")).unwrap();
        assert_ne!(std::env::current_dir().unwrap(), dir);
        let id = Issuer::new(&c.credentials, c.base_dir())
            .issue("erin", &[], Duration::from_secs(5))
            .await
            .unwrap();
        assert_eq!(id.token, "tok-from-the-config-dir");
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn unknown_algorithm_and_missing_key_file_are_config_errors_naming_the_key() {
        let err = ProbeConfig::from_toml("endpoint = \"http://h:1\"\n[credentials.mint]\nalgorithm = \"HS999\"\nsecret = \"an-hmac-secret-of-at-least-32-bytes\"\n").unwrap_err();
        assert_eq!(err.key(), Some("credentials.mint.algorithm"));
        let err = ProbeConfig::from_toml("endpoint = \"http://h:1\"\n[credentials.mint]\nalgorithm = \"ES256\"\nkey_file = \"/nonexistent.pem\"\n").unwrap_err();
        assert_eq!(err.key(), Some("credentials.mint.key_file"));
    }
}
