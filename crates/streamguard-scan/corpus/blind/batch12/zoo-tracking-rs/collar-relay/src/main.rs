//! Runs on each LoRa gateway in the park: collars that come into range push
//! their buffered fixes; the relay forwards them to the tracker over a single
//! upstream connection.
use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use tokio_stream::StreamExt;
use tonic::{transport::Server, Request, Response, Status, Streaming};

pub mod pb {
    tonic::include_proto!("zoo.tracking.v1");
}

use pb::relay_server::{Relay, RelayServer};
use pb::tracking_client::TrackingClient;
use pb::{CollarFix, UplinkSummary};

const FIXES_PER_MINUTE: u32 = 600;

struct RelayService {
    upstream: TrackingClient<tonic::transport::Channel>,
    gateway_token: String,
    windows: Mutex<HashMap<SocketAddr, (Instant, u32)>>,
}

impl RelayService {
    fn admit(&self, addr: SocketAddr) -> bool {
        let mut w = self.windows.lock().unwrap();
        let e = w.entry(addr).or_insert((Instant::now(), 0));
        if e.0.elapsed() > Duration::from_secs(60) {
            *e = (Instant::now(), 0);
        }
        e.1 += 1;
        e.1 <= FIXES_PER_MINUTE
    }
}

#[tonic::async_trait]
impl Relay for RelayService {
    async fn forward_readings(&self, req: Request<Streaming<CollarFix>>) -> Result<Response<UplinkSummary>, Status> {
        let addr = req.remote_addr().ok_or_else(|| Status::internal("no peer address"))?;
        let mut inbound = req.into_inner();
        let mut batch = Vec::new();
        while let Some(fix) = inbound.next().await {
            let fix = fix?;
            if !self.admit(addr) {
                return Err(Status::resource_exhausted("collar flooding"));
            }
            batch.push(fix);
        }
        let mut up = Request::new(tokio_stream::iter(batch));
        up.metadata_mut().insert("authorization", format!("Bearer {}", self.gateway_token).parse().unwrap());
        up.set_timeout(Duration::from_secs(20));
        let summary = self.upstream.clone().collar_uplink(up).await?;
        Ok(Response::new(summary.into_inner()))
    }
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let upstream = TrackingClient::connect(std::env::var("RELAY_UPSTREAM")?).await?;
    let svc = RelayService {
        upstream,
        gateway_token: std::env::var("RELAY_GATEWAY_TOKEN")?,
        windows: Mutex::new(HashMap::new()),
    };
    Server::builder()
        .add_service(RelayServer::new(svc))
        .serve("0.0.0.0:50710".parse()?)
        .await?;
    Ok(())
}
