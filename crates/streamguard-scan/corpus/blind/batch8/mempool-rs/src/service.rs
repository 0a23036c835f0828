use std::pin::Pin;
use std::time::{Duration, Instant};

use tokio::sync::mpsc;
use tokio_stream::wrappers::ReceiverStream;
use tokio_stream::{Stream, StreamExt};
use tonic::{Request, Response, Status, Streaming};

use crate::auth::customer;
use crate::feed::Feed;
use crate::node_rpc::NodeRpc;
use crate::pb::mempool_server::Mempool;
use crate::pb::*;
use crate::relay::Relay;

type Boxed<T> = Pin<Box<dyn Stream<Item = Result<T, Status>> + Send + 'static>>;

const BLOCK_FEED_MAX: Duration = Duration::from_secs(60 * 60);
const DEFAULT_BUNDLE_BUDGET: Duration = Duration::from_secs(12);

pub struct MempoolService {
    pub feed: Feed,
    pub node: NodeRpc,
    pub relay: Relay,
}

fn grpc_timeout<T>(req: &Request<T>) -> Option<Duration> {
    let v = req.metadata().get("grpc-timeout")?.to_str().ok()?;
    let (num, unit) = v.split_at(v.len().checked_sub(1)?);
    let n: u64 = num.parse().ok()?;
    Some(match unit {
        "H" => Duration::from_secs(n * 3600),
        "M" => Duration::from_secs(n * 60),
        "S" => Duration::from_secs(n),
        "m" => Duration::from_millis(n),
        "u" => Duration::from_micros(n),
        "n" => Duration::from_nanos(n),
        _ => return None,
    })
}

#[tonic::async_trait]
impl Mempool for MempoolService {
    async fn get_fee_estimate(&self, request: Request<FeeEstimateRequest>) -> Result<Response<FeeEstimate>, Status> {
        let (base, tip) = self
            .node
            .fee_history(request.get_ref().target_blocks.clamp(1, 20))
            .await
            .map_err(|e| Status::unavailable(format!("node: {e}")))?;
        Ok(Response::new(FeeEstimate { base_fee_wei: base, priority_fee_wei: tip }))
    }

    type SubscribeTransactionsStream = Boxed<PendingTx>;

    async fn subscribe_transactions(
        &self,
        request: Request<SubscribeTxRequest>,
    ) -> Result<Response<Self::SubscribeTransactionsStream>, Status> {
        let who = customer(&request)?;
        let filter: Vec<String> = request.into_inner().to_addresses.into_iter().map(|a| a.to_lowercase()).collect();
        let mut rx = self.feed.txs.subscribe();
        let (tx, out) = mpsc::channel(4096);
        tokio::spawn(async move {
            loop {
                let ptx = match rx.recv().await {
                    Ok(p) => p,
                    Err(tokio::sync::broadcast::error::RecvError::Lagged(n)) => {
                        tracing::warn!(customer = %who.id, lagged = n, "tx feed lagging");
                        continue;
                    }
                    Err(_) => break,
                };
                if !filter.is_empty() && !filter.contains(&ptx.to.to_lowercase()) {
                    continue;
                }
                if tx.send(Ok(ptx)).await.is_err() {
                    break;
                }
            }
        });
        Ok(Response::new(Box::pin(ReceiverStream::new(out))))
    }

    type SubscribeBlocksStream = Boxed<BlockHeader>;

    async fn subscribe_blocks(
        &self,
        request: Request<SubscribeBlocksRequest>,
    ) -> Result<Response<Self::SubscribeBlocksStream>, Status> {
        let _who = customer(&request)?;
        let with_hashes = request.get_ref().with_tx_hashes;
        let node = self.node.clone();
        let blocks = tokio_stream::wrappers::BroadcastStream::new(self.feed.blocks.subscribe());
        let stream = async_stream::try_stream! {
            tokio::pin!(blocks);
            while let Some(item) = blocks.next().await {
                let Ok(mut header) = item else { continue };
                if with_hashes {
                    let hashes = node
                        .block_tx_hashes(&header.hash)
                        .await
                        .map_err(|e| Status::unavailable(format!("node: {e}")))?;
                    header.tx_hashes_json = serde_json::to_string(&hashes).unwrap_or_default();
                }
                yield header;
            }
        };
        let bounded = stream.take_until(tokio::time::sleep(BLOCK_FEED_MAX));
        Ok(Response::new(Box::pin(bounded)))
    }

    type SubmitBundleStream = Boxed<BundleResult>;

    async fn submit_bundle(
        &self,
        request: Request<Streaming<BundleTx>>,
    ) -> Result<Response<Self::SubmitBundleStream>, Status> {
        let who = customer(&request)?;
        let deadline = grpc_timeout(&request).map(|d| Instant::now() + d);
        let mut inbound = request.into_inner();
        let relay = self.relay.clone();
        let (tx, out) = mpsc::channel(64);
        tokio::spawn(async move {
            let mut submitted: u32 = 0;
            while let Some(msg) = inbound.next().await {
                let bundle = match msg {
                    Ok(b) => b,
                    Err(_) => break,
                };
                submitted += 1;
                if submitted > who.bundles_per_stream {
                    let _ = tx.send(Err(Status::resource_exhausted("bundle quota for this stream used up"))).await;
                    break;
                }
                let budget = deadline
                    .map(|d| d.saturating_duration_since(Instant::now()))
                    .unwrap_or(DEFAULT_BUNDLE_BUDGET);
                let relay = relay.clone();
                let tx = tx.clone();
                // Each bundle goes to the relay on its own task so that a slow
                // relay answer does not hold up the next bundle.
                tokio::spawn(async move {
                    let res = relay.send_bundle(&bundle.signed_txs, bundle.target_block, budget).await;
                    let result = match res {
                        Ok(msg) => BundleResult { bundle_id: bundle.bundle_id, status: "SENT".into(), relay_message: msg },
                        Err(e) => BundleResult { bundle_id: bundle.bundle_id, status: "FAILED".into(), relay_message: e.to_string() },
                    };
                    let _ = tx.send(Ok(result)).await;
                });
            }
        });
        Ok(Response::new(Box::pin(ReceiverStream::new(out))))
    }
}
