use std::pin::Pin;
use std::sync::Arc;

use tokio::sync::mpsc;
use tokio_stream::wrappers::{BroadcastStream, ReceiverStream};
use tokio_stream::{Stream, StreamExt};
use tonic::{Request, Response, Status, Streaming};

use crate::auth::Claims;
use crate::book::Books;
use crate::pb::order_book_server::OrderBook;
use crate::pb::order_request::Kind;
use crate::pb::{Level, OrderEvent, OrderRequest, Quote, QuotesRequest, SnapshotRequest};
use crate::risk::Risk;

type Boxed<T> = Pin<Box<dyn Stream<Item = Result<T, Status>> + Send + 'static>>;

pub struct OrderBookService {
    pub books: Arc<Books>,
    pub risk: Risk,
}

fn claims<T>(req: &Request<T>) -> Result<Claims, Status> {
    req.extensions().get::<Claims>().cloned().ok_or_else(|| Status::unauthenticated("no claims"))
}

fn reject(id: &str, reason: &str) -> OrderEvent {
    OrderEvent { client_order_id: id.to_owned(), status: "REJECTED".into(), reason: reason.into(), filled_qty: 0 }
}

#[tonic::async_trait]
impl OrderBook for OrderBookService {
    type StreamQuotesStream = Boxed<Quote>;
    type PlaceOrdersStream = Boxed<OrderEvent>;
    type SnapshotStream = Boxed<Level>;

    async fn stream_quotes(&self, request: Request<QuotesRequest>) -> Result<Response<Self::StreamQuotesStream>, Status> {
        claims(&request)?;
        let wanted: std::collections::HashSet<String> = request.into_inner().symbols.into_iter().collect();
        let stream = BroadcastStream::new(self.books.subscribe_quotes()).filter_map(move |q| match q {
            Ok(q) if wanted.is_empty() || wanted.contains(&q.symbol) => Some(Ok(q)),
            Ok(_) => None,
            Err(_lagged) => None,
        });
        Ok(Response::new(Box::pin(stream)))
    }

    async fn place_orders(
        &self,
        request: Request<Streaming<OrderRequest>>,
    ) -> Result<Response<Self::PlaceOrdersStream>, Status> {
        let claims = claims(&request)?;
        let mut inbound = request.into_inner();

        let first = inbound.message().await?.ok_or_else(|| Status::invalid_argument("expected Logon"))?;
        let account = match first.kind {
            Some(Kind::Logon(l)) if claims.accounts.contains(&l.account) => l.account,
            Some(Kind::Logon(l)) => return Err(Status::permission_denied(format!("account {} not in token", l.account))),
            _ => return Err(Status::invalid_argument("first message must be Logon")),
        };

        let (tx, rx) = mpsc::channel(256);

        // Forward fills for this session's account to the client.
        let mut fills = self.books.subscribe_fills();
        let fill_tx = tx.clone();
        let session_account = account.clone();
        tokio::spawn(async move {
            loop {
                match fills.recv().await {
                    Ok((acct, ev)) if acct == session_account => {
                        let _ = fill_tx.send(Ok(ev)).await;
                    }
                    Ok(_) => {}
                    Err(tokio::sync::broadcast::error::RecvError::Lagged(_)) => {}
                    Err(tokio::sync::broadcast::error::RecvError::Closed) => break,
                }
            }
        });

        let books = self.books.clone();
        let risk = self.risk.clone();
        tokio::spawn(async move {
            while let Ok(Some(msg)) = inbound.message().await {
                let ev = match msg.kind {
                    Some(Kind::NewOrder(o)) => {
                        let notional = o.px.saturating_mul(o.qty as i64);
                        match risk.check(&o.account, &o.symbol, notional).await {
                            Ok(v) if v.ok => {
                                books.add(&o.account, &o.symbol, o.buy, o.px, o.qty, &o.client_order_id);
                                continue;
                            }
                            Ok(v) => reject(&o.client_order_id, &v.reason),
                            Err(e) => reject(&o.client_order_id, e.message()),
                        }
                    }
                    Some(Kind::CancelOrder(c)) => OrderEvent { client_order_id: c.client_order_id, status: "CANCEL_PENDING".into(), ..Default::default() },
                    Some(Kind::Logon(_)) | None => reject("", "unexpected message"),
                };
                if tx.send(Ok(ev)).await.is_err() {
                    break;
                }
            }
        });
        let _ = account;
        Ok(Response::new(Box::pin(ReceiverStream::new(rx))))
    }

    async fn snapshot(&self, request: Request<SnapshotRequest>) -> Result<Response<Self::SnapshotStream>, Status> {
        claims(&request)?;
        let req = request.into_inner();
        let depth = req.depth.clamp(1, 50) as usize;
        let levels = self.books.depth(&req.symbol, depth);
        Ok(Response::new(Box::pin(tokio_stream::iter(levels.into_iter().map(Ok)))))
    }
}
