use tokio::sync::{
    broadcast::{self, error::RecvError},
    mpsc,
};
use tonic::Status;

use crate::pb::LogLine;

/// Copies the lines of one job from the hub-wide broadcast into a per-request channel.
/// Stops when the receiving side (the response stream) is dropped.
pub async fn forward_job_lines(
    mut lines: broadcast::Receiver<LogLine>,
    job_id: String,
    tx: mpsc::Sender<Result<LogLine, Status>>,
) {
    let mut n = 0u64;
    loop {
        tokio::select! {
            _ = tx.closed() => break,
            r = lines.recv() => match r {
                Ok(mut line) if line.job_id == job_id => {
                    n += 1;
                    line.n = n;
                    if tx.send(Ok(line)).await.is_err() { break; }
                }
                Ok(_) => {}
                Err(RecvError::Lagged(_)) => {}
                Err(RecvError::Closed) => break,
            }
        }
    }
}
