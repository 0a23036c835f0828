use std::path::PathBuf;

use relay_proto::{replay_server::{Replay, ReplayServer}, ReplayRequest, Tick};
use tokio_stream::{iter, Iter};
use tonic::{transport::Server, Request, Response, Status};

struct Archive {
    root: PathBuf,
}

fn load_day(root: &PathBuf, date: &str, symbols: &[String]) -> anyhow::Result<Vec<Tick>> {
    if !date.chars().all(|c| c.is_ascii_digit() || c == '-') {
        anyhow::bail!("bad date");
    }
    let mut rdr = csv::Reader::from_path(root.join(format!("{date}.csv")))?;
    let mut out = Vec::new();
    for rec in rdr.records() {
        let rec = rec?;
        let symbol = rec[0].to_string();
        if !symbols.is_empty() && !symbols.contains(&symbol) {
            continue;
        }
        out.push(Tick { symbol, bid_e8: rec[1].parse()?, ask_e8: rec[2].parse()?, ts_ns: rec[3].parse()? });
        if out.len() >= 5_000_000 {
            break;
        }
    }
    Ok(out)
}

#[tonic::async_trait]
impl Replay for Archive {
    type ReplayStream = Iter<std::vec::IntoIter<Result<Tick, Status>>>;

    async fn replay(&self, request: Request<ReplayRequest>) -> Result<Response<Self::ReplayStream>, Status> {
        let req = request.into_inner();
        let root = self.root.clone();
        let ticks = tokio::task::spawn_blocking(move || load_day(&root, &req.date, &req.symbols))
            .await
            .map_err(|e| Status::internal(e.to_string()))?
            .map_err(|e| Status::not_found(e.to_string()))?;
        Ok(Response::new(iter(ticks.into_iter().map(Ok).collect::<Vec<_>>())))
    }
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let root = PathBuf::from(std::env::var("ARCHIVE_DIR").unwrap_or_else(|_| "/data/ticks".into()));
    Server::builder()
        .add_service(ReplayServer::new(Archive { root }))
        .serve("0.0.0.0:7510".parse()?)
        .await?;
    Ok(())
}
