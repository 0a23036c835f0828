use std::{
    pin::Pin,
    sync::{
        atomic::{AtomicU32, Ordering},
        Arc,
    },
    time::Duration,
};

use async_stream::try_stream;
use tokio::{
    io::{AsyncReadExt, AsyncWriteExt},
    sync::mpsc,
};
use tokio_stream::{Stream, StreamExt};
use tokio_util::sync::CancellationToken;
use tonic::{Request, Response, Status, Streaming};

use crate::{
    ffmpeg,
    origin::Origin,
    pb::{transcoder_server::Transcoder, FetchSourceRequest, MediaChunk, ProbeRequest, ProbeResponse, QueueStats, WatchQueueRequest},
};

type ChunkStream = Pin<Box<dyn Stream<Item = Result<MediaChunk, Status>> + Send>>;

struct AbortOnDrop(tokio::task::JoinHandle<()>);

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        self.0.abort();
    }
}

pub struct TranscoderService {
    origin: Arc<Origin>,
    ffmpeg: String,
    queued: Arc<AtomicU32>,
    running: Arc<AtomicU32>,
}

impl TranscoderService {
    pub fn new(origin: Origin, ffmpeg: String) -> Self {
        Self { origin: Arc::new(origin), ffmpeg, queued: Default::default(), running: Default::default() }
    }
}

#[tonic::async_trait]
impl Transcoder for TranscoderService {
    type TranscodeStream = ChunkStream;
    type WatchQueueStream = Pin<Box<dyn Stream<Item = Result<QueueStats, Status>> + Send>>;
    type FetchSourceStream = ChunkStream;

    async fn transcode(&self, request: Request<Streaming<MediaChunk>>) -> Result<Response<Self::TranscodeStream>, Status> {
        let mut inbound = request.into_inner();
        let first = inbound.message().await?.ok_or_else(|| Status::invalid_argument("empty input"))?;
        let codec = if first.codec.is_empty() { "libx264".to_string() } else { first.codec.clone() };
        let mut child = ffmpeg::spawn_pipe(&self.ffmpeg, &codec).map_err(|e| Status::internal(e.to_string()))?;
        let mut stdin = child.stdin.take().expect("piped stdin");
        let mut stdout = child.stdout.take().expect("piped stdout");
        let running = self.running.clone();
        running.fetch_add(1, Ordering::Relaxed);

        let feeder = tokio::spawn(async move {
            if stdin.write_all(&first.data).await.is_err() {
                return;
            }
            while let Ok(Some(chunk)) = inbound.message().await {
                if stdin.write_all(&chunk.data).await.is_err() || chunk.eos {
                    break;
                }
            }
            let _ = stdin.shutdown().await;
        });

        let out = try_stream! {
            let _child = child;
            let _feeder = AbortOnDrop(feeder);
            let mut buf = vec![0u8; 64 * 1024];
            loop {
                let n = stdout.read(&mut buf).await.map_err(|e| Status::internal(e.to_string()))?;
                if n == 0 {
                    break;
                }
                yield MediaChunk { data: buf[..n].to_vec(), codec: codec.clone(), eos: false };
            }
            running.fetch_sub(1, Ordering::Relaxed);
            yield MediaChunk { data: vec![], codec: codec.clone(), eos: true };
        };
        Ok(Response::new(Box::pin(out)))
    }

    async fn watch_queue(&self, request: Request<WatchQueueRequest>) -> Result<Response<Self::WatchQueueStream>, Status> {
        let every = Duration::from_millis(request.into_inner().every_ms.clamp(250, 10_000) as u64);
        let queued = self.queued.clone();
        let running = self.running.clone();
        let s = tokio_stream::wrappers::IntervalStream::new(tokio::time::interval(every)).map(move |_| {
            Ok(QueueStats {
                queued: queued.load(Ordering::Relaxed),
                running: running.load(Ordering::Relaxed),
                gpu_util: 0.0,
            })
        });
        Ok(Response::new(Box::pin(s)))
    }

    async fn fetch_source(&self, request: Request<FetchSourceRequest>) -> Result<Response<Self::FetchSourceStream>, Status> {
        let url = request.into_inner().url;
        if !self.origin.allowed(&url) {
            return Err(Status::permission_denied("origin not allowed"));
        }
        let origin = self.origin.clone();
        let token = CancellationToken::new();
        let (tx, rx) = mpsc::channel(32);

        let child = token.clone();
        tokio::spawn(async move {
            let fetch = async {
                let mut body = origin.get(&url).await.map_err(|e| Status::unavailable(e.to_string()))?;
                while let Some(part) = body.next().await {
                    let part = part.map_err(|e| Status::unavailable(e.to_string()))?;
                    if tx.send(Ok(MediaChunk { data: part.to_vec(), codec: String::new(), eos: false })).await.is_err() {
                        return Ok(());
                    }
                }
                let _ = tx.send(Ok(MediaChunk { data: vec![], codec: String::new(), eos: true })).await;
                Ok::<_, Status>(())
            };
            tokio::select! {
                _ = child.cancelled() => {}
                r = fetch => {
                    if let Err(status) = r {
                        let _ = tx.send(Err(status)).await;
                    }
                }
            }
        });

        let guard = token.drop_guard();
        let out = async_stream::stream! {
            let _guard = guard;
            let mut rx = rx;
            while let Some(item) = rx.recv().await {
                yield item;
            }
        };
        Ok(Response::new(Box::pin(out)))
    }

    async fn probe(&self, request: Request<ProbeRequest>) -> Result<Response<ProbeResponse>, Status> {
        let url = request.into_inner().url;
        if !self.origin.allowed(&url) {
            return Err(Status::permission_denied("origin not allowed"));
        }
        let (duration_s, video_codec, width, height) = tokio::time::timeout(Duration::from_secs(20), ffmpeg::probe(&url))
            .await
            .map_err(|_| Status::deadline_exceeded("probe timed out"))?
            .map_err(|e| Status::internal(e.to_string()))?;
        Ok(Response::new(ProbeResponse { duration_s, video_codec, width, height }))
    }
}
