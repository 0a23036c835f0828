use tonic::{Request, Response, Status};

use super::TaskingService;
use crate::pb::{SceneChunk, SceneRequest};
use crate::session::{GuardedStream, Session};

const CHUNK: u64 = 1 << 20;

pub(super) async fn scene(
    svc: TaskingService,
    request: Request<SceneRequest>,
) -> Result<Response<GuardedStream<SceneChunk>>, Status> {
    let session = Session::open(&request, &svc.revocations)?;
    let scene_id = request.into_inner().scene_id;
    let order = scene_id.split('/').next().unwrap_or_default().to_owned();
    if !session.claims.owns_order(&order) {
        return Err(Status::permission_denied("scene not owned"));
    }
    let remaining = session.remaining()?;
    let started = tokio::time::Instant::now();
    let inner = async_stream::try_stream! {
        let mut offset = 0u64;
        loop {
            let left = match remaining {
                Some(r) => Some(r.checked_sub(started.elapsed()).ok_or_else(|| Status::deadline_exceeded("deadline passed"))?),
                None => None,
            };
            let data = svc.archive.range(&scene_id, offset, CHUNK, left).await?;
            if data.is_empty() {
                break;
            }
            let n = data.len() as u64;
            yield SceneChunk { data, offset };
            offset += n;
            if n < CHUNK {
                break;
            }
        }
    };
    Ok(Response::new(session.guard(inner)))
}
