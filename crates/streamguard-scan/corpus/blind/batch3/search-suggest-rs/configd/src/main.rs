mod auth;

pub mod pb {
    tonic::include_proto!("configpush.v1");
}

use std::collections::{HashMap, HashSet};
use std::pin::Pin;
use std::sync::{Arc, RwLock};
use std::time::Duration;

use tokio::sync::watch;
use tokio::time::{sleep_until, Instant};
use tokio_stream::Stream;
use tonic::transport::Server;
use tonic::{Request, Response, Status};

use auth::{Auth, Claims};
use pb::config_push_server::{ConfigPush, ConfigPushServer};
use pb::{ConfigDoc, GetConfigRequest, WatchConfigRequest};

const MAX_WATCH: Duration = Duration::from_secs(10 * 60);

#[derive(Clone, Default)]
struct Configs {
    docs: Arc<RwLock<HashMap<String, ConfigDoc>>>,
    changed: Arc<RwLock<HashMap<String, watch::Sender<u64>>>>,
}

impl Configs {
    fn get(&self, app: &str) -> Option<ConfigDoc> {
        self.docs.read().unwrap().get(app).cloned()
    }

    fn watch(&self, app: &str) -> watch::Receiver<u64> {
        let mut map = self.changed.write().unwrap();
        map.entry(app.to_string()).or_insert_with(|| watch::channel(0).0).subscribe()
    }

    #[allow(dead_code)]
    fn put(&self, doc: ConfigDoc) {
        let app = doc.app.clone();
        let v = doc.version;
        self.docs.write().unwrap().insert(app.clone(), doc);
        if let Some(tx) = self.changed.read().unwrap().get(&app) {
            let _ = tx.send(v);
        }
    }
}

struct ConfigService {
    configs: Configs,
    auth: Auth,
}

fn claims<T>(req: &Request<T>) -> Result<Claims, Status> {
    req.extensions().get::<Claims>().cloned().ok_or_else(|| Status::unauthenticated("no claims"))
}

#[tonic::async_trait]
impl ConfigPush for ConfigService {
    async fn get_config(&self, request: Request<GetConfigRequest>) -> Result<Response<ConfigDoc>, Status> {
        let c = claims(&request)?;
        let app = request.into_inner().app;
        if !c.apps.contains(&app) {
            return Err(Status::permission_denied("app not allowed"));
        }
        self.configs.get(&app).map(Response::new).ok_or_else(|| Status::not_found("no config"))
    }

    type WatchConfigStream = Pin<Box<dyn Stream<Item = Result<ConfigDoc, Status>> + Send>>;

    async fn watch_config(&self, request: Request<WatchConfigRequest>) -> Result<Response<Self::WatchConfigStream>, Status> {
        let c = claims(&request)?;
        let req = request.into_inner();
        if !c.apps.contains(&req.app) {
            return Err(Status::permission_denied("app not allowed"));
        }
        let configs = self.configs.clone();
        let mut changes = self.configs.watch(&req.app);
        let mut revoked = self.auth.revocations();
        let expires = c.expires_at();
        let lifetime_end = Instant::now() + MAX_WATCH;

        let out = async_stream::try_stream! {
            let mut known = req.known_version;
            loop {
                if let Some(doc) = configs.get(&req.app) {
                    if doc.version > known {
                        known = doc.version;
                        yield doc;
                    }
                }
                tokio::select! {
                    _ = sleep_until(expires) => Err(Status::unauthenticated("token_expired"))?,
                    _ = sleep_until(lifetime_end) => Err(Status::unavailable("max_stream_lifetime"))?,
                    r = revoked.changed() => {
                        if r.is_err() || revoked.borrow().contains(&c.jti) {
                            Err(Status::permission_denied("token_revoked"))?;
                        }
                    }
                    r = changes.changed() => {
                        if r.is_err() {
                            break;
                        }
                    }
                }
            }
        };
        Ok(Response::new(Box::pin(out)))
    }
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let (revoked_tx, revoked_rx) = watch::channel(HashSet::<String>::new());
    let auth = Auth::new(std::env::var("CONFIGD_SECRET")?.as_bytes(), revoked_rx);
    tokio::spawn(async move {
        let mut lines = tokio::io::AsyncBufReadExt::lines(tokio::io::BufReader::new(tokio::io::stdin()));
        while let Ok(Some(jti)) = lines.next_line().await {
            revoked_tx.send_modify(|s| {
                s.insert(jti.trim().to_string());
            });
        }
    });
    let svc = ConfigService { configs: Configs::default(), auth: auth.clone() };
    Server::builder()
        .add_service(ConfigPushServer::with_interceptor(svc, move |r| auth.check(r)))
        .serve("0.0.0.0:7500".parse()?)
        .await?;
    Ok(())
}
