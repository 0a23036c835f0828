use std::num::NonZeroU32;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use governor::{DefaultKeyedRateLimiter, Quota};
use sqlx::PgPool;
use tokio::sync::mpsc;
use tokio_stream::{wrappers::ReceiverStream, Stream, StreamExt};
use tonic::transport::Channel;
use tonic::{Request, Response, Status, Streaming};

use crate::apikey::KeyOwner;
use crate::deadline::Deadline;
use crate::pb::bank_message::Msg;
use crate::pb::carrier_client::CarrierClient;
use crate::pb::locker_hub_server::LockerHub;
use crate::pb::{BankCommand, BankMessage, DepositNotice, LockerStatus, PhotoChunk, UploadReceipt, WatchLockerRequest};

type Out<T> = Pin<Box<dyn Stream<Item = Result<T, Status>> + Send>>;

pub struct Hub {
    pub db: PgPool,
    pub carrier: CarrierClient<Channel>,
    pub http: reqwest::Client,
    pub photo_bucket: String,
    pub limiter: Arc<DefaultKeyedRateLimiter<String>>,
}

impl Hub {
    pub fn limiter(per_minute: u32) -> Arc<DefaultKeyedRateLimiter<String>> {
        Arc::new(governor::RateLimiter::keyed(Quota::per_minute(NonZeroU32::new(per_minute).unwrap())))
    }
}

fn owner<T>(req: &Request<T>) -> Result<KeyOwner, Status> {
    req.extensions().get::<KeyOwner>().cloned().ok_or_else(|| Status::unauthenticated("no api key"))
}

#[tonic::async_trait]
impl LockerHub for Hub {
    type LockerSessionStream = Out<BankCommand>;
    type WatchLockerStream = Out<LockerStatus>;

    async fn locker_session(&self, request: Request<Streaming<BankMessage>>) -> Result<Response<Self::LockerSessionStream>, Status> {
        let owner = owner(&request)?;
        if owner.kind != "bank" {
            return Err(Status::permission_denied("locker banks only"));
        }
        let deadline = Deadline::from_metadata(request.metadata());
        let mut inbound = request.into_inner();
        let (tx, rx) = mpsc::channel(16);
        let db = self.db.clone();
        let mut carrier = self.carrier.clone();
        let limiter = self.limiter.clone();

        tokio::spawn(async move {
            let mut bank: Option<String> = None;
            while let Some(Ok(msg)) = inbound.next().await {
                if limiter.check_key(&owner.key_id).is_err() {
                    let _ = tx.send(Err(Status::resource_exhausted("rate_limit_exceeded"))).await;
                    break;
                }
                let cmd = match msg.msg {
                    Some(Msg::Hello(h)) => {
                        if owner.bank_id.as_deref() != Some(h.bank_id.as_str()) {
                            let _ = tx.send(Err(Status::permission_denied("key is not for this bank"))).await;
                            break;
                        }
                        bank = Some(h.bank_id);
                        continue;
                    }
                    _ if bank.is_none() => {
                        let _ = tx.send(Err(Status::failed_precondition("hello first"))).await;
                        break;
                    }
                    Some(Msg::Deposit(d)) => {
                        let stored = sqlx::query(
                            "update compartments set parcel_id = $3, state = 'occupied' where bank_id = $1 and number = $2",
                        )
                        .bind(&d.bank_id)
                        .bind(d.compartment as i32)
                        .bind(&d.parcel_id)
                        .execute(&db);
                        let budget = match deadline.remaining_or(Duration::from_secs(3)) {
                            Ok(b) => b,
                            Err(s) => {
                                let _ = tx.send(Err(s)).await;
                                break;
                            }
                        };
                        if tokio::time::timeout(budget, stored).await.is_err() {
                            let _ = tx.send(Err(Status::deadline_exceeded("store"))).await;
                            break;
                        }
                        let mut notice = Request::new(DepositNotice {
                            parcel_id: d.parcel_id.clone(),
                            bank_id: d.bank_id.clone(),
                            compartment: d.compartment,
                        });
                        notice.set_timeout(budget);
                        let ok = carrier.parcel_deposited(notice).await.is_ok();
                        BankCommand { kind: "lock".into(), compartment: d.compartment, reason: if ok { "" } else { "carrier_pending" }.into() }
                    }
                    Some(Msg::Pickup(p)) => {
                        let budget = match deadline.remaining_or(Duration::from_secs(3)) {
                            Ok(b) => b,
                            Err(s) => {
                                let _ = tx.send(Err(s)).await;
                                break;
                            }
                        };
                        let lookup = sqlx::query_as::<_, (String,)>(
                            "select pin_hash from compartments where bank_id = $1 and number = $2 and state = 'occupied'",
                        )
                        .bind(&p.bank_id)
                        .bind(p.compartment as i32)
                        .fetch_optional(&db);
                        let row = tokio::time::timeout(budget, lookup).await.ok().and_then(|r| r.ok()).flatten();
                        match row {
                            Some((h,)) if h == crate::apikey::hash_key(&p.pin) => {
                                BankCommand { kind: "open".into(), compartment: p.compartment, reason: String::new() }
                            }
                            _ => BankCommand { kind: "deny".into(), compartment: p.compartment, reason: "bad_pin".into() },
                        }
                    }
                    None => continue,
                };
                if tx.send(Ok(cmd)).await.is_err() {
                    break;
                }
            }
        });

        Ok(Response::new(Box::pin(ReceiverStream::new(rx))))
    }

    async fn watch_locker(&self, request: Request<WatchLockerRequest>) -> Result<Response<Self::WatchLockerStream>, Status> {
        let owner = owner(&request)?;
        let deadline = Deadline::from_metadata(request.metadata());
        let bank_id = request.into_inner().bank_id;
        if !owner.banks.contains(&bank_id) {
            return Err(Status::permission_denied("bank not allowed for this key"));
        }
        let db = self.db.clone();
        let stream = async_stream::try_stream! {
            let mut last: Option<(i64, i64, i64)> = None;
            let mut every = tokio::time::interval(Duration::from_secs(3));
            loop {
                every.tick().await;
                let budget = deadline.remaining_or(Duration::from_secs(2))?.min(Duration::from_secs(2));
                let query = sqlx::query_as::<_, (i64, i64, i64)>(
                    "select count(*) filter (where size = 's' and state = 'free'), \
                            count(*) filter (where size = 'm' and state = 'free'), \
                            count(*) filter (where size = 'l' and state = 'free') from compartments where bank_id = $1",
                )
                .bind(&bank_id)
                .fetch_one(&db);
                let free = tokio::time::timeout(budget, query)
                    .await
                    .map_err(|_| Status::deadline_exceeded("locker store"))?
                    .map_err(|_| Status::unavailable("locker store"))?;
                if last != Some(free) {
                    last = Some(free);
                    yield LockerStatus {
                        bank_id: bank_id.clone(),
                        free_small: free.0 as u32,
                        free_medium: free.1 as u32,
                        free_large: free.2 as u32,
                        unix_ms: std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_millis() as i64,
                    };
                }
            }
        };
        Ok(Response::new(Box::pin(stream)))
    }

    async fn upload_photos(&self, request: Request<Streaming<PhotoChunk>>) -> Result<Response<UploadReceipt>, Status> {
        let owner = owner(&request)?;
        if owner.kind != "bank" {
            return Err(Status::permission_denied("locker banks only"));
        }
        let mut inbound = request.into_inner();
        let mut parcel = String::new();
        let mut body = Vec::new();
        while let Some(chunk) = inbound.message().await? {
            if parcel.is_empty() {
                parcel = chunk.parcel_id.clone();
            }
            body.extend_from_slice(&chunk.jpeg);
            if body.len() > 8 * 1024 * 1024 {
                return Err(Status::resource_exhausted("photo too large"));
            }
        }
        let key = format!("{}/{}.jpg", owner.bank_id.unwrap_or_default(), parcel);
        let bytes = body.len() as u64;
        self.http
            .put(format!("{}/{}", self.photo_bucket, key))
            .timeout(Duration::from_secs(30))
            .body(body)
            .send()
            .await
            .and_then(|r| r.error_for_status())
            .map_err(|_| Status::unavailable("photo store"))?;
        Ok(Response::new(UploadReceipt { object_key: key, bytes }))
    }
}
