pub mod pb {
    tonic::include_proto!("collab.v2");
}

use std::pin::Pin;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use tokio_stream::Stream;
use tonic::transport::{Channel, Server};
use tonic::{Request, Response, Status};

use pb::blob_store_client::BlobStoreClient;
use pb::index_status_server::{IndexStatus, IndexStatusServer};
use pb::search_index_client::SearchIndexClient;
use pb::{GetBlobRequest, IndexDocRequest, ReindexProgress, ReindexRequest, StatusRequest, StatusResponse};

struct Indexer {
    blobs: BlobStoreClient<Channel>,
    search: SearchIndexClient<Channel>,
    catalog: Arc<Vec<String>>,
    indexed: Arc<AtomicU64>,
    last_run_ms: Arc<AtomicU64>,
}

#[tonic::async_trait]
impl IndexStatus for Indexer {
    type ReindexStream = Pin<Box<dyn Stream<Item = Result<ReindexProgress, Status>> + Send>>;

    async fn reindex(&self, request: Request<ReindexRequest>) -> Result<Response<Self::ReindexStream>, Status> {
        let prefix = request.into_inner().prefix;
        let keys: Vec<String> = self.catalog.iter().filter(|k| k.starts_with(&prefix)).cloned().collect();
        let total = keys.len() as u64;
        let mut blobs = self.blobs.clone();
        let mut search = self.search.clone();
        let indexed = self.indexed.clone();
        let last_run = self.last_run_ms.clone();

        let out = async_stream::try_stream! {
            for (i, key) in keys.into_iter().enumerate() {
                let blob = blobs.get(GetBlobRequest { key: key.clone() }).await?.into_inner();
                let text = String::from_utf8_lossy(&blob.data).into_owned();
                let doc_id = key.split('/').nth(1).unwrap_or_default().to_string();
                search.index_doc(Request::new(IndexDocRequest { doc_id: doc_id.clone(), text, version: 0 })).await?;
                indexed.fetch_add(1, Ordering::Relaxed);
                yield ReindexProgress { done: i as u64 + 1, total, last_doc: doc_id };
            }
            last_run.store(
                std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_millis() as u64).unwrap_or_default(),
                Ordering::Relaxed,
            );
        };
        Ok(Response::new(Box::pin(out)))
    }

    async fn status(&self, _request: Request<StatusRequest>) -> Result<Response<StatusResponse>, Status> {
        Ok(Response::new(StatusResponse {
            indexed: self.indexed.load(Ordering::Relaxed),
            last_run_ms: self.last_run_ms.load(Ordering::Relaxed) as i64,
        }))
    }
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let blobs = BlobStoreClient::connect(std::env::var("BLOBSTORE_URL").unwrap_or_else(|_| "http://blobstore:7100".into())).await?;
    let search = SearchIndexClient::connect(std::env::var("SEARCH_URL").unwrap_or_else(|_| "http://search:7200".into())).await?;
    let catalog = std::fs::read_to_string(std::env::var("CATALOG").unwrap_or_else(|_| "/var/lib/collab/catalog.txt".into()))?
        .lines()
        .map(str::to_owned)
        .collect();
    let svc = Indexer {
        blobs,
        search,
        catalog: Arc::new(catalog),
        indexed: Arc::new(AtomicU64::new(0)),
        last_run_ms: Arc::new(AtomicU64::new(0)),
    };
    Server::builder()
        .add_service(IndexStatusServer::new(svc))
        .serve("127.0.0.1:7300".parse()?)
        .await?;
    Ok(())
}
