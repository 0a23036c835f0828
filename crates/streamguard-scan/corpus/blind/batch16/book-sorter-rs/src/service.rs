use std::pin::Pin;
use std::sync::Arc;

use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use tokio::sync::broadcast;
use tokio_stream::wrappers::BroadcastStream;
use tokio_stream::{Stream, StreamExt};
use tonic::{Request, Response, Status, Streaming};

use crate::ils::Ils;
use crate::keys::KeyInfo;
use crate::pb::sorter_server::Sorter;
use crate::pb::{ItemScan, RouteDecision, SorterEvent, WatchSorterRequest};

type Boxed<T> = Pin<Box<dyn Stream<Item = Result<T, Status>> + Send>>;

pub struct SorterHub {
    pub events: broadcast::Sender<SorterEvent>,
    pub ils: Ils,
    pub limiter: Arc<DefaultKeyedRateLimiter<String>>,
}

impl SorterHub {
    pub fn new(ils: Ils) -> Self {
        let (events, _) = broadcast::channel(1024);
        let quota = Quota::per_second(std::num::NonZeroU32::new(30).unwrap());
        Self { events, ils, limiter: Arc::new(RateLimiter::keyed(quota)) }
    }
}

#[tonic::async_trait]
impl Sorter for SorterHub {
    type WatchSorterStream = Boxed<SorterEvent>;
    type ChuteLinkStream = Boxed<RouteDecision>;

    async fn watch_sorter(&self, request: Request<WatchSorterRequest>) -> Result<Response<Self::WatchSorterStream>, Status> {
        let key = request.extensions().get::<KeyInfo>().cloned().ok_or_else(|| Status::unauthenticated("no key"))?;
        let sorter = request.into_inner().sorter_id;
        let branch = sorter.split('-').next().unwrap_or_default().to_string();
        if !key.serves_branch(&branch) {
            return Err(Status::permission_denied("branch_not_allowed"));
        }
        let feed = BroadcastStream::new(self.events.subscribe())
            .filter_map(move |ev| match ev {
                Ok(ev) if ev.sorter_id == sorter => Some(Ok(ev)),
                _ => None,
            });
        Ok(Response::new(Box::pin(feed)))
    }

    async fn chute_link(&self, request: Request<Streaming<ItemScan>>) -> Result<Response<Self::ChuteLinkStream>, Status> {
        let key = request.extensions().get::<KeyInfo>().cloned().ok_or_else(|| Status::unauthenticated("no key"))?;
        if key.role != "chute" {
            return Err(Status::permission_denied("chute controllers only"));
        }
        let mut inbound = request.into_inner();
        let ils = self.ils.clone();
        let limiter = self.limiter.clone();
        let events = self.events.clone();
        let out = async_stream::try_stream! {
            while let Some(scan) = inbound.next().await {
                let scan = scan?;
                if limiter.check_key(&key.key_id).is_err() {
                    Err(Status::resource_exhausted("rate_limit_exceeded"))?;
                }
                if !key.serves_branch(&scan.branch_id) {
                    yield RouteDecision { scan_id: scan.scan_id, bin: 0, reason: "branch_not_allowed".into() };
                    continue;
                }
                let routing = ils.route(&scan.branch_id, &scan.barcode).await
                    .map_err(|e| Status::unavailable(e.to_string()))?;
                // Check-in must not hold up the belt: fire it off and route the item now.
                let ils2 = ils.clone();
                let (branch, barcode) = (scan.branch_id.clone(), scan.barcode.clone());
                tokio::spawn(async move {
                    if let Err(e) = ils2.check_in(&branch, &barcode).await {
                        tracing::warn!(error = %e, %barcode, "check-in failed");
                    }
                });
                let _ = events.send(SorterEvent {
                    sorter_id: scan.chute_id.clone(), kind: "routed".into(), bin: routing.bin, fill_pct: 0, unix_ms: 0,
                });
                yield RouteDecision { scan_id: scan.scan_id, bin: routing.bin, reason: routing.reason };
            }
        };
        Ok(Response::new(Box::pin(out)))
    }
}
