use std::time::Duration;

use buildlogs_common::pb::blob_storage_client::BlobStorageClient;
use buildlogs_common::pb::PutRequest;
use tonic::transport::{Channel, Endpoint};

#[derive(Clone)]
pub struct Storage {
    client: BlobStorageClient<Channel>,
}

impl Storage {
    pub fn connect_lazy(url: &str) -> anyhow::Result<Self> {
        // Large artifacts take a while; one minute per put is plenty.
        let ch = Endpoint::from_shared(url.to_owned())?.timeout(Duration::from_secs(60)).connect_lazy();
        Ok(Self { client: BlobStorageClient::new(ch) })
    }

    pub async fn put(&self, key: String, data: Vec<u8>) -> Result<String, tonic::Status> {
        let mut c = self.client.clone();
        Ok(c.put(tonic::Request::new(PutRequest { key, data })).await?.into_inner().digest)
    }
}
