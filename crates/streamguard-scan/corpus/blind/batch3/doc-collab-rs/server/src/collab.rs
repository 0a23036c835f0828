use std::pin::Pin;
use std::time::Duration;

use tokio_stream::wrappers::BroadcastStream;
use tokio_stream::{Stream, StreamExt};
use tonic::{Request, Response, Status, Streaming};
use tracing::warn;

use crate::auth_layer::Claims;
use crate::docs::Docs;
use crate::pb::collab_server::Collab;
use crate::pb::edit_event::Body as Out;
use crate::pb::edit_request::Body as In;
use crate::pb::{Ack, Document, EditEvent, EditRequest, GetDocumentRequest, PresenceEvent, WatchPresenceRequest};
use crate::storage::Storage;

const IDLE: Duration = Duration::from_secs(10 * 60);
const AUTOSAVE_EVERY: Duration = Duration::from_secs(20);

pub struct CollabService {
    pub docs: Docs,
    pub storage: Storage,
}

fn claims<T>(req: &Request<T>) -> Result<Claims, Status> {
    req.extensions().get::<Claims>().cloned().ok_or_else(|| Status::unauthenticated("no claims"))
}

#[tonic::async_trait]
impl Collab for CollabService {
    async fn get_document(&self, request: Request<GetDocumentRequest>) -> Result<Response<Document>, Status> {
        let who = claims(&request)?;
        let doc_id = request.into_inner().doc_id;
        if !self.docs.can_edit(&who.sub, &doc_id) {
            return Err(Status::permission_denied("no access"));
        }
        let (version, text) = self.docs.snapshot(&doc_id);
        Ok(Response::new(Document { doc_id, version, text }))
    }

    type EditStream = Pin<Box<dyn Stream<Item = Result<EditEvent, Status>> + Send>>;

    async fn edit(&self, request: Request<Streaming<EditRequest>>) -> Result<Response<Self::EditStream>, Status> {
        let who = claims(&request)?;
        let mut inbound = request.into_inner();

        let join = match inbound.message().await? {
            Some(EditRequest { body: Some(In::Join(j)) }) => j,
            _ => return Err(Status::invalid_argument("first message must be a join")),
        };
        if !self.docs.can_edit(&who.sub, &join.doc_id) {
            return Err(Status::permission_denied("not an editor of this document"));
        }
        self.docs.announce(&join.doc_id, &who.name, "joined");

        let autosave_docs = self.docs.clone();
        let storage = self.storage.clone();
        let autosave_id = join.doc_id.clone();
        tokio::spawn(async move {
            let mut last_saved = 0;
            loop {
                tokio::time::sleep(AUTOSAVE_EVERY).await;
                let (version, text) = autosave_docs.snapshot(&autosave_id);
                if version == last_saved {
                    continue;
                }
                match storage.put_snapshot(&autosave_id, version, text).await {
                    Ok(_) => last_saved = version,
                    Err(e) => warn!(doc = %autosave_id, error = %e, "autosave failed"),
                }
            }
        });

        let docs = self.docs.clone();
        let mut remote = self.docs.subscribe_ops(&join.doc_id);
        let me = who.sub.clone();
        let out = async_stream::try_stream! {
            loop {
                tokio::select! {
                    next = tokio::time::timeout(IDLE, inbound.message()) => {
                        let msg = match next {
                            Err(_) => Err(Status::deadline_exceeded("idle_timeout"))?,
                            Ok(m) => m?,
                        };
                        let Some(msg) = msg else { break };
                        if let Some(In::Op(op)) = msg.body {
                            let doc_id = op.doc_id.clone();
                            let version = docs.apply(&me, op);
                            yield EditEvent { body: Some(Out::Ack(Ack { doc_id, version })) };
                        }
                    }
                    Ok(r) = remote.recv() => {
                        if r.author != me {
                            yield EditEvent { body: Some(Out::Remote(r)) };
                        }
                    }
                }
            }
        };
        Ok(Response::new(Box::pin(out)))
    }

    type WatchPresenceStream = Pin<Box<dyn Stream<Item = Result<PresenceEvent, Status>> + Send>>;

    async fn watch_presence(&self, request: Request<WatchPresenceRequest>) -> Result<Response<Self::WatchPresenceStream>, Status> {
        let who = claims(&request)?;
        let doc_id = request.into_inner().doc_id;
        if !self.docs.can_edit(&who.sub, &doc_id) {
            return Err(Status::permission_denied("no access"));
        }
        let events = BroadcastStream::new(self.docs.presence(&doc_id)).filter_map(|r| r.ok().map(Ok));
        Ok(Response::new(Box::pin(events)))
    }
}
