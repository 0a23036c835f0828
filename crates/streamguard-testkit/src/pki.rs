//! A throw-away certificate authority and the certificates a TLS test needs, as PEM files.
//!
//! [`TestPki::new`] makes a CA, a server certificate for `127.0.0.1` and `localhost`, and a client
//! certificate for mutual TLS, and writes them to a temporary directory that lives as long as the
//! value. [`TestPki::reissue_server_cert`] replaces the server certificate and key files in place
//! (atomically, by rename), for certificate-reload tests.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use rcgen::{
    BasicConstraints, CertificateParams, CertifiedIssuer, DnType, ExtendedKeyUsagePurpose, IsCa,
    KeyPair, KeyUsagePurpose,
};
use rustls::pki_types::CertificateDer;
use tempfile::TempDir;

/// The names the server certificate is valid for.
pub const SERVER_NAMES: [&str; 2] = ["127.0.0.1", "localhost"];
/// The common name of the client certificate (what a server sees as the peer's identity).
pub const CLIENT_COMMON_NAME: &str = "streamguard-test-client";

/// A test CA with a server and a client certificate, written as PEM files to a temporary
/// directory (removed on drop).
pub struct TestPki {
    dir: TempDir,
    ca: CertifiedIssuer<'static, KeyPair>,
    server_cert: Mutex<CertificateDer<'static>>,
}

impl TestPki {
    /// Makes the CA and both certificates and writes `ca.pem`, `server.pem`, `server.key`,
    /// `client.pem` and `client.key`.
    ///
    /// # Panics
    /// If the temporary directory cannot be written or rcgen fails (neither depends on input).
    pub fn new() -> Self {
        let dir = tempfile::Builder::new()
            .prefix("streamguard-pki-")
            .tempdir()
            .unwrap_or_else(|e| {
                panic!("cannot create a temporary directory for the test PKI: {e}")
            });
        let ca = make_ca();
        let (server_cert, server_key) = issue(&ca, Leaf::Server);
        let (client_cert, client_key) = issue(&ca, Leaf::Client);
        let pki = TestPki {
            dir,
            server_cert: Mutex::new(server_cert.der().clone()),
            ca,
        };
        write_atomically(&pki.ca_pem_path(), &pki.ca.pem());
        write_atomically(&pki.server_key_path(), &server_key.serialize_pem());
        write_atomically(&pki.server_cert_path(), &server_cert.pem());
        write_atomically(&pki.client_key_path(), &client_key.serialize_pem());
        write_atomically(&pki.client_cert_path(), &client_cert.pem());
        pki
    }

    /// The directory holding every file of this PKI.
    pub fn dir(&self) -> &Path {
        self.dir.path()
    }

    /// The CA certificate (PEM): what a client or a server trusts.
    pub fn ca_pem_path(&self) -> PathBuf {
        self.dir.path().join("ca.pem")
    }

    /// The server certificate (PEM), valid for [`SERVER_NAMES`].
    pub fn server_cert_path(&self) -> PathBuf {
        self.dir.path().join("server.pem")
    }

    /// The server's private key (PEM, PKCS#8).
    pub fn server_key_path(&self) -> PathBuf {
        self.dir.path().join("server.key")
    }

    /// The client certificate (PEM) for mutual TLS, common name [`CLIENT_COMMON_NAME`].
    pub fn client_cert_path(&self) -> PathBuf {
        self.dir.path().join("client.pem")
    }

    /// The client's private key (PEM, PKCS#8).
    pub fn client_key_path(&self) -> PathBuf {
        self.dir.path().join("client.key")
    }

    /// The CA certificate, DER.
    pub fn ca_cert_der(&self) -> &CertificateDer<'static> {
        self.ca.der()
    }

    /// The server certificate now in `server.pem`, DER.
    pub fn server_cert_der(&self) -> CertificateDer<'static> {
        lock(&self.server_cert).clone()
    }

    /// Issues a new server certificate with a new key (same CA, same names) and replaces
    /// `server.key` then `server.pem` in place, each by an atomic rename; returns the new
    /// certificate. A server that reloads on file change sees the key first, so it never pairs
    /// a new certificate with the old key.
    pub fn reissue_server_cert(&self) -> CertificateDer<'static> {
        let (cert, key) = issue(&self.ca, Leaf::Server);
        let mut current = lock(&self.server_cert);
        write_atomically(&self.server_key_path(), &key.serialize_pem());
        write_atomically(&self.server_cert_path(), &cert.pem());
        *current = cert.der().clone();
        current.clone()
    }
}

impl Default for TestPki {
    fn default() -> Self {
        Self::new()
    }
}

impl std::fmt::Debug for TestPki {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TestPki")
            .field("dir", &self.dir.path())
            .finish_non_exhaustive()
    }
}

#[derive(Clone, Copy)]
enum Leaf {
    Server,
    Client,
}

fn make_ca() -> CertifiedIssuer<'static, KeyPair> {
    let mut params = CertificateParams::default();
    // A name of its own: two test CAs with one name would make a verifier try the wrong CA's
    // key (a signature error) instead of reporting an unknown issuer.
    let name = format!("streamguard test CA {:08x}", rand::random::<u32>());
    params.distinguished_name.push(DnType::CommonName, name);
    params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    params.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
    let key = KeyPair::generate().unwrap_or_else(|e| panic!("rcgen: CA key: {e}"));
    CertifiedIssuer::self_signed(params, key).unwrap_or_else(|e| panic!("rcgen: CA cert: {e}"))
}

fn issue(ca: &CertifiedIssuer<'static, KeyPair>, leaf: Leaf) -> (rcgen::Certificate, KeyPair) {
    let (names, common_name, usage): (&[&str], &str, _) = match leaf {
        Leaf::Server => (
            &SERVER_NAMES,
            "localhost",
            ExtendedKeyUsagePurpose::ServerAuth,
        ),
        Leaf::Client => (&[], CLIENT_COMMON_NAME, ExtendedKeyUsagePurpose::ClientAuth),
    };
    let names: Vec<String> = names.iter().map(|n| n.to_string()).collect();
    let mut params =
        CertificateParams::new(names).unwrap_or_else(|e| panic!("rcgen: certificate names: {e}"));
    params.distinguished_name = rcgen::DistinguishedName::new();
    params
        .distinguished_name
        .push(DnType::CommonName, common_name);
    params.is_ca = IsCa::ExplicitNoCa;
    params.key_usages = vec![KeyUsagePurpose::DigitalSignature];
    params.extended_key_usages = vec![usage];
    params.use_authority_key_identifier_extension = true;
    let key = KeyPair::generate().unwrap_or_else(|e| panic!("rcgen: leaf key: {e}"));
    let cert = params
        .signed_by(&key, ca)
        .unwrap_or_else(|e| panic!("rcgen: leaf cert: {e}"));
    (cert, key)
}

/// Writes `contents` to a sibling temporary file, then renames it over `path`, so a reader
/// never sees a half-written file.
fn write_atomically(path: &Path, contents: &str) {
    let tmp = path.with_extension("tmp");
    let result = fs::File::create(&tmp)
        .and_then(|mut f| f.write_all(contents.as_bytes()).and_then(|()| f.sync_all()))
        .and_then(|()| fs::rename(&tmp, path));
    if let Err(e) = result {
        panic!("cannot write {}: {e}", path.display());
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    // A panic while holding this lock leaves a certificate, never a half-updated value.
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}
