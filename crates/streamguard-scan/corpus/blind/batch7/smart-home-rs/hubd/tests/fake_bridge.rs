//! A fake radio bridge that emits events forever, for local end-to-end runs.

#[allow(dead_code)]
mod pb {
    tonic::include_proto!("bridge.v1");
}

use std::time::Duration;

use pb::bridge_server::{Bridge, BridgeServer};
use pb::*;
use tokio_stream::wrappers::ReceiverStream;
use tonic::{Request, Response, Status};

struct FakeBridge;

#[tonic::async_trait]
impl Bridge for FakeBridge {
    async fn set_attribute(&self, _r: Request<SetRequest>) -> Result<Response<SetReply>, Status> {
        Ok(Response::new(SetReply { ok: true, error: String::new() }))
    }

    type EventsStream = ReceiverStream<Result<RadioEvent, Status>>;

    async fn events(&self, _r: Request<EventsRequest>) -> Result<Response<Self::EventsStream>, Status> {
        let (tx, rx) = tokio::sync::mpsc::channel(8);
        tokio::spawn(async move {
            let mut on = false;
            loop {
                on = !on;
                let ev = RadioEvent { ieee: "0x00124b0001".into(), attribute: "state".into(), value: if on { "ON" } else { "OFF" }.into(), unix_ms: 0 };
                let _ = tx.send(Ok(ev)).await;
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
        });
        Ok(Response::new(ReceiverStream::new(rx)))
    }
}

#[tokio::test]
async fn fake_bridge_streams_events() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(
        tonic::transport::Server::builder()
            .add_service(BridgeServer::new(FakeBridge))
            .serve_with_incoming(tokio_stream::wrappers::TcpListenerStream::new(listener)),
    );
    let mut c = pb::bridge_client::BridgeClient::connect(format!("http://{addr}")).await.unwrap();
    let mut s = c.events(EventsRequest {}).await.unwrap().into_inner();
    assert!(s.message().await.unwrap().is_some());
}
