use tokio::sync::watch;

#[tokio::test]
async fn watch_delivers_latest_value() {
    let (tx, mut rx) = watch::channel(0u64);
    tx.send(1).unwrap();
    tx.send(2).unwrap();
    rx.changed().await.unwrap();
    assert_eq!(*rx.borrow_and_update(), 2);
    drop(tx);
    assert!(rx.changed().await.is_err());
}
