use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use futures::{Stream, StreamExt};
use sqlx::PgPool;
use tonic::transport::Channel;
use tonic::{Request, Response, Status, Streaming};

use crate::desk_limit::AcceptThrottle;
use crate::pb::cashout_server::Cashout;
use crate::pb::pricing_client::PricingClient;
use crate::pb::wallet_client::WalletClient;
use crate::pb::{
    AcceptOffer, CashoutOffer, CashoutResult, PriceRequest, SettleRequest, Settlement, SettlementFeedRequest,
    WatchCashoutRequest,
};
use crate::session::{Session, SessionConfig};

type Out<T> = Pin<Box<dyn Stream<Item = Result<T, Status>> + Send>>;

pub struct CashoutService {
    pub sessions: SessionConfig,
    pub db: PgPool,
    pub pricing: PricingClient<Channel>,
    pub wallet: WalletClient<Channel>,
    pub throttle: Arc<AcceptThrottle>,
}

async fn bet_owner(db: &PgPool, bet_id: &str) -> Option<String> {
    sqlx::query_scalar("select customer_id from bets where id = $1 and state = 'open'")
        .bind(bet_id)
        .fetch_optional(db)
        .await
        .ok()
        .flatten()
}

#[tonic::async_trait]
impl Cashout for CashoutService {
    type WatchCashoutStream = Out<CashoutOffer>;
    type CashoutDeskStream = Out<CashoutResult>;
    type SettlementFeedStream = Out<Settlement>;

    async fn watch_cashout(&self, request: Request<WatchCashoutRequest>) -> Result<Response<Self::WatchCashoutStream>, Status> {
        let session = Session::open(&self.sessions, request.metadata())?;
        let mut bets = Vec::new();
        for id in request.into_inner().bet_ids {
            if bet_owner(&self.db, &id).await.as_deref() == Some(session.claims.sub.as_str()) {
                bets.push(id);
            }
        }
        let pricing = self.pricing.clone();
        let sess_deadline = session.remaining()?;
        let started = tokio::time::Instant::now();
        let cancel = session.cancel.clone();
        let offers = async_stream::try_stream! {
            let mut tick = tokio::time::interval(Duration::from_millis(1500));
            loop {
                tick.tick().await;
                for bet_id in &bets {
                    let left = sess_deadline.checked_sub(started.elapsed()).ok_or_else(|| Status::deadline_exceeded("deadline"))?;
                    let mut req = Request::new(PriceRequest { bet_id: bet_id.clone() });
                    req.set_timeout(left.min(Duration::from_secs(2)));
                    let price = tokio::select! {
                        r = pricing.clone().price(req) => r?.into_inner(),
                        _ = cancel.cancelled() => Err(Status::cancelled("session ended"))?,
                    };
                    yield CashoutOffer {
                        bet_id: bet_id.clone(),
                        amount_cents: price.amount_cents,
                        offer_id: price.offer_id,
                        valid_until_ms: price.valid_until_ms,
                    };
                }
            }
        };
        Ok(Response::new(session.guard(offers)))
    }

    async fn cashout_desk(&self, request: Request<Streaming<AcceptOffer>>) -> Result<Response<Self::CashoutDeskStream>, Status> {
        let session = Session::open(&self.sessions, request.metadata())?;
        if !session.has_scope("cashout:accept") {
            return Err(Status::permission_denied("insufficient_scope"));
        }
        let peer: SocketAddr = request.remote_addr().ok_or_else(|| Status::internal("no peer address"))?;
        let customer = session.claims.sub.clone();
        let mut inbound = request.into_inner();
        let db = self.db.clone();
        let wallet = self.wallet.clone();
        let throttle = self.throttle.clone();

        let work = async_stream::stream! {
            while let Some(msg) = inbound.next().await {
                let accept = match msg { Ok(m) => m, Err(e) => { yield Err(e); break; } };
                if !throttle.allow(peer) {
                    yield Err(Status::resource_exhausted("too many acceptances"));
                    break;
                }
                if bet_owner(&db, &accept.bet_id).await.as_deref() != Some(customer.as_str()) {
                    yield Ok(CashoutResult { request_id: accept.request_id, bet_id: accept.bet_id, status: "PERMISSION_DENIED".into(), paid_cents: 0 });
                    continue;
                }
                let amount: Option<i64> = sqlx::query_scalar(
                    "update offers set state = 'accepted' where id = $1 and bet_id = $2 and state = 'live' and valid_until > now() returning amount_cents",
                )
                .bind(&accept.offer_id)
                .bind(&accept.bet_id)
                .fetch_optional(&db)
                .await
                .ok()
                .flatten();
                let Some(amount) = amount else {
                    yield Ok(CashoutResult { request_id: accept.request_id, bet_id: accept.bet_id, status: "OFFER_EXPIRED".into(), paid_cents: 0 });
                    continue;
                };
                // settle in the background so the customer sees the acceptance at once
                let mut w = wallet.clone();
                let settle = SettleRequest {
                    customer_id: customer.clone(),
                    bet_id: accept.bet_id.clone(),
                    amount_cents: amount as u64,
                    idempotency_key: accept.offer_id.clone(),
                };
                let rid = accept.request_id.clone();
                tokio::spawn(async move {
                    let res = tokio::time::timeout(Duration::from_secs(10), w.settle(Request::new(settle))).await;
                    if !matches!(res, Ok(Ok(_))) {
                        tracing::error!(request_id = %rid, "settlement failed; left for reconciliation");
                    }
                });
                yield Ok(CashoutResult { request_id: accept.request_id, bet_id: accept.bet_id, status: "ACCEPTED".into(), paid_cents: amount as u64 });
            }
        };
        Ok(Response::new(session.guard(work)))
    }

    async fn settlement_feed(&self, request: Request<SettlementFeedRequest>) -> Result<Response<Self::SettlementFeedStream>, Status> {
        let session = Session::open(&self.sessions, request.metadata())?;
        if !session.has_scope("backoffice:settlements") {
            return Err(Status::permission_denied("insufficient_scope"));
        }
        let budget = session.remaining()?;
        let day = request.into_inner().business_day;
        let query = sqlx::query_as::<_, (String, String, i64, String)>(
            "select bet_id, customer_id, paid_cents, kind from settlements where business_day = $1::date order by settled_at",
        )
        .bind(day)
        .fetch_all(&self.db);
        let rows = tokio::time::timeout(budget, query)
            .await
            .map_err(|_| Status::deadline_exceeded("settlements query"))?
            .map_err(|_| Status::unavailable("settlements store"))?;
        let items = rows.into_iter().map(|(bet_id, customer_id, paid, kind)| {
            Ok(Settlement { bet_id, customer_id, paid_cents: paid as u64, kind })
        });
        Ok(Response::new(session.guard(tokio_stream::iter(items))))
    }
}
