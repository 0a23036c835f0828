// Integration test against a fake UTM server that streams alerts forever (no auth: local only).
use std::time::Duration;

use tokio_stream::wrappers::ReceiverStream;
use tonic::{Request, Response, Status, Streaming};
use utm_proto::utm::utm_server::{Utm, UtmServer};
use utm_proto::utm::*;

struct FakeUtm;

#[tonic::async_trait]
impl Utm for FakeUtm {
    async fn flight_telemetry(&self, _r: Request<Streaming<TelemetryReport>>) -> Result<Response<TelemetrySummary>, Status> {
        Ok(Response::new(TelemetrySummary::default()))
    }

    type WatchAirspaceStream = ReceiverStream<Result<AirspaceAlert, Status>>;

    async fn watch_airspace(&self, _r: Request<AirspaceRequest>) -> Result<Response<Self::WatchAirspaceStream>, Status> {
        let (tx, rx) = tokio::sync::mpsc::channel(4);
        tokio::spawn(async move {
            let mut n = 0u64;
            loop {
                n += 1;
                let _ = tx.send(Ok(AirspaceAlert { alert_id: n.to_string(), ..Default::default() })).await;
                tokio::time::sleep(Duration::from_millis(10)).await;
            }
        });
        Ok(Response::new(ReceiverStream::new(rx)))
    }

    type ClearanceDeskStream = ReceiverStream<Result<DeskReply, Status>>;

    async fn clearance_desk(&self, _r: Request<Streaming<DeskRequest>>) -> Result<Response<Self::ClearanceDeskStream>, Status> {
        Err(Status::unimplemented("fake"))
    }

    async fn get_flight(&self, _r: Request<GetFlightRequest>) -> Result<Response<Flight>, Status> {
        Err(Status::not_found("fake"))
    }
}

#[tokio::test]
async fn client_receives_alerts_from_fake_server() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(
        tonic::transport::Server::builder()
            .add_service(UtmServer::new(FakeUtm))
            .serve_with_incoming(tokio_stream::wrappers::TcpListenerStream::new(listener)),
    );
    let mut client = utm_proto::utm::utm_client::UtmClient::connect(format!("http://{addr}")).await.unwrap();
    let mut stream = client.watch_airspace(AirspaceRequest { region: "r".into() }).await.unwrap().into_inner();
    assert!(stream.message().await.unwrap().is_some());
}
