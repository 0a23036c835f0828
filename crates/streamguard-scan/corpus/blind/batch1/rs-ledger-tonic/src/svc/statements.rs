use std::pin::Pin;
use std::time::Duration;

use tokio::sync::broadcast;
use tokio::time::{interval, Instant};
use tokio_stream::Stream;
use tonic::{Request, Response, Status, Streaming};

use super::LedgerSvc;
use crate::deadline::Deadline;
use crate::gen::ledger_v1::statements_server::Statements;
use crate::gen::ledger_v1::{ConvertRequest, StatementLine, StatementRequest, TransferFrame, TransferResult};

const REVALIDATE: Duration = Duration::from_secs(45);
const MAX_LIFETIME: Duration = Duration::from_secs(20 * 60);

pub type LineSource = broadcast::Sender<StatementLine>;

#[tonic::async_trait]
impl Statements for LedgerSvc {
    type StreamStatementsStream = Pin<Box<dyn Stream<Item = Result<StatementLine, Status>> + Send>>;
    type TransferBatchStream = Pin<Box<dyn Stream<Item = Result<TransferResult, Status>> + Send>>;

    async fn stream_statements(
        &self,
        request: Request<StatementRequest>,
    ) -> Result<Response<Self::StreamStatementsStream>, Status> {
        let principal = self.authz.verify(request.metadata())?;
        let deadline = Deadline::from_metadata(request.metadata());
        let req = request.into_inner();
        if !principal.owns(&req.account) {
            return Err(Status::permission_denied("account not owned"));
        }

        let authz = self.authz.clone();
        let mut fx = self.fx.clone();
        let mut lines = self.lines.subscribe();
        let ends_at = Instant::now() + MAX_LIFETIME;

        let out = async_stream::try_stream! {
            let mut recheck = interval(REVALIDATE);
            recheck.tick().await;
            loop {
                tokio::select! {
                    _ = tokio::time::sleep_until(ends_at) => {
                        Err(Status::unavailable("max_stream_lifetime"))?;
                    }
                    _ = recheck.tick() => {
                        authz.still_valid(&principal).await?;
                    }
                    line = lines.recv() => {
                        let mut line = match line {
                            Ok(l) if l.account == req.account => l,
                            Ok(_) | Err(broadcast::error::RecvError::Lagged(_)) => continue,
                            Err(broadcast::error::RecvError::Closed) => break,
                        };
                        if !req.currency.is_empty() && line.currency != req.currency {
                            let conv = fx
                                .convert(deadline.request(ConvertRequest {
                                    amount_minor: line.amount_minor,
                                    from: line.currency.clone(),
                                    to: req.currency.clone(),
                                })?)
                                .await?
                                .into_inner();
                            line.amount_minor = conv.amount_minor;
                            line.currency = req.currency.clone();
                        }
                        yield line;
                    }
                }
            }
        };
        Ok(Response::new(Box::pin(out)))
    }

    async fn transfer_batch(
        &self,
        request: Request<Streaming<TransferFrame>>,
    ) -> Result<Response<Self::TransferBatchStream>, Status> {
        self.transfers(request).await
    }
}
