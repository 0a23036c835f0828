use std::time::Duration;

use tokio_stream::StreamExt;

#[tokio::test(start_paused = true)]
async fn interval_stream_yields_in_order() {
    let s = async_stream::stream! {
        let mut ticker = tokio::time::interval(Duration::from_millis(250));
        for i in 0..3u64 {
            ticker.tick().await;
            yield i;
        }
    };
    tokio::pin!(s);
    let mut got = Vec::new();
    while let Some(v) = s.next().await {
        got.push(v);
    }
    assert_eq!(got, vec![0, 1, 2]);
}

#[test]
fn grpc_timeout_units() {
    for (raw, ms) in [("5S", 5000u128), ("250m", 250), ("1M", 60_000)] {
        let unit = &raw[raw.len() - 1..];
        let n: u128 = raw[..raw.len() - 1].parse().unwrap();
        let got = match unit {
            "S" => n * 1000,
            "m" => n,
            "M" => n * 60_000,
            _ => unreachable!(),
        };
        assert_eq!(got, ms);
    }
}
