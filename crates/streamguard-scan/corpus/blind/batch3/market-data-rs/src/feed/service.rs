use std::pin::Pin;
use std::time::Duration;

use tokio::sync::{broadcast, mpsc};
use tokio::time::Instant;
use tokio_stream::wrappers::ReceiverStream;
use tokio_stream::Stream;
use tonic::transport::Channel;
use tonic::{Request, Response, Status, Streaming};
use tracing::debug;

use crate::feed::auth::{key_info, KeyStore};
use crate::feed::book::Books;
use crate::feed::limits::OwnerLimiter;
use crate::feed::quota::AddrQuota;
use crate::gen::market_data_server::MarketData;
use crate::gen::risk_client::RiskClient;
use crate::gen::{BookRequest, BookUpdate, Order, OrderAck, RiskCheckRequest, Trade, TradesRequest};

const MAX_BOOK_STREAM: Duration = Duration::from_secs(30 * 60);
const RISK_BUDGET: Duration = Duration::from_millis(250);

pub struct MarketDataService {
    pub books: Books,
    pub keys: KeyStore,
    pub quota: AddrQuota,
    pub owners: OwnerLimiter,
    pub risk: RiskClient<Channel>,
}

type Out<T> = Pin<Box<dyn Stream<Item = Result<T, Status>> + Send>>;

#[tonic::async_trait]
impl MarketData for MarketDataService {
    type StreamBookStream = Out<BookUpdate>;

    async fn stream_book(&self, request: Request<BookRequest>) -> Result<Response<Self::StreamBookStream>, Status> {
        let key = key_info(&request)?;
        let peer = request.remote_addr();
        let limiter = self.quota.for_addr(peer);
        let quota = self.quota.clone();
        let req = request.into_inner();
        let depth = req.depth.clamp(1, 50) as usize;
        let mut updates = self.books.updates.subscribe();
        let mut revoked = self.keys.revocations();
        let first = self.books.snapshot(&req.symbol, depth);
        let deadline = Instant::now() + MAX_BOOK_STREAM;

        let out = async_stream::try_stream! {
            yield first;
            loop {
                tokio::select! {
                    _ = tokio::time::sleep_until(deadline) => {
                        Err(Status::unavailable("max_stream_lifetime"))?;
                    }
                    changed = revoked.changed() => {
                        if changed.is_err() || revoked.borrow().contains(&key.key_id) {
                            Err(Status::permission_denied("key_revoked"))?;
                        }
                    }
                    u = updates.recv() => match u {
                        Ok(u) if u.symbol == req.symbol => {
                            if limiter.check().is_err() {
                                continue;
                            }
                            yield BookUpdate { bids: u.bids.into_iter().take(depth).collect(), asks: u.asks.into_iter().take(depth).collect(), ..u };
                        }
                        Ok(_) => {}
                        Err(broadcast::error::RecvError::Lagged(n)) => debug!(n, "book subscriber lagged"),
                        Err(broadcast::error::RecvError::Closed) => break,
                    },
                }
            }
            quota.release(peer);
        };
        Ok(Response::new(Box::pin(out)))
    }

    type StreamTradesStream = Out<Trade>;

    async fn stream_trades(&self, request: Request<TradesRequest>) -> Result<Response<Self::StreamTradesStream>, Status> {
        let _key = key_info(&request)?;
        let symbols = request.into_inner().symbols;
        let mut trades = self.books.trades.subscribe();
        let (tx, rx) = mpsc::channel(1024);

        tokio::spawn(async move {
            loop {
                match trades.recv().await {
                    Ok(t) if symbols.is_empty() || symbols.contains(&t.symbol) => {
                        if tx.send(Ok(t)).await.is_err() {
                            break;
                        }
                    }
                    Ok(_) => {}
                    Err(broadcast::error::RecvError::Lagged(_)) => {
                        if tx.send(Err(Status::data_loss("subscriber lagged"))).await.is_err() {
                            break;
                        }
                    }
                    Err(broadcast::error::RecvError::Closed) => break,
                }
            }
        });
        Ok(Response::new(Box::pin(ReceiverStream::new(rx))))
    }

    type SubmitOrdersStream = Out<OrderAck>;

    async fn submit_orders(&self, request: Request<Streaming<Order>>) -> Result<Response<Self::SubmitOrdersStream>, Status> {
        let key = key_info(&request)?;
        if !key.can_trade {
            return Err(Status::permission_denied("key cannot trade"));
        }
        let mut inbound = request.into_inner();
        let mut risk = self.risk.clone();
        let owners = self.owners.clone();

        let out = async_stream::try_stream! {
            while let Some(order) = inbound.message().await? {
                let reject = |reason: &str| OrderAck { client_order_id: order.client_order_id.clone(), accepted: false, order_id: String::new(), reason: reason.into() };
                if !key.accounts.contains(&order.account) {
                    yield reject("account_not_permitted");
                    continue;
                }
                if owners.check_key(&key.owner).is_err() {
                    yield reject("rate_limited");
                    continue;
                }
                let mut check = Request::new(RiskCheckRequest { account: order.account.clone(), order: Some(order.clone()) });
                check.set_timeout(RISK_BUDGET);
                let verdict = risk.check(check).await?.into_inner();
                if !verdict.allowed {
                    yield reject(&verdict.reason);
                    continue;
                }
                yield OrderAck {
                    client_order_id: order.client_order_id.clone(),
                    accepted: true,
                    order_id: format!("o-{}-{}", key.owner, order.client_order_id),
                    reason: String::new(),
                };
            }
        };
        Ok(Response::new(Box::pin(out)))
    }
}
