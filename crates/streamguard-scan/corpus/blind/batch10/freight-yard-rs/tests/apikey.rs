use yardd::apikey::{KeyInfo, KeyStore};

#[test]
fn track_prefixes() {
    let k = KeyInfo { id: "k1".into(), owner: "hump-crew-2".into(), tracks: vec!["CL-*".into(), "RCV-3".into()] };
    assert!(k.may_use_track("CL-14"));
    assert!(k.may_use_track("RCV-3"));
    assert!(!k.may_use_track("RCV-4"));
    assert!(!k.may_use_track("DEP-1"));
}

#[test]
fn keystore_lookup() {
    let store = KeyStore::from_json(r#"{"abc": {"id": "k1", "owner": "yms", "tracks": ["*"]}}"#).unwrap();
    assert_eq!(store.lookup("abc").unwrap().owner, "yms");
    assert!(store.lookup("nope").is_none());
}
