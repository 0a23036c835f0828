//! metrics-relay: re-publishes an agent's Tail stream to clients on another network.

#[path = "../proto/mod.rs"]
mod proto;

use proto::agent_client::AgentClient;
use proto::relay_server::{Relay, RelayServer};
use proto::{LogLine, TailRequest};
use tokio::sync::mpsc;
use tokio_stream::wrappers::ReceiverStream;
use tonic::transport::{Channel, Server};
use tonic::{Request, Response, Status};

struct RelaySvc {
    upstream: AgentClient<Channel>,
    token: String,
}

#[tonic::async_trait]
impl Relay for RelaySvc {
    type ForwardStream = ReceiverStream<Result<LogLine, Status>>;

    async fn forward(&self, request: Request<TailRequest>) -> Result<Response<Self::ForwardStream>, Status> {
        let mut up_req = Request::new(request.into_inner());
        up_req
            .metadata_mut()
            .insert("authorization", format!("Bearer {}", self.token).parse().map_err(|_| Status::internal("token"))?);
        let mut upstream = self.upstream.clone().tail(up_req).await?.into_inner();

        let (tx, rx) = mpsc::channel(256);
        tokio::spawn(async move {
            loop {
                match upstream.message().await {
                    Ok(Some(line)) => {
                        let _ = tx.send(Ok(line)).await;
                    }
                    Ok(None) => break,
                    Err(status) => {
                        let _ = tx.send(Err(status)).await;
                        break;
                    }
                }
            }
        });
        Ok(Response::new(ReceiverStream::new(rx)))
    }
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let upstream = AgentClient::connect(std::env::var("AGENT_URL").unwrap_or_else(|_| "http://127.0.0.1:4040".into())).await?;
    let token = std::env::var("RELAY_TOKEN")?;
    Server::builder()
        .add_service(RelayServer::new(RelaySvc { upstream, token }))
        .serve("0.0.0.0:4041".parse()?)
        .await?;
    Ok(())
}
