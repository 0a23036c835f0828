use std::io::Write;

use bindery_line::keys::KeyStore;
use sha2::{Digest, Sha256};

#[test]
fn lookup_by_hash() {
    let digest = hex::encode(Sha256::digest(b"press-key-1"));
    let mut f = tempfile::NamedTempFile::new().unwrap();
    write!(f, r#"{{"keys": [["{digest}", {{"key_id": "k1", "kind": "press", "bindery": "B1", "press_id": "PB-3"}}]]}}"#).unwrap();
    let store = KeyStore::load(f.path().to_str().unwrap()).unwrap();
    assert_eq!(store.lookup("press-key-1").unwrap().press_id.as_deref(), Some("PB-3"));
    assert!(store.lookup("press-key-2").is_none());
}
