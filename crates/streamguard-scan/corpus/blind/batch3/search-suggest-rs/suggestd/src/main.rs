mod trie;

pub mod pb {
    tonic::include_proto!("suggest.v1");
}

use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use tokio::time::Instant;
use tokio_stream::Stream;
use tonic::transport::{Channel, Endpoint, Server};
use tonic::{Request, Response, Status, Streaming};

use pb::spell_client::SpellClient;
use pb::suggest_server::{Suggest, SuggestServer};
use pb::{Completions, CorrectRequest, ExportTermsRequest, HealthRequest, HealthResponse, Prefix, Term};

fn caller_deadline<T>(req: &Request<T>) -> Option<Instant> {
    let raw = req.metadata().get("grpc-timeout")?.to_str().ok()?;
    let (n, unit) = raw.split_at(raw.len() - 1);
    let n: u64 = n.parse().ok()?;
    let d = match unit {
        "H" => Duration::from_secs(n * 3600),
        "M" => Duration::from_secs(n * 60),
        "S" => Duration::from_secs(n),
        "m" => Duration::from_millis(n),
        "u" => Duration::from_micros(n),
        "n" => Duration::from_nanos(n),
        _ => return None,
    };
    Some(Instant::now() + d)
}

struct SuggestService {
    terms: Arc<trie::Terms>,
    spell: SpellClient<Channel>,
}

#[tonic::async_trait]
impl Suggest for SuggestService {
    async fn health(&self, _: Request<HealthRequest>) -> Result<Response<HealthResponse>, Status> {
        Ok(Response::new(HealthResponse { serving: true, terms: self.terms.len() as u64 }))
    }

    type CompleteStream = Pin<Box<dyn Stream<Item = Result<Completions, Status>> + Send>>;

    async fn complete(&self, request: Request<Streaming<Prefix>>) -> Result<Response<Self::CompleteStream>, Status> {
        let deadline = caller_deadline(&request);
        let mut inbound = request.into_inner();
        let terms = self.terms.clone();
        let mut spell = self.spell.clone();
        let out = async_stream::try_stream! {
            while let Some(p) = inbound.message().await? {
                let limit = p.limit.clamp(1, 20) as usize;
                let mut items = terms.complete(&p.text, limit);
                let mut corrected = String::new();
                if items.is_empty() && p.text.len() > 3 {
                    let mut req = Request::new(CorrectRequest { text: p.text.clone() });
                    if let Some(at) = deadline {
                        let left = at.saturating_duration_since(Instant::now());
                        if left.is_zero() {
                            Err(Status::deadline_exceeded("caller deadline passed"))?;
                        }
                        req.set_timeout(left);
                    }
                    corrected = spell.correct(req).await?.into_inner().text;
                    items = terms.complete(&corrected, limit);
                }
                yield Completions { session: p.session, items, corrected };
            }
        };
        Ok(Response::new(Box::pin(out)))
    }

    type ExportTermsStream = Pin<Box<dyn Stream<Item = Result<Term, Status>> + Send>>;

    async fn export_terms(&self, request: Request<ExportTermsRequest>) -> Result<Response<Self::ExportTermsStream>, Status> {
        let min = request.into_inner().min_count;
        let rows: Vec<Term> = self.terms.iter_min(u64::from(min)).map(|(t, c)| Term { text: t.clone(), count: *c }).collect();
        Ok(Response::new(Box::pin(tokio_stream::iter(rows.into_iter().map(Ok)))))
    }
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let terms = trie::Terms::load(&std::fs::read_to_string(std::env::var("TERMS_FILE").unwrap_or_else(|_| "terms.tsv".into()))?);
    let spell = SpellClient::new(Endpoint::from_shared(std::env::var("SPELL_URL").unwrap_or_else(|_| "http://spell:7400".into()))?.connect_lazy());
    Server::builder()
        .add_service(SuggestServer::new(SuggestService { terms: Arc::new(terms), spell }))
        .serve("0.0.0.0:7401".parse()?)
        .await?;
    Ok(())
}
