use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;

use tonic::{Request, Response, Status};

use crate::pb::replay_admin_server::ReplayAdmin;
use crate::pb::{PauseRequest, ReplayState, ResumeRequest, StatusRequest};

#[derive(Default)]
pub struct Shared {
    pub paused: AtomicBool,
    pub sent: AtomicU64,
    pub file: String,
}

pub struct Admin(pub Arc<Shared>);

impl Admin {
    fn state(&self) -> ReplayState {
        ReplayState {
            paused: self.0.paused.load(Ordering::Relaxed),
            sent: self.0.sent.load(Ordering::Relaxed),
            file: self.0.file.clone(),
        }
    }
}

#[tonic::async_trait]
impl ReplayAdmin for Admin {
    async fn pause(&self, _: Request<PauseRequest>) -> Result<Response<ReplayState>, Status> {
        self.0.paused.store(true, Ordering::Relaxed);
        Ok(Response::new(self.state()))
    }

    async fn resume(&self, _: Request<ResumeRequest>) -> Result<Response<ReplayState>, Status> {
        self.0.paused.store(false, Ordering::Relaxed);
        Ok(Response::new(self.state()))
    }

    async fn status(&self, _: Request<StatusRequest>) -> Result<Response<ReplayState>, Status> {
        Ok(Response::new(self.state()))
    }
}
