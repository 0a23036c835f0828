use std::pin::Pin;

use tokio::sync::mpsc;
use tokio_stream::wrappers::ReceiverStream;
use tokio_stream::{Stream, StreamExt};
use tonic::{Request, Response, Status, Streaming};

use crate::auth::Caller;
use crate::gen::flags_v1::flags_server::Flags;
use crate::gen::flags_v1::{EvalRequest, EvalResult, FlagSet, WatchRequest};
use crate::store::FlagStore;

pub struct FlagService {
    store: FlagStore,
}

impl FlagService {
    pub fn new(store: FlagStore) -> Self {
        Self { store }
    }

    async fn eval(&self, req: &EvalRequest) -> EvalResult {
        match self.store.current(&req.namespace).await {
            Some(set) => match set.flags.get(&req.flag) {
                Some(on) => EvalResult { flag: req.flag.clone(), enabled: *on, reason: "MATCH".into() },
                None => EvalResult { flag: req.flag.clone(), enabled: false, reason: "UNKNOWN_FLAG".into() },
            },
            None => EvalResult { flag: req.flag.clone(), enabled: false, reason: "UNKNOWN_NAMESPACE".into() },
        }
    }
}

fn caller<T>(req: &Request<T>) -> Result<Caller, Status> {
    req.extensions().get::<Caller>().cloned().ok_or_else(|| Status::unauthenticated("unauthenticated"))
}

#[tonic::async_trait]
impl Flags for FlagService {
    type WatchFlagsStream = ReceiverStream<Result<FlagSet, Status>>;
    type EvaluateBatchStream = Pin<Box<dyn Stream<Item = Result<EvalResult, Status>> + Send>>;

    async fn watch_flags(&self, request: Request<WatchRequest>) -> Result<Response<Self::WatchFlagsStream>, Status> {
        let who = caller(&request)?;
        let ns = request.into_inner().namespace;
        if !who.can_read(&ns) {
            return Err(Status::permission_denied("namespace not readable"));
        }
        let mut changes = self.store.subscribe(&ns).await;
        let (tx, rx) = mpsc::channel(8);
        tokio::spawn(async move {
            let first = changes.borrow_and_update().clone();
            if tx.send(Ok(first)).await.is_err() {
                return;
            }
            while changes.changed().await.is_ok() {
                let set = changes.borrow_and_update().clone();
                if tx.send(Ok(set)).await.is_err() {
                    return;
                }
            }
        });
        Ok(Response::new(ReceiverStream::new(rx)))
    }

    async fn evaluate(&self, request: Request<EvalRequest>) -> Result<Response<EvalResult>, Status> {
        let who = caller(&request)?;
        let req = request.into_inner();
        if !who.can_read(&req.namespace) {
            return Err(Status::permission_denied("namespace not readable"));
        }
        Ok(Response::new(self.eval(&req).await))
    }

    async fn evaluate_batch(
        &self,
        request: Request<Streaming<EvalRequest>>,
    ) -> Result<Response<Self::EvaluateBatchStream>, Status> {
        let who = caller(&request)?;
        let mut inbound = request.into_inner();
        let store = self.store.clone();
        let out = async_stream::try_stream! {
            let svc = FlagService::new(store);
            while let Some(req) = inbound.next().await {
                let req = req?;
                if !who.can_read(&req.namespace) {
                    yield EvalResult { flag: req.flag, enabled: false, reason: "PERMISSION_DENIED".into() };
                    continue;
                }
                yield svc.eval(&req).await;
            }
        };
        Ok(Response::new(Box::pin(out)))
    }
}
