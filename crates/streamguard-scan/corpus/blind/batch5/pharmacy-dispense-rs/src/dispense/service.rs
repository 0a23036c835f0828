use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::mpsc;
use tokio_stream::wrappers::{BroadcastStream, ReceiverStream};
use tokio_stream::{Stream, StreamExt};
use tonic::transport::Endpoint;
use tonic::{Request, Response, Status, Streaming};

use crate::auth::session::{guarded, Revocations};
use crate::auth::Staff;
use crate::gen::dispense_v1::dispensary_client::DispensaryClient;
use crate::gen::dispense_v1::dispensary_server::Dispensary;
use crate::gen::dispense_v1::{AuditQuery, AuditRecord, DispenseCommand, DispenseEvent, InventoryFilter, InventoryLevel};

use super::cabinets::Cabinets;
use super::policy;

const SESSION_COMMAND_BUDGET: u32 = 500;

pub struct DispensaryService {
    pub cabinets: Arc<Cabinets>,
    pub revocations: Revocations,
    pub audit_store_url: String,
}

type BoxStream<T> = Pin<Box<dyn Stream<Item = Result<T, Status>> + Send>>;

fn staff<T>(req: &Request<T>) -> Result<Staff, Status> {
    req.extensions().get::<Staff>().cloned().ok_or_else(|| Status::unauthenticated("no staff identity"))
}

#[tonic::async_trait]
impl Dispensary for DispensaryService {
    type DispenseSessionStream = ReceiverStream<Result<DispenseEvent, Status>>;
    type WatchInventoryStream = BoxStream<InventoryLevel>;
    type ExportAuditStream = BoxStream<AuditRecord>;

    async fn dispense_session(
        &self,
        request: Request<Streaming<DispenseCommand>>,
    ) -> Result<Response<Self::DispenseSessionStream>, Status> {
        let staff = staff(&request)?;
        let mut commands = request.into_inner();
        let cabinets = self.cabinets.clone();
        let (tx, rx) = mpsc::channel(16);
        tokio::spawn(async move {
            let mut budget = SESSION_COMMAND_BUDGET;
            while let Ok(Some(cmd)) = commands.message().await {
                if budget == 0 {
                    let _ = tx.send(Err(Status::resource_exhausted("command budget for this session used up"))).await;
                    return;
                }
                budget -= 1;
                let event = match policy::check(&staff, &cabinets, &cmd) {
                    Err(why) => DispenseEvent { command_id: cmd.command_id, ok: false, error: why, remaining: 0 },
                    Ok(()) => match cmd.action.as_str() {
                        "dispense" => match cabinets.take(&cmd.cabinet_id, &cmd.drug_code, cmd.quantity) {
                            Ok(left) => DispenseEvent { command_id: cmd.command_id, ok: true, error: String::new(), remaining: left },
                            Err(e) => DispenseEvent { command_id: cmd.command_id, ok: false, error: e.to_string(), remaining: 0 },
                        },
                        "return" => {
                            let left = cabinets.put_back(&cmd.cabinet_id, &cmd.drug_code, cmd.quantity);
                            DispenseEvent { command_id: cmd.command_id, ok: true, error: String::new(), remaining: left }
                        }
                        other => DispenseEvent { command_id: cmd.command_id, ok: false, error: format!("unknown action {other}"), remaining: 0 },
                    },
                };
                if tx.send(Ok(event)).await.is_err() {
                    return;
                }
            }
        });
        Ok(Response::new(ReceiverStream::new(rx)))
    }

    async fn watch_inventory(&self, request: Request<InventoryFilter>) -> Result<Response<Self::WatchInventoryStream>, Status> {
        let staff = staff(&request)?;
        let wanted = request.into_inner().cabinet_ids;
        if let Some(c) = wanted.iter().find(|c| !staff.may_open(c)) {
            return Err(Status::permission_denied(format!("cabinet {c} not assigned to you")));
        }
        let changes = BroadcastStream::new(self.cabinets.changes.subscribe()).filter_map(move |r| match r {
            Ok(level) if wanted.contains(&level.cabinet_id) => Some(Ok(level)),
            _ => None,
        });
        Ok(Response::new(Box::pin(guarded(staff, &self.revocations, Box::pin(changes)))))
    }

    async fn export_audit(&self, request: Request<AuditQuery>) -> Result<Response<Self::ExportAuditStream>, Status> {
        let staff = staff(&request)?;
        if staff.role != "auditor" {
            return Err(Status::permission_denied("auditors only"));
        }
        let channel = Endpoint::from_shared(self.audit_store_url.clone())
            .map_err(|e| Status::internal(format!("audit store url: {e}")))?
            .timeout(Duration::from_secs(30))
            .connect()
            .await
            .map_err(|e| Status::unavailable(format!("audit store: {e}")))?;
        let records = DispensaryClient::new(channel).export_audit(request.into_inner()).await?.into_inner();
        Ok(Response::new(Box::pin(records)))
    }
}
