mod classifier;

use std::pin::Pin;

use chat_proto::moderation_server::{Moderation, ModerationServer};
use chat_proto::{FeedRequest, ReviewItem, Verdict};
use tokio::sync::{broadcast, mpsc};
use tokio_stream::wrappers::{BroadcastStream, ReceiverStream};
use tokio_stream::{Stream, StreamExt};
use tonic::transport::Server;
use tonic::{Request, Response, Status, Streaming};

use crate::classifier::Classifier;

struct ModerationSvc {
    classifier: Classifier,
    flagged: broadcast::Sender<Verdict>,
}

#[tonic::async_trait]
impl Moderation for ModerationSvc {
    type ReviewStreamStream = ReceiverStream<Result<Verdict, Status>>;
    type FlaggedFeedStream = Pin<Box<dyn Stream<Item = Result<Verdict, Status>> + Send>>;

    async fn review_stream(
        &self,
        request: Request<Streaming<ReviewItem>>,
    ) -> Result<Response<Self::ReviewStreamStream>, Status> {
        let mut items = request.into_inner();
        let (tx, rx) = mpsc::channel(128);
        let classifier = self.classifier.clone();
        let flagged = self.flagged.clone();

        tokio::spawn(async move {
            while let Some(Ok(item)) = items.next().await {
                let mut classifier = classifier.clone();
                let tx = tx.clone();
                let flagged = flagged.clone();
                tokio::spawn(async move {
                    let verdict = match classifier.classify(Request::new(item.clone())).await {
                        Ok(v) => v.into_inner(),
                        Err(status) => {
                            tracing::warn!(id = %item.id, %status, "classify failed");
                            Verdict { id: item.id, flagged: false, labels: vec!["error".into()] }
                        }
                    };
                    if verdict.flagged {
                        let _ = flagged.send(verdict.clone());
                    }
                    let _ = tx.send(Ok(verdict)).await;
                });
            }
        });

        Ok(Response::new(ReceiverStream::new(rx)))
    }

    async fn flagged_feed(
        &self,
        _request: Request<FeedRequest>,
    ) -> Result<Response<Self::FlaggedFeedStream>, Status> {
        let feed = BroadcastStream::new(self.flagged.subscribe())
            .filter_map(|v| v.ok())
            .map(Ok);
        Ok(Response::new(Box::pin(feed)))
    }
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let classifier = classifier::lazy(&std::env::var("CLASSIFIER_URL").unwrap_or_else(|_| "http://classifier:9000".into()))?;
    let (flagged, _) = broadcast::channel(4096);
    Server::builder()
        .add_service(ModerationServer::new(ModerationSvc { classifier, flagged }))
        .serve("0.0.0.0:7100".parse()?)
        .await?;
    Ok(())
}
