use futures::StreamExt;
use tonic::{Request, Response, Status, Streaming};

use super::TaskingService;
use crate::auth::Claims;
use crate::pb::{PlanRequest, TaskRequest, TaskResult};
use crate::session::{GuardedStream, Session};

fn authorize(claims: &Claims, req: &TaskRequest) -> Result<(), &'static str> {
    if !claims.has_scope("tasking:submit") {
        return Err("insufficient_scope");
    }
    if !claims.owns_order(&req.order_id) {
        return Err("resource_not_owned");
    }
    if !claims.regions.iter().any(|r| r == &req.region) {
        return Err("region not licensed");
    }
    Ok(())
}

pub(super) async fn session(
    svc: TaskingService,
    request: Request<Streaming<TaskRequest>>,
) -> Result<Response<GuardedStream<TaskResult>>, Status> {
    let session = Session::open(&request, &svc.revocations)?;
    let claims = session.claims.clone();
    let cancel = session.token();
    let mut inbound = request.into_inner();
    let remaining_at_open = session.remaining()?;
    let deadline = remaining_at_open.map(|d| tokio::time::Instant::now() + d);

    let inner = async_stream::try_stream! {
        while let Some(msg) = inbound.next().await {
            let msg = msg?;
            svc.limiter.check(&claims.sub)?;
            if let Err(why) = authorize(&claims, &msg) {
                yield TaskResult { request_id: msg.request_id, accepted: false, error: format!("PERMISSION_DENIED: {why}"), window: String::new() };
                continue;
            }
            let remaining = match deadline {
                Some(d) => Some(d.checked_duration_since(tokio::time::Instant::now())
                    .ok_or_else(|| Status::deadline_exceeded("deadline passed"))?),
                None => None,
            };
            let plan = PlanRequest {
                order_id: msg.order_id.clone(),
                action: msg.action.clone(),
                aoi_wkt: msg.aoi_wkt.clone(),
                max_cloud_pct: msg.max_cloud_pct,
                customer: claims.sub.clone(),
            };
            let reply = tokio::select! {
                _ = cancel.cancelled() => Err(Status::cancelled("stream ended"))?,
                r = svc.scheduler.plan(plan, remaining) => r?,
            };
            yield TaskResult { request_id: msg.request_id, accepted: reply.accepted, error: reply.reason, window: reply.window };
        }
    };
    Ok(Response::new(session.guard(inner)))
}
