use std::time::Duration;

use tonic::transport::Channel;

use crate::pb::{artifact_store_client::ArtifactStoreClient, PutArtifact};

#[derive(Clone)]
pub struct ArtifactClient {
    inner: ArtifactStoreClient<Channel>,
}

impl ArtifactClient {
    pub async fn connect(addr: String) -> anyhow::Result<Self> {
        Ok(Self { inner: ArtifactStoreClient::connect(addr).await? })
    }

    pub async fn put(&mut self, job_id: &str, name: &str, data: Vec<u8>, remaining: Option<Duration>) -> Result<String, tonic::Status> {
        let mut req = tonic::Request::new(PutArtifact { job_id: job_id.into(), name: name.into(), data });
        if let Some(t) = remaining {
            req.set_timeout(t);
        }
        Ok(self.inner.put(req).await?.into_inner().url)
    }
}
