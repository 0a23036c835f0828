use buildlogs_common::keys::KeyStore;

#[test]
fn key_file_with_bad_hash_is_refused_with_line_number() {
    let dir = std::env::temp_dir().join(format!("artifactd-keys-{}", std::process::id()));
    std::fs::write(&dir, "nothex owner proj\n").unwrap();
    let err = KeyStore::load(&dir).err().expect("must fail");
    assert!(err.to_string().contains(":1:"), "{err}");
    std::fs::remove_file(dir).ok();
}
