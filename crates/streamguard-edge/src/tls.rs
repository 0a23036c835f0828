//! TLS on the edge: rustls with the `ring` provider, ALPN `h2` and `http/1.1`, optional mutual
//! TLS, and certificates reloaded without dropping a connection.
//!
//! [`TlsTransport`] is a [`Transport`]: the edge runs its handshake inside the handshake timeout.
//! Each handshake takes the configuration in force at that moment, so a reload (on a file
//! change seen by [`TlsTransport::watch`], or [`TlsTransport::reload`] on SIGHUP) reaches new
//! connections only; connections already up keep their session. A reload that fails (a
//! half-written file, a key that does not match its certificate) is logged and the previous
//! certificate stays in force.
//!
//! ```no_run
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! use streamguard_edge::tls::{TlsFiles, TlsTransport};
//! let tls = TlsTransport::load(TlsFiles::new("server.pem", "server.key"))?;
//! tokio::spawn(tls.clone().watch(std::time::Duration::from_secs(1), Default::default()));
//! let edge = streamguard_edge::Edge::new(Default::default())?.with_transport(tls);
//! # Ok(()) }
//! ```

use std::fs;
use std::io::{self, Read};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, SystemTime};

use rustls::RootCertStore;
use rustls::crypto::CryptoProvider;
use rustls::pki_types::pem::{self, PemObject};
use rustls::pki_types::{CertificateDer, PrivateKeyDer};
use rustls::server::{ServerConfig, WebPkiClientVerifier};
use tokio::net::TcpStream;
use tokio_rustls::TlsAcceptor;
use tokio_rustls::server::TlsStream;
use tokio_util::either::Either;
use tokio_util::sync::CancellationToken;

use crate::transport::Transport;

/// PEM files larger than this are refused: certificate chains and keys are a few KiB.
const MAX_PEM_BYTES: u64 = 1 << 20;

/// The shortest interval [`TlsTransport::watch`] checks the files at.
const MIN_WATCH_INTERVAL: Duration = Duration::from_millis(100);

/// The protocols offered in ALPN: gRPC needs `h2`; `http/1.1` serves plain HTTP GETs (the
/// protected-resource metadata, the admin API) to clients that speak only that.
const ALPN: [&[u8]; 2] = [b"h2", b"http/1.1"];

/// Where the server's certificate, its key and (for mutual TLS) the client CA are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TlsFiles {
    /// The certificate chain, PEM, leaf first.
    pub cert_file: PathBuf,
    /// The private key, PEM (PKCS#8, PKCS#1 or SEC1).
    pub key_file: PathBuf,
    /// CA certificates (PEM) that client certificates must chain to. When set, a client
    /// without a valid certificate is refused in the handshake.
    pub client_ca_file: Option<PathBuf>,
}

impl TlsFiles {
    pub fn new(cert_file: impl Into<PathBuf>, key_file: impl Into<PathBuf>) -> Self {
        TlsFiles {
            cert_file: cert_file.into(),
            key_file: key_file.into(),
            client_ca_file: None,
        }
    }

    /// Requires client certificates issued by a CA in `client_ca_file` (mutual TLS).
    pub fn with_client_ca(mut self, client_ca_file: impl Into<PathBuf>) -> Self {
        self.client_ca_file = Some(client_ca_file.into());
        self
    }
}

/// Which of the files a [`TlsError`] is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TlsFile {
    Cert,
    Key,
    ClientCa,
}

impl TlsFile {
    /// The config key naming the file (`[tls]` section).
    pub fn key(self) -> &'static str {
        match self {
            TlsFile::Cert => "tls.cert_file",
            TlsFile::Key => "tls.key_file",
            TlsFile::ClientCa => "tls.client_ca_file",
        }
    }
}

/// A TLS file that cannot be used: which one, where, and what is wrong with it.
#[derive(Debug, Clone, thiserror::Error, PartialEq, Eq)]
#[error("{} {}: {problem}", .file.key(), .path.display())]
pub struct TlsError {
    pub file: TlsFile,
    pub path: PathBuf,
    pub problem: String,
}

/// The edge's TLS transport; cheap to clone (all clones share the configuration in force).
#[derive(Clone)]
pub struct TlsTransport {
    shared: Arc<Shared>,
}

struct Shared {
    files: TlsFiles,
    current: RwLock<Arc<ServerConfig>>,
    /// What the files looked like when they were last read (successfully or not).
    seen: Mutex<Fingerprint>,
}

impl std::fmt::Debug for TlsTransport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TlsTransport")
            .field("files", &self.shared.files)
            .finish_non_exhaustive()
    }
}

impl TlsTransport {
    /// Reads and checks the files; the error names the file and what is wrong with it.
    pub fn load(files: TlsFiles) -> Result<Self, TlsError> {
        let seen = Fingerprint::of(&files);
        let config = server_config(&files)?;
        Ok(TlsTransport {
            shared: Arc::new(Shared {
                files,
                current: RwLock::new(Arc::new(config)),
                seen: Mutex::new(seen),
            }),
        })
    }

    pub fn files(&self) -> &TlsFiles {
        &self.shared.files
    }

    /// Whether clients must present a certificate.
    pub fn is_mutual(&self) -> bool {
        self.shared.files.client_ca_file.is_some()
    }

    /// Reads the files again and, if they are usable, serves new handshakes with them. On error
    /// the configuration in force is kept (and the error returned for the caller to report).
    pub fn reload(&self) -> Result<(), TlsError> {
        let seen = Fingerprint::of(&self.shared.files);
        *lock(&self.shared.seen) = seen;
        let config = server_config(&self.shared.files)?;
        *self
            .shared
            .current
            .write()
            .unwrap_or_else(|p| p.into_inner()) = Arc::new(config);
        Ok(())
    }

    /// Checks the files every `every` (at least 100 ms) until `stop`, and reloads when one
    /// changed (a new modification time, size or inode, as an atomic rename or a Kubernetes
    /// secret update gives). Failures are logged and the previous certificate stays in force.
    pub async fn watch(self, every: Duration, stop: CancellationToken) {
        let every = every.max(MIN_WATCH_INTERVAL);
        loop {
            tokio::select! {
                _ = stop.cancelled() => return,
                _ = tokio::time::sleep(every) => {}
            }
            // File system calls block: keep them off the runtime's workers.
            let this = self.clone();
            let _ = tokio::task::spawn_blocking(move || this.reload_if_changed()).await;
        }
    }

    fn reload_if_changed(&self) {
        if Fingerprint::of(&self.shared.files) != *lock(&self.shared.seen) {
            self.reload_and_log("file change");
        }
    }

    /// [`Self::reload`], logged: what callers reacting to a signal want.
    pub fn reload_and_log(&self, trigger: &str) {
        match self.reload() {
            Ok(()) => tracing::info!(
                trigger,
                cert_file = %self.shared.files.cert_file.display(),
                "TLS certificate reloaded: new connections use it, live ones keep theirs"
            ),
            Err(e) => tracing::error!(
                trigger,
                error = %e,
                "TLS reload failed; the previous certificate stays in force"
            ),
        }
    }

    fn acceptor(&self) -> TlsAcceptor {
        let config = self
            .shared
            .current
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .clone();
        TlsAcceptor::from(config)
    }
}

impl Transport for TlsTransport {
    type Io = TlsStream<TcpStream>;

    async fn establish(&self, tcp: TcpStream, _peer: SocketAddr) -> io::Result<Self::Io> {
        self.acceptor().accept(tcp).await
    }
}

/// Cleartext or TLS, as configured: one transport type for a listener whose TLS is a setting.
#[derive(Debug, Clone, Default)]
pub enum MaybeTls {
    #[default]
    Plain,
    Tls(TlsTransport),
}

impl From<Option<TlsTransport>> for MaybeTls {
    fn from(tls: Option<TlsTransport>) -> Self {
        tls.map_or(MaybeTls::Plain, MaybeTls::Tls)
    }
}

impl Transport for MaybeTls {
    type Io = Either<TcpStream, TlsStream<TcpStream>>;

    async fn establish(&self, tcp: TcpStream, peer: SocketAddr) -> io::Result<Self::Io> {
        match self {
            MaybeTls::Plain => Ok(Either::Left(tcp)),
            MaybeTls::Tls(tls) => tls.establish(tcp, peer).await.map(Either::Right),
        }
    }
}

/// A rustls server configuration from the files.
fn server_config(files: &TlsFiles) -> Result<ServerConfig, TlsError> {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let certs = read_certs(TlsFile::Cert, &files.cert_file)?;
    let key = read_key(&files.key_file)?;
    let builder = ServerConfig::builder_with_provider(provider.clone())
        .with_safe_default_protocol_versions()
        .map_err(|e| problem(TlsFile::Cert, &files.cert_file, e.to_string()))?;
    let builder = match &files.client_ca_file {
        None => builder.with_no_client_auth(),
        Some(path) => builder.with_client_cert_verifier(client_verifier(path, &provider)?),
    };
    let mut config = builder.with_single_cert(certs, key).map_err(|e| {
        let (file, path) = match e {
            rustls::Error::InconsistentKeys(_) => (TlsFile::Key, &files.key_file),
            _ => (TlsFile::Cert, &files.cert_file),
        };
        problem(file, path, certificate_problem(&e, &files.cert_file))
    })?;
    config.alpn_protocols = ALPN.iter().map(|p| p.to_vec()).collect();
    Ok(config)
}

fn certificate_problem(e: &rustls::Error, cert_file: &Path) -> String {
    match e {
        rustls::Error::InconsistentKeys(_) => format!(
            "this private key does not belong to the certificate in {} (a certificate and key from different pairs?)",
            cert_file.display()
        ),
        other => format!("unusable certificate or key: {other}"),
    }
}

fn client_verifier(
    path: &Path,
    provider: &Arc<CryptoProvider>,
) -> Result<Arc<dyn rustls::server::danger::ClientCertVerifier>, TlsError> {
    let mut roots = RootCertStore::empty();
    for cert in read_certs(TlsFile::ClientCa, path)? {
        roots.add(cert).map_err(|e| {
            problem(
                TlsFile::ClientCa,
                path,
                format!("a certificate is not a usable CA: {e}"),
            )
        })?;
    }
    WebPkiClientVerifier::builder_with_provider(Arc::new(roots), provider.clone())
        .build()
        .map_err(|e| problem(TlsFile::ClientCa, path, e.to_string()))
}

fn read_certs(file: TlsFile, path: &Path) -> Result<Vec<CertificateDer<'static>>, TlsError> {
    let bytes = read_pem(file, path)?;
    let certs = CertificateDer::pem_slice_iter(&bytes)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| problem(file, path, pem_problem(&e)))?;
    if certs.is_empty() {
        let hint = if PrivateKeyDer::from_pem_slice(&bytes).is_ok() {
            "it holds a private key, not a certificate (are cert_file and key_file swapped?)"
        } else {
            "no certificate in it: expected PEM (-----BEGIN CERTIFICATE-----)"
        };
        return Err(problem(file, path, hint.to_string()));
    }
    Ok(certs)
}

fn read_key(path: &Path) -> Result<PrivateKeyDer<'static>, TlsError> {
    let bytes = read_pem(TlsFile::Key, path)?;
    PrivateKeyDer::from_pem_slice(&bytes).map_err(|e| {
        let text = match e {
            pem::Error::NoItemsFound
                if CertificateDer::pem_slice_iter(&bytes).next().is_some() =>
            {
                "it holds a certificate, not a private key (are cert_file and key_file swapped?)"
                    .to_string()
            }
            pem::Error::NoItemsFound => {
                "no private key in it: expected PEM (-----BEGIN PRIVATE KEY-----, RSA PRIVATE KEY or EC PRIVATE KEY)".to_string()
            }
            other => pem_problem(&other),
        };
        problem(TlsFile::Key, path, text)
    })
}

fn read_pem(file: TlsFile, path: &Path) -> Result<Vec<u8>, TlsError> {
    let mut bytes = Vec::new();
    fs::File::open(path)
        .and_then(|f| f.take(MAX_PEM_BYTES + 1).read_to_end(&mut bytes))
        .map_err(|e| problem(file, path, format!("cannot read it: {e}")))?;
    if bytes.len() as u64 > MAX_PEM_BYTES {
        return Err(problem(
            file,
            path,
            "larger than 1 MiB: not a PEM certificate or key file".to_string(),
        ));
    }
    Ok(bytes)
}

fn pem_problem(e: &pem::Error) -> String {
    match e {
        pem::Error::MissingSectionEnd { .. } => {
            "not valid PEM: a section has no -----END …----- line (truncated?)".to_string()
        }
        pem::Error::IllegalSectionStart { .. } => {
            "not valid PEM: a -----BEGIN …----- line is malformed".to_string()
        }
        pem::Error::Base64Decode(_) => "not valid PEM: a section is not valid base64".to_string(),
        other => format!("not valid PEM: {other}"),
    }
}

fn problem(file: TlsFile, path: &Path, problem: String) -> TlsError {
    TlsError {
        file,
        path: path.to_path_buf(),
        problem,
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

/// What each file looks like on disk; a change means it may have been replaced.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Fingerprint([Option<FileStamp>; 3]);

#[derive(Debug, Clone, PartialEq, Eq)]
struct FileStamp {
    modified: Option<SystemTime>,
    len: u64,
    inode: u64,
}

impl Fingerprint {
    fn of(files: &TlsFiles) -> Self {
        let stamp = |p: Option<&PathBuf>| p.and_then(|p| FileStamp::of(p).ok());
        Fingerprint([
            stamp(Some(&files.cert_file)),
            stamp(Some(&files.key_file)),
            stamp(files.client_ca_file.as_ref()),
        ])
    }
}

impl FileStamp {
    fn of(path: &Path) -> io::Result<Self> {
        let m = fs::metadata(path)?;
        #[cfg(unix)]
        let inode = std::os::unix::fs::MetadataExt::ino(&m);
        #[cfg(not(unix))]
        let inode = 0;
        Ok(FileStamp {
            modified: m.modified().ok(),
            len: m.len(),
            inode,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use streamguard_testkit::TestPki;

    fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
        let p = dir.join(name);
        fs::write(&p, text).unwrap();
        p
    }

    fn error(files: TlsFiles) -> (TlsFile, String) {
        let e = server_config(&files).unwrap_err();
        (e.file, e.to_string())
    }

    #[test]
    fn a_good_pair_loads_with_alpn_h2_and_http11() {
        let pki = TestPki::new();
        let config = server_config(&TlsFiles::new(
            pki.server_cert_path(),
            pki.server_key_path(),
        ))
        .unwrap();
        assert_eq!(
            config.alpn_protocols,
            [b"h2".to_vec(), b"http/1.1".to_vec()]
        );
        let mutual = TlsFiles::new(pki.server_cert_path(), pki.server_key_path())
            .with_client_ca(pki.ca_pem_path());
        server_config(&mutual).unwrap();
    }

    #[test]
    fn errors_name_the_file_and_what_is_wrong_with_it() {
        let pki = TestPki::new();
        let (cert, key) = (pki.server_cert_path(), pki.server_key_path());
        let d = pki.dir();
        let missing = d.join("nope.pem");
        let junk = write(d, "junk.pem", "hello\n");
        let truncated = write(d, "t.pem", "-----BEGIN CERTIFICATE-----\nAAAA\n");
        let old_cert = write(d, "old.pem", &fs::read_to_string(&cert).unwrap());
        pki.reissue_server_cert();

        let cases = [
            (
                TlsFiles::new(&missing, &key),
                TlsFile::Cert,
                "nope.pem: cannot read it",
            ),
            (
                TlsFiles::new(&junk, &key),
                TlsFile::Cert,
                "junk.pem: no certificate in it",
            ),
            (
                TlsFiles::new(&truncated, &key),
                TlsFile::Cert,
                "no -----END",
            ),
            (
                TlsFiles::new(&key, &cert),
                TlsFile::Cert,
                "holds a private key, not a certificate",
            ),
            (
                TlsFiles::new(&cert, &cert),
                TlsFile::Key,
                "holds a certificate, not a private key",
            ),
            (
                TlsFiles::new(&cert, &junk),
                TlsFile::Key,
                "no private key in it",
            ),
            (
                TlsFiles::new(&old_cert, &key),
                TlsFile::Key,
                "does not belong to the certificate in",
            ),
            (
                TlsFiles::new(&cert, &key).with_client_ca(&junk),
                TlsFile::ClientCa,
                "junk.pem: no certificate in it",
            ),
        ];
        for (files, file, want) in cases {
            let (got_file, text) = error(files);
            assert_eq!(got_file, file, "{text}");
            assert!(text.starts_with(file.key()), "{text}");
            assert!(text.contains(want), "{text} should say {want:?}");
        }
    }

    #[test]
    fn a_failed_reload_keeps_the_certificate_in_force() {
        let pki = TestPki::new();
        let tls = TlsTransport::load(TlsFiles::new(pki.server_cert_path(), pki.server_key_path()))
            .unwrap();
        let before = Arc::as_ptr(&tls.shared.current.read().unwrap());
        fs::write(pki.server_cert_path(), "garbage").unwrap();
        let e = tls.reload().unwrap_err();
        assert_eq!(e.file, TlsFile::Cert);
        assert_eq!(Arc::as_ptr(&tls.shared.current.read().unwrap()), before);
        pki.reissue_server_cert();
        tls.reload().unwrap();
        assert_ne!(Arc::as_ptr(&tls.shared.current.read().unwrap()), before);
    }

    #[test]
    fn replacing_a_file_changes_its_fingerprint() {
        let pki = TestPki::new();
        let files = TlsFiles::new(pki.server_cert_path(), pki.server_key_path());
        let before = Fingerprint::of(&files);
        assert_eq!(Fingerprint::of(&files), before);
        pki.reissue_server_cert();
        assert_ne!(Fingerprint::of(&files), before);
    }
}
