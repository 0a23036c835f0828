//! The test PKI's files make real TLS handshakes (rustls, in memory): the server certificate for
//! both loopback names, the client certificate for mutual TLS, and a reissued server certificate.

use std::sync::Arc;

use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer, ServerName};
use rustls::server::WebPkiClientVerifier;
use rustls::{ClientConfig, ClientConnection, RootCertStore, ServerConfig, ServerConnection};
use streamguard_testkit::TestPki;

fn provider() -> Arc<rustls::crypto::CryptoProvider> {
    Arc::new(rustls::crypto::ring::default_provider())
}

fn roots(pki: &TestPki) -> Arc<RootCertStore> {
    let mut roots = RootCertStore::empty();
    let ca = CertificateDer::from_pem_file(pki.ca_pem_path()).expect("ca.pem");
    roots.add(ca).expect("CA is a trust anchor");
    Arc::new(roots)
}

fn chain_and_key(
    cert: std::path::PathBuf,
    key: std::path::PathBuf,
) -> (Vec<CertificateDer<'static>>, PrivateKeyDer<'static>) {
    let chain = CertificateDer::pem_file_iter(cert)
        .expect("cert file")
        .collect::<Result<Vec<_>, _>>()
        .expect("PEM certificates");
    (chain, PrivateKeyDer::from_pem_file(key).expect("PEM key"))
}

fn server_config(pki: &TestPki, client_ca: Option<&TestPki>) -> ServerConfig {
    let (chain, key) = chain_and_key(pki.server_cert_path(), pki.server_key_path());
    let builder = ServerConfig::builder_with_provider(provider())
        .with_safe_default_protocol_versions()
        .unwrap();
    let builder = match client_ca {
        Some(ca) => builder.with_client_cert_verifier(
            WebPkiClientVerifier::builder_with_provider(roots(ca), provider())
                .build()
                .unwrap(),
        ),
        None => builder.with_no_client_auth(),
    };
    builder
        .with_single_cert(chain, key)
        .expect("key matches cert")
}

fn client_config(trust: &TestPki, identity: Option<&TestPki>) -> ClientConfig {
    let builder = ClientConfig::builder_with_provider(provider())
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_root_certificates(roots(trust));
    match identity {
        Some(pki) => {
            let (chain, key) = chain_and_key(pki.client_cert_path(), pki.client_key_path());
            builder.with_client_auth_cert(chain, key).unwrap()
        }
        None => builder.with_no_client_auth(),
    }
}

/// Runs a whole TLS handshake between the two configs by passing bytes in memory.
fn handshake(server: ServerConfig, client: ClientConfig, name: &str) -> Result<(), rustls::Error> {
    let name = ServerName::try_from(name.to_string()).unwrap();
    let mut client = ClientConnection::new(Arc::new(client), name)?;
    let mut server = ServerConnection::new(Arc::new(server))?;
    for _ in 0..10 {
        if !client.is_handshaking() && !server.is_handshaking() {
            return Ok(());
        }
        let mut bytes = Vec::new();
        while client.wants_write() {
            client.write_tls(&mut bytes).unwrap();
        }
        server.read_tls(&mut bytes.as_slice()).unwrap();
        server.process_new_packets()?;
        let mut bytes = Vec::new();
        while server.wants_write() {
            server.write_tls(&mut bytes).unwrap();
        }
        client.read_tls(&mut bytes.as_slice()).unwrap();
        client.process_new_packets()?;
    }
    panic!("handshake did not finish in 10 rounds");
}

#[test]
fn server_certificate_is_trusted_for_both_loopback_names_and_no_other() {
    let pki = TestPki::new();
    for name in ["127.0.0.1", "localhost"] {
        handshake(server_config(&pki, None), client_config(&pki, None), name)
            .unwrap_or_else(|e| panic!("handshake for {name}: {e}"));
    }
    let other_name = handshake(
        server_config(&pki, None),
        client_config(&pki, None),
        "example.com",
    );
    assert!(other_name.is_err(), "a name not in the certificate passed");
}

#[test]
fn server_certificate_is_refused_by_a_client_trusting_another_ca() {
    let (pki, other) = (TestPki::new(), TestPki::new());
    let result = handshake(
        server_config(&pki, None),
        client_config(&other, None),
        "localhost",
    );
    assert!(
        matches!(result, Err(rustls::Error::InvalidCertificate(_))),
        "{result:?}"
    );
}

#[test]
fn client_certificate_passes_mutual_tls_under_the_test_ca_only() {
    let (pki, other) = (TestPki::new(), TestPki::new());
    handshake(
        server_config(&pki, Some(&pki)),
        client_config(&pki, Some(&pki)),
        "localhost",
    )
    .expect("mutual TLS with the test client certificate");

    let without_cert = handshake(
        server_config(&pki, Some(&pki)),
        client_config(&pki, None),
        "localhost",
    );
    assert!(
        without_cert.is_err(),
        "a client without a certificate passed"
    );

    let foreign_cert = handshake(
        server_config(&pki, Some(&pki)),
        client_config(&pki, Some(&other)),
        "localhost",
    );
    assert!(
        foreign_cert.is_err(),
        "a client certificate from another CA passed"
    );
}

#[test]
fn reissued_server_certificate_replaces_both_files_and_is_trusted() {
    let pki = TestPki::new();
    let (old_pem, old_key) = (
        std::fs::read(pki.server_cert_path()).unwrap(),
        std::fs::read(pki.server_key_path()).unwrap(),
    );
    let old_der = pki.server_cert_der();

    let new_der = pki.reissue_server_cert();

    assert_ne!(new_der, old_der);
    assert_eq!(pki.server_cert_der(), new_der);
    assert_ne!(std::fs::read(pki.server_cert_path()).unwrap(), old_pem);
    assert_ne!(std::fs::read(pki.server_key_path()).unwrap(), old_key);
    let on_disk = CertificateDer::from_pem_file(pki.server_cert_path()).unwrap();
    assert_eq!(on_disk, new_der);
    // `with_single_cert` checks the new key matches the new certificate.
    handshake(
        server_config(&pki, None),
        client_config(&pki, None),
        "localhost",
    )
    .expect("handshake with the reissued certificate");
}
