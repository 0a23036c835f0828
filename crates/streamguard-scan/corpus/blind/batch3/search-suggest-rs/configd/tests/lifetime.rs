#[test]
fn max_watch_is_ten_minutes() {
    let src = include_str!("../src/main.rs");
    assert!(src.contains("Duration::from_secs(10 * 60)"));
}
