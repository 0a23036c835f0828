//! The revocation hook: how the auditor revokes a token on the target mid-stream — a shell
//! command, or an HTTP(S) request (rustls with `ring`; the system roots plus the hook's
//! `ca_file` are trusted).

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use http_body_util::{BodyExt as _, Full};
use hyper_util::{client::legacy::Client, rt::TokioExecutor};
use rustls::pki_types::{CertificateDer, pem::PemObject};

use crate::{
    config::{ConfigError, HttpHook, RevocationConfig, RevokeBy},
    credentials::{Identity, run_shell, shell_quote},
};

/// Revokes `id` as the config says; `Ok` with what was revoked (`jti …` / `sub …`). A command
/// runs in `dir`, the config file's directory.
pub(crate) async fn revoke(
    config: &RevocationConfig,
    id: &Identity,
    dir: Option<&std::path::Path>,
) -> Result<String, String> {
    let what = match config.by {
        RevokeBy::Jti => format!("jti {}", id.jti),
        RevokeBy::Sub => format!("sub {}", id.sub),
    };
    if let Some(cmd) = &config.command {
        let cmd = cmd
            .replace("{jti}", &shell_quote(&id.jti))
            .replace("{sub}", &shell_quote(&id.sub));
        run_shell(&cmd, dir).await?;
        return Ok(what);
    }
    let Some(hook) = &config.http else {
        return Err("no revocation hook configured".into());
    };
    let fill = |s: &str| s.replace("{jti}", &id.jti).replace("{sub}", &id.sub);
    let body = match (&hook.body, config.by) {
        (Some(b), _) => fill(b),
        (None, RevokeBy::Jti) => serde_json::json!({ "jti": id.jti }).to_string(),
        (None, RevokeBy::Sub) => serde_json::json!({ "sub": id.sub }).to_string(),
    };
    let mut req = http::Request::builder()
        .method(hook.method.as_str())
        .uri(fill(&hook.url));
    let mut has_content_type = false;
    for (k, v) in &hook.headers {
        has_content_type |= k.eq_ignore_ascii_case("content-type");
        req = req.header(k.as_str(), fill(v));
    }
    if !has_content_type {
        req = req.header("content-type", "application/json");
    }
    let req = req
        .body(Full::new(bytes::Bytes::from(body)))
        .map_err(|e| format!("revocation.http: cannot build the request: {e}"))?;
    let client = client(hook).map_err(|e| e.to_string())?;
    let resp = tokio::time::timeout(Duration::from_secs(10), client.request(req))
        .await
        .map_err(|_| format!("revocation hook {} did not answer within 10 s", hook.url))?
        .map_err(|e| format!("revocation hook {}: {}", hook.url, crate::grpc::chain(&e)))?;
    let status = resp.status();
    if !status.is_success() {
        let body = resp
            .into_body()
            .collect()
            .await
            .map(|b| b.to_bytes())
            .unwrap_or_default();
        return Err(format!(
            "revocation hook {} answered {status}: {}",
            hook.url,
            String::from_utf8_lossy(&body)
                .chars()
                .take(200)
                .collect::<String>()
        ));
    }
    Ok(what)
}

/// A client for the hook: plain http, or https trusting the system roots plus `ca_file`.
fn client(
    hook: &HttpHook,
) -> Result<
    Client<
        hyper_rustls::HttpsConnector<hyper_util::client::legacy::connect::HttpConnector>,
        Full<bytes::Bytes>,
    >,
    ConfigError,
> {
    let mut roots = rustls::RootCertStore::empty();
    if hook.url.starts_with("https://") {
        roots.add_parsable_certificates(rustls_native_certs::load_native_certs().certs);
        if let Some(path) = &hook.ca_file {
            for cert in read_ca_file(path)? {
                roots.add(cert).map_err(|e| {
                    ConfigError::invalid(
                        "revocation.http.ca_file",
                        format!("{}: not a usable CA certificate: {e}", path.display()),
                    )
                })?;
            }
        }
    }
    let tls = rustls::ClientConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .map_err(|e| ConfigError::invalid("revocation.http", format!("TLS: {e}")))?
    .with_root_certificates(roots)
    .with_no_client_auth();
    let connector = hyper_rustls::HttpsConnectorBuilder::new()
        .with_tls_config(tls)
        .https_or_http()
        .enable_http1()
        .build();
    Ok(Client::builder(TokioExecutor::new()).build(connector))
}

/// The certificates of a PEM file (at least one), or an error naming the key and the file.
pub(crate) fn read_ca_file(path: &Path) -> Result<Vec<CertificateDer<'static>>, ConfigError> {
    let invalid = |what: String| {
        ConfigError::invalid(
            "revocation.http.ca_file",
            format!("{}: {what}", path.display()),
        )
    };
    let certs = CertificateDer::pem_file_iter(path)
        .map_err(|e| invalid(format!("cannot read it: {e}")))?
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| invalid(format!("not a PEM certificate file: {e}")))?;
    if certs.is_empty() {
        return Err(invalid("holds no certificate".into()));
    }
    Ok(certs)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::SystemTime;
    use streamguard_testkit::{OidcProvider, TestPki};

    fn identity() -> Identity {
        Identity {
            sub: "auditor-revocation-1".into(),
            jti: "jti-1".into(),
            token: String::new(),
            exp: SystemTime::now(),
        }
    }

    /// A hook aimed at a real https endpoint: the OpenID provider's token revocation endpoint
    /// (RFC 7009 answers 200 for any token its client sends).
    fn hook(idp: &OidcProvider, ca_file: Option<std::path::PathBuf>) -> RevocationConfig {
        use base64::Engine;
        let client = idp.token_client(streamguard_testkit::TokenFormat::Opaque);
        let basic = base64::engine::general_purpose::STANDARD
            .encode(format!("{}:{}", client.id, client.secret));
        RevocationConfig {
            by: RevokeBy::Jti,
            http: Some(HttpHook {
                method: "POST".into(),
                url: idp.revocation_endpoint().to_string(),
                headers: [
                    ("authorization".to_string(), format!("Basic {basic}")),
                    (
                        "content-type".to_string(),
                        "application/x-www-form-urlencoded".to_string(),
                    ),
                ]
                .into(),
                body: Some("token={jti}".into()),
                ca_file,
            }),
            command: None,
        }
    }

    #[tokio::test]
    async fn an_https_hook_trusts_its_ca_file_and_refuses_another_ca() {
        let idp = OidcProvider::start().await;
        let ok = revoke(&hook(&idp, Some(idp.ca_pem_path())), &identity(), None).await;
        assert_eq!(ok, Ok("jti jti-1".to_string()));

        let stranger = TestPki::new();
        let refused = revoke(&hook(&idp, Some(stranger.ca_pem_path())), &identity(), None)
            .await
            .unwrap_err();
        assert!(refused.contains("UnknownIssuer"), "{refused}");

        let refused = revoke(&hook(&idp, None), &identity(), None)
            .await
            .unwrap_err();
        assert!(
            refused.contains("UnknownIssuer"),
            "system roots only: {refused}"
        );
    }
}
