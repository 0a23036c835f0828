use std::time::Duration;

use tonic::transport::{Channel, Endpoint};

use crate::pb::blob_store_client::BlobStoreClient;
use crate::pb::PutBlobRequest;

#[derive(Clone)]
pub struct Storage {
    client: BlobStoreClient<Channel>,
}

impl Storage {
    pub fn lazy(url: &str) -> anyhow::Result<Self> {
        let channel = Endpoint::from_shared(url.to_string())?
            .timeout(Duration::from_secs(5))
            .connect_timeout(Duration::from_secs(2))
            .connect_lazy();
        Ok(Self { client: BlobStoreClient::new(channel) })
    }

    pub async fn put_snapshot(&self, doc_id: &str, version: u64, text: String) -> Result<String, tonic::Status> {
        let mut client = self.client.clone();
        let resp = client
            .put(PutBlobRequest { key: format!("docs/{doc_id}/v{version}"), data: text.into_bytes() })
            .await?;
        Ok(resp.into_inner().etag)
    }
}
