//! siem.v1.SiemIngest: agents ship event batches.

use std::num::NonZeroU32;
use std::sync::Arc;

use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use tonic::transport::Channel;
use tonic::{Request, Response, Status, Streaming};

use crate::apikey::AgentKey;
use crate::gen::backends::indexer_client::IndexerClient;
use crate::gen::backends::{BulkRequest, IndexedEvent};
use crate::gen::siem::siem_ingest_server::SiemIngest;
use crate::gen::siem::{EventBatch, ShipSummary};

const MAX_BATCH: usize = 5_000;

pub struct Ingest {
    indexer: IndexerClient<Channel>,
    limiter: Arc<DefaultKeyedRateLimiter<String>>,
}

impl Ingest {
    pub fn new(indexer: IndexerClient<Channel>, batches_per_sec: u32) -> Self {
        let quota = Quota::per_second(NonZeroU32::new(batches_per_sec.max(1)).expect("non-zero"));
        Self { indexer, limiter: Arc::new(RateLimiter::keyed(quota)) }
    }
}

fn to_json(e: &crate::gen::siem::Event) -> Vec<u8> {
    serde_json::to_vec(&serde_json::json!({
        "@timestamp": e.unix_ms, "host": e.host, "source": e.source, "message": e.message, "fields": e.fields,
    }))
    .unwrap_or_default()
}

#[tonic::async_trait]
impl SiemIngest for Ingest {
    async fn ship_events(&self, request: Request<Streaming<EventBatch>>) -> Result<Response<ShipSummary>, Status> {
        let agent = request
            .extensions()
            .get::<AgentKey>()
            .cloned()
            .ok_or_else(|| Status::unauthenticated("no agent key"))?;
        let mut inbound = request.into_inner();
        let mut indexer = self.indexer.clone();
        let mut accepted = 0u64;

        while let Some(batch) = inbound.message().await? {
            if self.limiter.check_key(&agent.key_id).is_err() {
                return Err(Status::resource_exhausted("rate_limit_exceeded"));
            }
            if batch.events.len() > MAX_BATCH {
                return Err(Status::invalid_argument(format!("batch of {} events; at most {MAX_BATCH}", batch.events.len())));
            }
            let events = batch
                .events
                .iter()
                .map(|e| IndexedEvent { tenant: agent.tenant.clone(), json: to_json(e) })
                .collect();
            let reply = indexer.bulk(Request::new(BulkRequest { events })).await?;
            accepted += reply.into_inner().indexed;
        }
        Ok(Response::new(ShipSummary { accepted }))
    }
}
