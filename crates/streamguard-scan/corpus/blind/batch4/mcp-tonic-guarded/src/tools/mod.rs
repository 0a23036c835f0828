pub mod blob;

use tonic::transport::Channel;
use tonic::{Request, Status, Streaming};

use crate::pb::tool_executor_client::ToolExecutorClient;
use crate::pb::{ResourceUpdate, ToolCall, ToolCallEvent, WatchResourceRequest};
use crate::session::Session;

#[derive(Clone)]
pub struct Executor {
    client: ToolExecutorClient<Channel>,
}

impl Executor {
    pub fn new(channel: Channel) -> Self {
        Self { client: ToolExecutorClient::new(channel) }
    }

    pub async fn execute(&self, session: &Session, call: ToolCall) -> Result<Streaming<ToolCallEvent>, Status> {
        let mut req = Request::new(call);
        req.set_timeout(session.remaining()?);
        let mut client = self.client.clone();
        tokio::select! {
            _ = session.cancel.cancelled() => Err(Status::cancelled("client went away")),
            res = client.execute(req) => Ok(res?.into_inner()),
        }
    }

    pub async fn read(&self, session: &Session, uri: &str) -> Result<ResourceUpdate, Status> {
        let mut req = Request::new(WatchResourceRequest { uri: uri.to_owned(), interval_ms: 0 });
        req.set_timeout(session.remaining()?);
        let mut client = self.client.clone();
        Ok(client.read(req).await?.into_inner())
    }
}
