//! Client of the command router, which schedules commands into the next
//! pass of a station that can reach the spacecraft.

use gs_proto::v1::Command;
use tonic::transport::Channel;
use tonic::{Request, Status};

pub mod pb {
    // The router's API lives in the ops-proto repository; vendored build.
    tonic::include_proto!("cmdrouter.v1");
}

#[derive(Clone)]
pub struct Router {
    client: pb::command_router_client::CommandRouterClient<Channel>,
}

impl Router {
    pub async fn connect(addr: String) -> anyhow::Result<Self> {
        let client = pb::command_router_client::CommandRouterClient::connect(addr).await?;
        Ok(Self { client })
    }

    pub async fn enqueue(&self, operator: &str, cmd: &Command) -> Result<pb::EnqueueReply, Status> {
        let req = Request::new(pb::EnqueueRequest {
            spacecraft_id: cmd.spacecraft_id.clone(),
            command_id: cmd.command_id.clone(),
            opcode: cmd.opcode.clone(),
            args: cmd.args.clone(),
            operator: operator.to_owned(),
        });
        let mut client = self.client.clone();
        Ok(client.enqueue(req).await?.into_inner())
    }
}
