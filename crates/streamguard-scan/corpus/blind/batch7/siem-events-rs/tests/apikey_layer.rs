use std::io::Write;

use siem_events::apikey::KeyStore;
use sha2::{Digest, Sha256};

fn store_with(key: &str, disabled: bool) -> KeyStore {
    let digest = hex::encode(Sha256::digest(key.as_bytes()));
    let mut f = tempfile_path();
    write!(f.1, r#"{{"{digest}": {{"key_id": "k1", "tenant": "acme", "disabled": {disabled}}}}}"#).unwrap();
    let s = KeyStore::default();
    s.load(&f.0).unwrap();
    s
}

fn tempfile_path() -> (String, std::fs::File) {
    let p = std::env::temp_dir().join(format!("keys-{}.json", std::process::id()));
    let f = std::fs::File::create(&p).unwrap();
    (p.to_string_lossy().into_owned(), f)
}

#[test]
fn known_key_is_accepted() {
    let s = store_with("secret-1", false);
    assert_eq!(s.check("secret-1").map(|k| k.tenant), Some("acme".to_owned()));
}

#[test]
fn disabled_key_is_refused() {
    let s = store_with("secret-2", true);
    assert!(s.check("secret-2").is_none());
}
