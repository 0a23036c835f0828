use std::time::Duration;

use tokio::net::TcpListener;
use tokio_stream::wrappers::{IntervalStream, TcpListenerStream};
use tokio_stream::StreamExt;
use tonic::{transport::Server, Request, Response, Status, Streaming};

mod pb {
    include!("../src/pb/telemetry.v1.rs");
}

use pb::collector_server::{Collector, CollectorServer};
use pb::{IngestSummary, Reading, SubscribeRequest};

struct Fake;

#[tonic::async_trait]
impl Collector for Fake {
    async fn ingest(&self, req: Request<Streaming<Reading>>) -> Result<Response<IngestSummary>, Status> {
        let mut s = req.into_inner();
        let mut n = 0;
        while s.message().await?.is_some() {
            n += 1;
        }
        Ok(Response::new(IngestSummary { accepted: n, rejected: 0 }))
    }

    type SubscribeStream = std::pin::Pin<Box<dyn tokio_stream::Stream<Item = Result<Reading, Status>> + Send>>;

    async fn subscribe(&self, _req: Request<SubscribeRequest>) -> Result<Response<Self::SubscribeStream>, Status> {
        let ticks = IntervalStream::new(tokio::time::interval(Duration::from_millis(5)))
            .map(|_| Ok(Reading { device_id: "d1".into(), metric: "t".into(), value: 1.0, ts_ms: 0 }));
        Ok(Response::new(Box::pin(ticks)))
    }
}

#[tokio::test]
async fn fake_collector_serves() {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(Server::builder().add_service(CollectorServer::new(Fake)).serve_with_incoming(TcpListenerStream::new(listener)));
    tokio::time::sleep(Duration::from_millis(50)).await;
    assert!(addr.port() > 0);
}
