//! Captioning service.

use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use async_stream::try_stream;
use dashmap::DashMap;
use futures::{Stream, StreamExt};
use tokio::time::Instant;
use tokio_stream::wrappers::BroadcastStream;
use tonic::{Request, Response, Status, Streaming};

use crate::asr::Asr;
use crate::auth::Tenant;
use crate::channels::Channels;
use crate::deadline::{deadline_of, remaining};
use crate::pb::captioning_server::Captioning;
use crate::pb::{AudioChunk, Caption, ExportRequest, TranscriptLine, WatchChannelRequest};
use crate::transcripts::Transcripts;

/// Players are asked to reconnect every four hours (CDN edge rebalancing).
const MAX_WATCH: Duration = Duration::from_secs(4 * 3600);
/// 16 kHz s16le mono is 32 kB/s; allow some slack for bursts after a stall.
const MAX_AUDIO_BYTES_PER_SEC: usize = 96 * 1024;

type Boxed<T> = Pin<Box<dyn Stream<Item = Result<T, Status>> + Send + 'static>>;

struct Budget {
    second: Instant,
    bytes: usize,
}

pub struct CaptionService {
    pub asr: Asr,
    pub channels: Channels,
    pub transcripts: Transcripts,
    /// Audio budget per ingest connection.
    budgets: Arc<DashMap<SocketAddr, Budget>>,
}

impl CaptionService {
    pub fn new(asr: Asr, channels: Channels, transcripts: Transcripts) -> Self {
        Self { asr, channels, transcripts, budgets: Arc::default() }
    }
}

fn tenant<T>(req: &Request<T>) -> Result<Tenant, Status> {
    req.extensions().get::<Tenant>().cloned().ok_or_else(|| Status::unauthenticated("no tenant"))
}

#[tonic::async_trait]
impl Captioning for CaptionService {
    type TranscribeStream = Boxed<Caption>;

    async fn transcribe(&self, request: Request<Streaming<AudioChunk>>) -> Result<Response<Self::TranscribeStream>, Status> {
        let tenant = tenant(&request)?;
        if !tenant.can_ingest {
            return Err(Status::permission_denied("this key cannot ingest"));
        }
        let peer = request.remote_addr().ok_or_else(|| Status::internal("no remote address"))?;
        let budgets = self.budgets.clone();
        let asr = self.asr.clone();
        let channels = self.channels.clone();
        let mut audio = request.into_inner();

        let out = try_stream! {
            let first = audio.next().await.ok_or_else(|| Status::invalid_argument("no audio"))??;
            if !tenant.covers(&first.channel_id) {
                Err(Status::permission_denied(format!("channel {} not covered by key", first.channel_id)))?;
            }
            let channel = first.channel_id.clone();
            let language = if first.language.is_empty() { "en".to_owned() } else { first.language.clone() };
            let publisher = channels.publisher(&channel);
            let session = format!("{}-{}", channel, tenant.key_id);

            let mut pending = Some(first);
            loop {
                let chunk = match pending.take() {
                    Some(c) => c,
                    None => match audio.next().await {
                        Some(c) => c?,
                        None => break,
                    },
                };
                {
                    let mut b = budgets.entry(peer).or_insert_with(|| Budget { second: Instant::now(), bytes: 0 });
                    if b.second.elapsed() >= Duration::from_secs(1) {
                        b.second = Instant::now();
                        b.bytes = 0;
                    }
                    b.bytes += chunk.pcm.len();
                    if b.bytes > MAX_AUDIO_BYTES_PER_SEC {
                        Err(Status::resource_exhausted("audio faster than real time"))?;
                    }
                }
                let hyp = asr.recognize(&session, &language, chunk.pcm, chunk.pts_ms).await?;
                if hyp.text.is_empty() {
                    continue;
                }
                let caption = Caption {
                    channel_id: channel.clone(),
                    text: hyp.text,
                    start_ms: hyp.start_ms,
                    end_ms: hyp.end_ms,
                    is_final: hyp.is_final,
                };
                let _ = publisher.send(caption.clone());
                yield caption;
            }
        };
        Ok(Response::new(Box::pin(out)))
    }

    type WatchChannelStream = Boxed<Caption>;

    async fn watch_channel(&self, request: Request<WatchChannelRequest>) -> Result<Response<Self::WatchChannelStream>, Status> {
        let tenant = tenant(&request)?;
        let req = request.into_inner();
        if !tenant.covers(&req.channel_id) {
            return Err(Status::permission_denied("channel not covered by key"));
        }
        let live = BroadcastStream::new(self.channels.subscribe(&req.channel_id))
            .filter_map(|r| async move { r.ok().map(Ok) })
            .take_until(tokio::time::sleep(MAX_WATCH));
        let end = futures::stream::once(async { Err(Status::unavailable("max_stream_lifetime: reconnect")) });
        Ok(Response::new(Box::pin(live.chain(end))))
    }

    type ExportTranscriptStream = Boxed<TranscriptLine>;

    async fn export_transcript(&self, request: Request<ExportRequest>) -> Result<Response<Self::ExportTranscriptStream>, Status> {
        let tenant = tenant(&request)?;
        let deadline = deadline_of(request.metadata());
        let req = request.into_inner();
        let timeout = remaining(deadline, Duration::from_secs(15)).ok_or_else(|| Status::deadline_exceeded("deadline passed"))?;
        let lines = self.transcripts.lines(&req.broadcast_id, timeout).await?;
        if lines.first().map(|l| !tenant.covers(&l.channel_id)).unwrap_or(false) {
            return Err(Status::permission_denied("broadcast of another tenant"));
        }
        let items = lines.into_iter().map(|l| Ok(TranscriptLine { start_ms: l.start_ms, end_ms: l.end_ms, speaker: l.speaker, text: l.text }));
        Ok(Response::new(Box::pin(futures::stream::iter(items))))
    }
}
