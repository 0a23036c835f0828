//! panelctl: print the start order of a session, or follow the scoreboard.
use clap::Parser;
use judging_proto::judging_client::JudgingClient;
use judging_proto::{ListRoutinesRequest, WatchScoreboardRequest};
use tonic::{metadata::MetadataValue, Request};

#[derive(Parser)]
struct Args {
    #[arg(long, default_value = "https://judging.fig-scoring.example")]
    server: String,
    #[arg(long)]
    competition: String,
    #[arg(long)]
    session: Option<String>,
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args = Args::parse();
    let token: MetadataValue<_> = format!("Bearer {}", std::env::var("JUDGING_TOKEN")?).parse()?;
    let mut client = JudgingClient::connect(args.server).await?;

    if let Some(session) = args.session {
        let mut req = Request::new(ListRoutinesRequest { competition_id: args.competition, session });
        req.metadata_mut().insert("authorization", token);
        req.set_timeout(std::time::Duration::from_secs(15));
        let mut s = client.list_routines(req).await?.into_inner();
        while let Some(r) = s.message().await? {
            println!("{:>3} {:<4} {}", r.order, r.apparatus, r.gymnast);
        }
        return Ok(());
    }

    let mut req = Request::new(WatchScoreboardRequest { competition_id: args.competition });
    req.metadata_mut().insert("authorization", token);
    let mut s = client.watch_scoreboard(req).await?.into_inner();
    while let Some(row) = s.message().await? {
        println!("{:>2}. {:<30} {:<4} {:.3}", row.rank, row.gymnast, row.apparatus, row.total);
    }
    Ok(())
}
