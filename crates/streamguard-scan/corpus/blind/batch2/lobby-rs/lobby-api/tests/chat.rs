use std::time::Duration;

use tokio_stream::StreamExt;

#[tokio::test]
async fn broadcast_reaches_every_subscriber() {
    let (tx, _) = tokio::sync::broadcast::channel::<String>(8);
    let mut a = tokio_stream::wrappers::BroadcastStream::new(tx.subscribe());
    let mut b = tokio_stream::wrappers::BroadcastStream::new(tx.subscribe());
    tx.send("hello".into()).unwrap();
    let got_a = tokio::time::timeout(Duration::from_millis(100), a.next()).await.unwrap().unwrap().unwrap();
    let got_b = tokio::time::timeout(Duration::from_millis(100), b.next()).await.unwrap().unwrap().unwrap();
    assert_eq!(got_a, "hello");
    assert_eq!(got_b, "hello");
}
