use std::pin::Pin;
use std::sync::Arc;

use casino_proto::tables::dealer_action::Action;
use casino_proto::tables::tables_server::Tables;
use casino_proto::tables::{DealerAction, GetTableRequest, TableEvent, TableInfo, WatchTableRequest};
use futures::{Stream, StreamExt};
use tokio::sync::mpsc;
use tokio_stream::wrappers::{BroadcastStream, ReceiverStream};
use tonic::{Request, Response, Status, Streaming};

use crate::auth::StaffClaims;
use crate::events::TableBus;
use crate::ledger::Ledger;

pub struct TableHub {
    pub ledger: Ledger,
    pub bus: Arc<TableBus>,
}

type EventStream = Pin<Box<dyn Stream<Item = Result<TableEvent, Status>> + Send>>;

fn claims<T>(req: &Request<T>) -> Result<StaffClaims, Status> {
    req.extensions().get::<StaffClaims>().cloned().ok_or_else(|| Status::unauthenticated("no claims"))
}

#[tonic::async_trait]
impl Tables for TableHub {
    type DealerConsoleStream = EventStream;
    type WatchTableStream = EventStream;

    async fn dealer_console(
        &self,
        request: Request<Streaming<DealerAction>>,
    ) -> Result<Response<Self::DealerConsoleStream>, Status> {
        let dealer = claims(&request)?;
        if dealer.role != "dealer" {
            return Err(Status::permission_denied("dealers only"));
        }
        let mut inbound = request.into_inner();

        let table = match inbound.next().await {
            Some(Ok(DealerAction { action: Some(Action::Open(open)) })) => open.table_id,
            Some(Err(e)) => return Err(e),
            _ => return Err(Status::failed_precondition("open a table first")),
        };
        if !dealer.assigned_to(&table) {
            return Err(Status::permission_denied("not assigned to this table"));
        }

        let (tx, rx) = mpsc::channel(32);
        let ledger = self.ledger.clone();
        let bus = self.bus.clone();
        tokio::spawn(async move {
            while let Some(msg) = inbound.next().await {
                let action = match msg {
                    Ok(DealerAction { action: Some(a) }) => a,
                    Ok(_) => continue,
                    Err(_) => break,
                };
                let ev = match action {
                    Action::Open(_) => continue,
                    Action::Round(r) => {
                        if let Err(e) = ledger.record_round(&r.table_id, &dealer.sub, r.round as i64, &r.outcome).await {
                            tracing::error!(error = %e, "ledger round write failed");
                        }
                        TableEvent { table_id: r.table_id, kind: "ROUND".into(), round: r.round, amount_cents: 0, detail: r.outcome }
                    }
                    Action::Payout(p) => {
                        if let Err(e) = ledger
                            .record_payout(&p.table_id, &dealer.sub, p.seat as i32, p.amount_cents, &p.player_card)
                            .await
                        {
                            tracing::error!(error = %e, "ledger payout write failed");
                        }
                        TableEvent { table_id: p.table_id, kind: "PAYOUT".into(), round: 0, amount_cents: p.amount_cents, detail: format!("seat {}", p.seat) }
                    }
                };
                bus.publish(ev.clone());
                if tx.send(Ok(ev)).await.is_err() {
                    break;
                }
            }
        });
        Ok(Response::new(Box::pin(ReceiverStream::new(rx))))
    }

    async fn watch_table(&self, request: Request<WatchTableRequest>) -> Result<Response<Self::WatchTableStream>, Status> {
        let staff = claims(&request)?;
        if staff.role != "pit_boss" && staff.role != "surveillance" {
            return Err(Status::permission_denied("pit bosses and surveillance only"));
        }
        let table = request.into_inner().table_id;
        let stream = BroadcastStream::new(self.bus.subscribe(&table)).filter_map(|item| async move {
            match item {
                Ok(ev) => Some(Ok(ev)),
                Err(_lagged) => None,
            }
        });
        Ok(Response::new(Box::pin(stream)))
    }

    async fn get_table(&self, request: Request<GetTableRequest>) -> Result<Response<TableInfo>, Status> {
        let id = request.into_inner().table_id;
        let row: Option<(String, i64)> = sqlx::query_as("SELECT game, min_bet_cents FROM tables WHERE table_id = $1")
            .bind(&id)
            .fetch_optional(&self.ledger.pool)
            .await
            .map_err(|e| Status::unavailable(e.to_string()))?;
        let (game, min_bet_cents) = row.ok_or_else(|| Status::not_found("no such table"))?;
        Ok(Response::new(TableInfo { table_id: id, game, min_bet_cents }))
    }
}
