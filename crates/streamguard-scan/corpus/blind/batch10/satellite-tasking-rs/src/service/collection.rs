use std::time::Duration;

use tonic::{Request, Response, Status};

use super::TaskingService;
use crate::pb::{CollectionStatus, WatchCollectionRequest};
use crate::session::{GuardedStream, Session};

const POLL: Duration = Duration::from_secs(10);

pub(super) async fn watch(
    svc: TaskingService,
    request: Request<WatchCollectionRequest>,
) -> Result<Response<GuardedStream<CollectionStatus>>, Status> {
    let session = Session::open(&request, &svc.revocations)?;
    let order_id = request.into_inner().order_id;
    if !session.claims.owns_order(&order_id) {
        return Err(Status::permission_denied("order not owned"));
    }
    let deadline = session.remaining()?.map(|d| tokio::time::Instant::now() + d);
    let inner = async_stream::try_stream! {
        let mut last_state = String::new();
        let mut tick = tokio::time::interval(POLL);
        loop {
            tick.tick().await;
            let remaining = match deadline {
                Some(d) => Some(d.checked_duration_since(tokio::time::Instant::now())
                    .ok_or_else(|| Status::deadline_exceeded("deadline passed"))?),
                None => None,
            };
            let s = svc.scheduler.status(&order_id, remaining).await?;
            if s.state != last_state {
                last_state = s.state.clone();
                yield CollectionStatus { order_id: order_id.clone(), state: s.state, satellite: s.satellite, unix_ms: s.unix_ms };
            }
        }
    };
    Ok(Response::new(session.guard(inner)))
}
