use locker_hub::apikey::hash_key;
use locker_hub::deadline::Deadline;
use tonic::metadata::MetadataMap;

#[test]
fn key_hash_is_stable_hex() {
    let h = hash_key("bank-0042-secret");
    assert_eq!(h.len(), 64);
    assert_eq!(h, hash_key("bank-0042-secret"));
    assert_ne!(h, hash_key("bank-0043-secret"));
}

#[tokio::test]
async fn deadline_parsing() {
    let mut md = MetadataMap::new();
    md.insert("grpc-timeout", "1500m".parse().unwrap());
    let d = Deadline::from_metadata(&md);
    let left = d.remaining_or(std::time::Duration::from_secs(9)).unwrap();
    assert!(left <= std::time::Duration::from_millis(1500));
    let none = Deadline::from_metadata(&MetadataMap::new());
    assert_eq!(none.remaining_or(std::time::Duration::from_secs(9)).unwrap().as_secs(), 9);
}
