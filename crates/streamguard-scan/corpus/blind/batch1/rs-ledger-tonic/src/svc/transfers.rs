use std::pin::Pin;

use tokio::sync::mpsc;
use tokio_stream::wrappers::ReceiverStream;
use tokio_stream::{Stream, StreamExt};
use tonic::{Request, Response, Status, Streaming};

use super::LedgerSvc;
use crate::deadline::Deadline;
use crate::gen::ledger_v1::transfer_frame::Kind;
use crate::gen::ledger_v1::{TransferFrame, TransferResult};

type ResultStream = Pin<Box<dyn Stream<Item = Result<TransferResult, Status>> + Send>>;

fn rejected(id: &str, reason: &str) -> TransferResult {
    TransferResult { id: id.to_string(), accepted: false, reason: reason.to_string() }
}

impl LedgerSvc {
    pub(super) async fn transfers(&self, request: Request<Streaming<TransferFrame>>) -> Result<Response<ResultStream>, Status> {
        let principal = self.authz.verify(request.metadata())?;
        let deadline = Deadline::from_metadata(request.metadata());
        let mut frames = request.into_inner();
        let payments = self.payments.clone();
        let (tx, rx) = mpsc::channel(64);

        let first = frames.next().await.ok_or_else(|| Status::invalid_argument("empty stream"))??;
        let account = match first.kind {
            Some(Kind::Hello(h)) => h.account,
            _ => return Err(Status::invalid_argument("first frame must be hello")),
        };
        if !principal.owns(&account) {
            return Err(Status::permission_denied("account not owned"));
        }

        tokio::spawn(async move {
            while let Some(frame) = frames.next().await {
                let transfer = match frame {
                    Ok(TransferFrame { kind: Some(Kind::Transfer(t)) }) => t,
                    Ok(_) => continue,
                    Err(_) => break,
                };
                let id = transfer.id.clone();
                let req = match deadline.request(transfer) {
                    Ok(r) => r,
                    Err(status) => {
                        let _ = tx.send(Err(status)).await;
                        break;
                    }
                };
                let mut payments = payments.clone();
                let result = tokio::select! {
                    _ = tx.closed() => break,
                    r = payments.submit(req) => r,
                };
                let msg = match result {
                    Ok(resp) => resp.into_inner(),
                    Err(status) => rejected(&id, status.message()),
                };
                if tx.send(Ok(msg)).await.is_err() {
                    break;
                }
            }
        });

        Ok(Response::new(Box::pin(ReceiverStream::new(rx))))
    }
}
