use std::time::Duration;

use tonic::transport::Channel;
use tonic::{Request, Status};

use crate::pb::scheduler_client::SchedulerClient;
use crate::pb::{PlanReply, PlanRequest, StatusReply, StatusRequest};

#[derive(Clone)]
pub struct Scheduler {
    inner: SchedulerClient<Channel>,
}

impl Scheduler {
    pub fn new(channel: Channel) -> Self {
        Self { inner: SchedulerClient::new(channel) }
    }

    fn request<T>(msg: T, remaining: Option<Duration>) -> Request<T> {
        let mut req = Request::new(msg);
        if let Some(left) = remaining {
            req.set_timeout(left);
        }
        req
    }

    pub async fn plan(&self, msg: PlanRequest, remaining: Option<Duration>) -> Result<PlanReply, Status> {
        Ok(self.inner.clone().plan(Self::request(msg, remaining)).await?.into_inner())
    }

    pub async fn status(&self, order_id: &str, remaining: Option<Duration>) -> Result<StatusReply, Status> {
        let msg = StatusRequest { order_id: order_id.to_owned() };
        Ok(self.inner.clone().status(Self::request(msg, remaining)).await?.into_inner())
    }
}
