use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use casino_proto::surveillance::relay_server::Relay;
use casino_proto::surveillance::{FrameMeta, RelayAck};
use futures::StreamExt;
use tonic::{Request, Response, Status, Streaming};

use crate::spool::Spool;

const FRAMES_PER_SECOND: u32 = 30;

pub struct RelayService {
    pub spool: Spool,
    /// frames seen in the current second, per connected camera address
    pub windows: Arc<Mutex<HashMap<SocketAddr, (Instant, u32)>>>,
}

impl RelayService {
    fn allow(&self, addr: SocketAddr) -> bool {
        let mut w = self.windows.lock().unwrap();
        let e = w.entry(addr).or_insert((Instant::now(), 0));
        if e.0.elapsed() >= Duration::from_secs(1) {
            *e = (Instant::now(), 0);
        }
        e.1 += 1;
        e.1 <= FRAMES_PER_SECOND
    }
}

#[tonic::async_trait]
impl Relay for RelayService {
    async fn forward_frames(&self, request: Request<Streaming<FrameMeta>>) -> Result<Response<RelayAck>, Status> {
        let addr = request.remote_addr().ok_or_else(|| Status::internal("no peer address"))?;
        let mut frames = request.into_inner();

        let pending: Arc<Mutex<Vec<(String, String)>>> = Arc::default();
        let spool = self.spool.clone();
        let buf = pending.clone();
        // Flush to the NVR spool twice a second so a burst never blocks the camera.
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(Duration::from_millis(500));
            loop {
                tick.tick().await;
                let batch: Vec<(String, String)> = std::mem::take(&mut *buf.lock().unwrap());
                let mut by_camera: HashMap<String, Vec<String>> = HashMap::new();
                for (cam, line) in batch {
                    by_camera.entry(cam).or_default().push(line);
                }
                for (cam, lines) in by_camera {
                    if let Err(e) = spool.append(&cam, &lines).await {
                        tracing::warn!(error = %e, camera = %cam, "spool append failed");
                    }
                }
            }
        });

        let (mut accepted, mut dropped) = (0u64, 0u64);
        while let Some(frame) = frames.next().await {
            let frame = frame?;
            if !self.allow(addr) {
                dropped += 1;
                continue;
            }
            let line = format!("{}\t{}\t{}\t{}", frame.unix_ms, frame.table_id, frame.frame_no, frame.thumbnail.len());
            pending.lock().unwrap().push((frame.camera_id, line));
            accepted += 1;
        }
        Ok(Response::new(RelayAck { accepted, dropped }))
    }
}
