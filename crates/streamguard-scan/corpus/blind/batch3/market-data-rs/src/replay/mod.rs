use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::pin::Pin;

use tokio_stream::Stream;
use tonic::{Request, Response, Status};

use crate::gen::replay_server::Replay;
use crate::gen::{ReplayDayRequest, Trade};

pub struct ReplayService {
    pub archive: PathBuf,
}

#[tonic::async_trait]
impl Replay for ReplayService {
    type ReplayDayStream = Pin<Box<dyn Stream<Item = Result<Trade, Status>> + Send>>;

    async fn replay_day(&self, request: Request<ReplayDayRequest>) -> Result<Response<Self::ReplayDayStream>, Status> {
        let req = request.into_inner();
        if req.date.len() != 10 || req.date.contains('/') || req.date.contains("..") {
            return Err(Status::invalid_argument("date must be YYYY-MM-DD"));
        }
        let path = self.archive.join(format!("{}.jsonl", req.date));
        let file = std::fs::File::open(&path).map_err(|_| Status::not_found("no archive for that date"))?;
        let symbol = req.symbol;
        let out = async_stream::try_stream! {
            for line in BufReader::new(file).lines() {
                let line = line.map_err(|e| Status::internal(e.to_string()))?;
                let t: serde_json::Value = serde_json::from_str(&line).map_err(|e| Status::data_loss(e.to_string()))?;
                if !symbol.is_empty() && t["symbol"] != symbol.as_str() {
                    continue;
                }
                yield Trade {
                    symbol: t["symbol"].as_str().unwrap_or_default().into(),
                    seq: t["seq"].as_u64().unwrap_or_default(),
                    price: t["price"].as_i64().unwrap_or_default(),
                    qty: t["qty"].as_i64().unwrap_or_default(),
                    ts_ns: t["ts_ns"].as_i64().unwrap_or_default(),
                    aggressor: t["aggressor"].as_str().unwrap_or_default().into(),
                };
            }
        };
        Ok(Response::new(Box::pin(out)))
    }
}
