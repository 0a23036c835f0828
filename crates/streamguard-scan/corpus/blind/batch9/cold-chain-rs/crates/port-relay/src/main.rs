//! Runs inside the terminal's network: cranes and gate OCR push events here and
//! they are forwarded to the terminal operating system. No credentials: the
//! listener is bound to the terminal's OT VLAN.
use reefer_proto::port_relay_server::{PortRelay, PortRelayServer};
use reefer_proto::tos_client::TosClient;
use reefer_proto::{ForwardAck, PortEvent};
use tonic::transport::{Channel, Server};
use tonic::{Request, Response, Status, Streaming};

struct Relay {
    tos: TosClient<Channel>,
}

#[tonic::async_trait]
impl PortRelay for Relay {
    async fn forward(&self, request: Request<Streaming<PortEvent>>) -> Result<Response<ForwardAck>, Status> {
        let mut inbound = request.into_inner();
        let mut tos = self.tos.clone();
        let mut forwarded = 0u64;
        while let Some(ev) = inbound.message().await? {
            tos.record_event(Request::new(ev)).await?;
            forwarded += 1;
        }
        Ok(Response::new(ForwardAck { forwarded }))
    }
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();
    let tos = TosClient::connect(std::env::var("TOS_ADDR")?).await?;
    let addr = std::env::var("RELAY_LISTEN").unwrap_or_else(|_| "10.20.0.5:50080".into()).parse()?;
    Server::builder().add_service(PortRelayServer::new(Relay { tos })).serve(addr).await?;
    Ok(())
}
