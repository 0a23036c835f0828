use std::{num::NonZeroU32, pin::Pin};

use governor::{Quota, RateLimiter};
use relay_proto::{
    client_msg, server_msg, ticks_server::Ticks, Ack, ClientMsg, Reject, ServerMsg, Tick, TickRequest,
};
use tokio::sync::{broadcast, mpsc};
use tokio_stream::{wrappers::ReceiverStream, Stream};
use tonic::{Request, Response, Status, Streaming};
use tracing::{info, warn};

use crate::{auth::Claims, venue::VenueClient};

const ORDERS_PER_SECOND: u32 = 25;

pub struct Relay {
    ticks: broadcast::Sender<Tick>,
    venue: VenueClient,
}

impl Relay {
    pub fn new(ticks: broadcast::Sender<Tick>, venue: VenueClient) -> Self {
        Self { ticks, venue }
    }
}

pub async fn pump_feed(_addr: String, tx: broadcast::Sender<Tick>) {
    let mut seq: u64 = 0;
    let mut interval = tokio::time::interval(std::time::Duration::from_millis(1));
    loop {
        interval.tick().await;
        seq += 1;
        let _ = tx.send(Tick { symbol: "ESU4".into(), bid_e8: 5_400_00000000, ask_e8: 5_400_25000000, ts_ns: seq });
    }
}

fn reject(cl_ord_id: &str, reason: impl Into<String>) -> ServerMsg {
    ServerMsg { msg: Some(server_msg::Msg::Reject(Reject { cl_ord_id: cl_ord_id.to_string(), reason: reason.into() })) }
}

#[tonic::async_trait]
impl Ticks for Relay {
    type StreamTicksStream = ReceiverStream<Result<Tick, Status>>;
    type PlaceOrdersStream = Pin<Box<dyn Stream<Item = Result<ServerMsg, Status>> + Send>>;

    async fn stream_ticks(&self, request: Request<TickRequest>) -> Result<Response<Self::StreamTicksStream>, Status> {
        let claims = request
            .extensions()
            .get::<Claims>()
            .cloned()
            .ok_or_else(|| Status::unauthenticated("no claims"))?;
        let symbols = request.into_inner().symbols;
        if let Some(bad) = symbols.iter().find(|s| !claims.entitled(s)) {
            return Err(Status::permission_denied(format!("not entitled to {bad}")));
        }

        let mut feed = self.ticks.subscribe();
        let (tx, rx) = mpsc::channel(1024);
        tokio::spawn(async move {
            loop {
                match feed.recv().await {
                    Ok(tick) => {
                        if !symbols.is_empty() && !symbols.contains(&tick.symbol) {
                            continue;
                        }
                        if tx.send(Ok(tick)).await.is_err() {
                            break;
                        }
                    }
                    Err(broadcast::error::RecvError::Lagged(n)) => {
                        warn!(sub = %claims.sub, skipped = n, "slow consumer");
                    }
                    Err(broadcast::error::RecvError::Closed) => break,
                }
            }
        });
        Ok(Response::new(ReceiverStream::new(rx)))
    }

    async fn place_orders(
        &self,
        request: Request<Streaming<ClientMsg>>,
    ) -> Result<Response<Self::PlaceOrdersStream>, Status> {
        let claims = request
            .extensions()
            .get::<Claims>()
            .cloned()
            .ok_or_else(|| Status::unauthenticated("no claims"))?;
        let mut inbound = request.into_inner();
        let mut venue = self.venue.clone();
        let (tx, rx) = mpsc::channel(256);

        tokio::spawn(async move {
            let limiter = RateLimiter::direct(Quota::per_second(NonZeroU32::new(ORDERS_PER_SECOND).unwrap()));
            let mut session_account: Option<String> = None;

            while let Ok(Some(msg)) = inbound.message().await {
                match msg.msg {
                    Some(client_msg::Msg::Logon(logon)) => {
                        if !claims.owns(&logon.account) {
                            let _ = tx.send(Err(Status::permission_denied("account not permitted"))).await;
                            return;
                        }
                        info!(sub = %claims.sub, account = %logon.account, "logon");
                        session_account = Some(logon.account);
                    }
                    Some(client_msg::Msg::Order(order)) => {
                        let Some(default_account) = session_account.as_deref() else {
                            let _ = tx.send(Ok(reject(&order.cl_ord_id, "logon first"))).await;
                            continue;
                        };
                        if limiter.check().is_err() {
                            let _ = tx.send(Ok(reject(&order.cl_ord_id, "throttled"))).await;
                            continue;
                        }
                        let account = if order.account.is_empty() { default_account.to_string() } else { order.account.clone() };
                        let reply = match venue.submit(&account, &order).await {
                            Ok(exch_id) => ServerMsg {
                                msg: Some(server_msg::Msg::Ack(Ack { cl_ord_id: order.cl_ord_id.clone(), exch_id })),
                            },
                            Err(status) => reject(&order.cl_ord_id, status.message()),
                        };
                        if tx.send(Ok(reply)).await.is_err() {
                            break;
                        }
                    }
                    None => {}
                }
            }
        });

        Ok(Response::new(Box::pin(ReceiverStream::new(rx))))
    }
}
