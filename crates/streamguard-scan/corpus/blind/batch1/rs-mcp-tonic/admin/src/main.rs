use std::time::Duration;

use tokio::sync::{broadcast, mpsc};
use tokio::time::{sleep_until, Instant};
use tokio_stream::wrappers::ReceiverStream;
use tonic::{transport::Server, Request, Response, Status};

pub mod pb {
    tonic::include_proto!("mcp.admin.v1");
}

use pb::admin_server::{Admin, AdminServer};
use pb::{AdminEvent, Stats, StatsRequest, TailEventsRequest};

const MAX_TAIL: Duration = Duration::from_secs(15 * 60);

struct AdminSvc {
    events: broadcast::Sender<AdminEvent>,
}

#[tonic::async_trait]
impl Admin for AdminSvc {
    type TailEventsStream = ReceiverStream<Result<AdminEvent, Status>>;

    async fn tail_events(
        &self,
        request: Request<TailEventsRequest>,
    ) -> Result<Response<Self::TailEventsStream>, Status> {
        let kind = request.into_inner().kind;
        let mut events = self.events.subscribe();
        let (tx, rx) = mpsc::channel(64);
        tokio::spawn(async move {
            let deadline = Instant::now() + MAX_TAIL;
            loop {
                let next = tokio::select! {
                    _ = sleep_until(deadline) => {
                        let _ = tx.send(Err(Status::unavailable("max_stream_lifetime"))).await;
                        break;
                    }
                    _ = tx.closed() => break,
                    ev = events.recv() => ev,
                };
                match next {
                    Ok(ev) if kind.is_empty() || ev.kind == kind => {
                        if tx.send(Ok(ev)).await.is_err() {
                            break;
                        }
                    }
                    Ok(_) => {}
                    Err(broadcast::error::RecvError::Lagged(_)) => continue,
                    Err(broadcast::error::RecvError::Closed) => break,
                }
            }
        });
        Ok(Response::new(ReceiverStream::new(rx)))
    }

    async fn get_stats(&self, _request: Request<StatsRequest>) -> Result<Response<Stats>, Status> {
        Ok(Response::new(Stats { open_streams: self.events.receiver_count() as u64, calls_total: 0 }))
    }
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let (events, _) = broadcast::channel(1024);
    Server::builder()
        .add_service(AdminServer::new(AdminSvc { events }))
        .serve("127.0.0.1:50090".parse()?)
        .await?;
    Ok(())
}
