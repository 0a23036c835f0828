//! API keys from a file of `sha256-hex owner project1,project2` lines.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};

use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;
use tokio::sync::watch;
use tonic::metadata::MetadataMap;
use tonic::Status;

#[derive(Debug, Clone, PartialEq)]
pub struct KeyOwner {
    pub owner: String,
    pub projects: Vec<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum KeyFileError {
    #[error("cannot read key file {path}: {source}")]
    Read { path: PathBuf, source: std::io::Error },
    #[error("{path}:{line}: expected `<sha256-hex> <owner> <projects>`")]
    Syntax { path: PathBuf, line: usize },
}

fn parse(path: &Path) -> Result<HashMap<[u8; 32], KeyOwner>, KeyFileError> {
    let text = std::fs::read_to_string(path).map_err(|source| KeyFileError::Read { path: path.into(), source })?;
    let mut out = HashMap::new();
    for (i, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#')) {
        let mut it = line.split_whitespace();
        let (Some(hash), Some(owner), Some(projects)) = (it.next(), it.next(), it.next()) else {
            return Err(KeyFileError::Syntax { path: path.into(), line: i + 1 });
        };
        let mut digest = [0u8; 32];
        if hash.len() != 64 || (0..32).any(|b| u8::from_str_radix(&hash[2 * b..2 * b + 2], 16).map(|v| digest[b] = v).is_err()) {
            return Err(KeyFileError::Syntax { path: path.into(), line: i + 1 });
        }
        out.insert(digest, KeyOwner { owner: owner.into(), projects: projects.split(',').map(str::to_owned).collect() });
    }
    Ok(out)
}

/// Loaded once at start; `reload()` (on SIGHUP) swaps the table and notifies subscribers.
#[derive(Clone)]
pub struct KeyStore {
    path: PathBuf,
    table: Arc<RwLock<HashMap<[u8; 32], KeyOwner>>>,
    version: watch::Sender<u64>,
}

impl KeyStore {
    pub fn load(path: impl Into<PathBuf>) -> Result<Self, KeyFileError> {
        let path = path.into();
        let table = parse(&path)?;
        Ok(Self { path, table: Arc::new(RwLock::new(table)), version: watch::channel(0).0 })
    }

    pub fn reload(&self) -> Result<(), KeyFileError> {
        let table = parse(&self.path)?;
        *self.table.write().unwrap_or_else(|p| p.into_inner()) = table;
        self.version.send_modify(|v| *v += 1);
        Ok(())
    }

    pub fn changes(&self) -> watch::Receiver<u64> {
        self.version.subscribe()
    }

    pub fn authenticate(&self, md: &MetadataMap) -> Result<(String, KeyOwner), Status> {
        let key = md
            .get("x-api-key")
            .and_then(|v| v.to_str().ok())
            .ok_or_else(|| Status::unauthenticated("x-api-key metadata required"))?;
        let digest: [u8; 32] = Sha256::digest(key.as_bytes()).into();
        self.lookup(&digest).map(|o| (key.to_owned(), o)).ok_or_else(|| Status::unauthenticated("unknown API key"))
    }

    pub fn still_valid(&self, key: &str) -> Option<KeyOwner> {
        let digest: [u8; 32] = Sha256::digest(key.as_bytes()).into();
        self.lookup(&digest)
    }

    fn lookup(&self, digest: &[u8; 32]) -> Option<KeyOwner> {
        let table = self.table.read().unwrap_or_else(|p| p.into_inner());
        table.iter().find(|(k, _)| bool::from(k.ct_eq(digest))).map(|(_, v)| v.clone())
    }
}
