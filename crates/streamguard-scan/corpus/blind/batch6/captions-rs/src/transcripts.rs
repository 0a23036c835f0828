//! Finished transcripts, from the transcript archive service.

use std::time::Duration;

use tonic::transport::Channel;
use tonic::Request;

pub mod pb {
    tonic::include_proto!("transcripts.v1");
}

#[derive(Clone)]
pub struct Transcripts {
    client: pb::transcript_archive_client::TranscriptArchiveClient<Channel>,
}

impl Transcripts {
    pub fn new(channel: Channel) -> Self {
        Self { client: pb::transcript_archive_client::TranscriptArchiveClient::new(channel) }
    }

    pub async fn lines(&self, broadcast_id: &str, timeout: Duration) -> Result<Vec<pb::Line>, tonic::Status> {
        let mut req = Request::new(pb::GetRequest { broadcast_id: broadcast_id.to_owned() });
        req.set_timeout(timeout);
        let mut client = self.client.clone();
        Ok(client.get(req).await?.into_inner().lines)
    }
}
