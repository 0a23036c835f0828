//! The replication task: keeps this instance's copy of the revocations current and pushes
//! every revocation recorded by another instance to the matching live streams here.
//!
//! It tails the revocations stream (`XREAD BLOCK`, on a connection of its own) from the last
//! entry it applied. After a disconnect it catches up before the guard trusts the store again:
//! it writes what this instance owes (revocations posted during the outage), then replays the
//! stream from the last applied entry — applying an entry twice is harmless. When the stream
//! cannot prove it still holds every entry after that one (it was trimmed past it, or Redis
//! lost its data and the stream restarted), it reloads every revocation key instead and ends
//! the live streams they cover. A new instance starts with such a reload, before it accepts
//! streams.
//!
//! This task alone decides when Redis is available again ([`Link::restored`]); any failed
//! call of its own makes it unavailable ([`Link::lost`]) until then.

use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use redis::Value;
use redis::aio::MultiplexedConnection;
use redis::streams::StreamReadReply;
use streamguard::revocation::{Retention, Revocation};
use tokio_util::sync::CancellationToken;

use crate::link::CallFailed;
use crate::revocations::{Owed, Revocations, unix_now};

/// How long one `XREAD BLOCK` waits for new entries.
const BLOCK: Duration = Duration::from_millis(1000);
/// Entries read at once.
const BATCH: usize = 512;
/// Keys read per `SCAN` step of a reload.
const SCAN_COUNT: usize = 500;
const MIN_BACKOFF: Duration = Duration::from_millis(50);
const MAX_BACKOFF: Duration = Duration::from_secs(1);

/// A stream entry id, `ms-seq`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub(crate) struct EntryId {
    pub ms: u64,
    pub seq: u64,
}

impl EntryId {
    pub fn parse(s: &str) -> Option<EntryId> {
        let (ms, seq) = s.split_once('-')?;
        Some(EntryId {
            ms: ms.parse().ok()?,
            seq: seq.parse().ok()?,
        })
    }
}

impl std::fmt::Display for EntryId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}-{}", self.ms, self.seq)
    }
}

pub(crate) struct Replication {
    shared: Arc<Revocations>,
    /// The last entry applied; `None` until the first reload.
    position: Option<EntryId>,
    conn: Option<MultiplexedConnection>,
}

impl Replication {
    pub fn new(shared: Arc<Revocations>) -> Self {
        Replication {
            shared,
            position: None,
            conn: None,
        }
    }

    /// Tails the stream until `stop`, reconnecting and catching up after every failure.
    pub async fn run(mut self, stop: CancellationToken) {
        let mut backoff = MIN_BACKOFF;
        loop {
            let step = tokio::select! {
                _ = stop.cancelled() => return,
                r = self.step() => r,
            };
            match step {
                Ok(()) => backoff = MIN_BACKOFF,
                Err(e) => {
                    self.conn = None;
                    self.shared.link.lost(&e);
                    tokio::select! {
                        _ = stop.cancelled() => return,
                        _ = tokio::time::sleep(backoff) => {}
                    }
                    backoff = (backoff * 2).min(MAX_BACKOFF);
                }
            }
        }
    }

    async fn step(&mut self) -> Result<(), CallFailed> {
        if !self.shared.link.is_up() || self.position.is_none() {
            self.catch_up().await?;
            self.shared.link.restored();
        }
        if !self.shared.outbox.lock().is_empty() {
            self.shared.flush().await?;
        }
        self.read(Some(BLOCK)).await.map(drop)
    }

    /// Writes what is owed, then brings the local copy level with Redis: a replay from the
    /// last applied entry when the stream still holds everything after it, else a reload.
    pub async fn catch_up(&mut self) -> Result<(), CallFailed> {
        self.shared.flush().await?;
        let stream = self.stream_state().await?;
        let contiguous = self.position.is_some_and(|p| {
            stream.last >= p && stream.max_deleted.is_some_and(|deleted| deleted <= p)
        });
        if !contiguous {
            self.reload(stream.last).await?;
        }
        while self.read(None).await? == BATCH {}
        Ok(())
    }

    /// Replaces the local copy with every revocation key, and ends the live streams they
    /// cover; the stream is then read from `from` (taken before the keys, so nothing written
    /// meanwhile is missed: it is replayed).
    async fn reload(&mut self, from: EntryId) -> Result<(), CallFailed> {
        let mut entries = Vec::new();
        let mut cursor: u64 = 0;
        let now = unix_now();
        let pattern = self.shared.keys.revocation_pattern();
        loop {
            let mut scan = redis::cmd("SCAN");
            scan.arg(cursor)
                .arg("MATCH")
                .arg(&pattern)
                .arg("COUNT")
                .arg(SCAN_COUNT);
            let mut conn = self.shared.link.conn();
            let (next, keys): (u64, Vec<Vec<u8>>) = self
                .shared
                .link
                .call("reload scan", scan.query_async(&mut conn))
                .await?;
            if !keys.is_empty() {
                let mut pipe = redis::pipe();
                for k in &keys {
                    pipe.cmd("GET").arg(k).cmd("PTTL").arg(k);
                }
                let values: Vec<Value> = self
                    .shared
                    .link
                    .call("reload read", pipe.query_async(&mut conn))
                    .await?;
                for (key, pair) in keys.iter().zip(values.chunks(2)) {
                    let Some(r) = self.shared.keys.parse_revocation(key) else {
                        continue;
                    };
                    let (Some(value), Some(ttl)) = (pair.first(), pair.get(1)) else {
                        continue;
                    };
                    let issued_up_to = int(value).and_then(|v| u64::try_from(v).ok());
                    let until = match int(ttl) {
                        // Gone meanwhile.
                        Some(-2) | None => continue,
                        Some(-1) => None,
                        Some(ms) => {
                            Some(now.saturating_add(u64::try_from(ms).unwrap_or(0) / 1000 + 1))
                        }
                    };
                    entries.push((
                        r,
                        Retention {
                            until,
                            issued_up_to: issued_up_to.unwrap_or(0),
                        },
                    ));
                }
            }
            cursor = next;
            if cursor == 0 {
                break;
            }
        }
        let loaded = entries.len();
        self.shared.local.replace_all(entries);
        // What this instance still owes Redis applies here meanwhile.
        for owed in self.shared.outbox.lock().iter() {
            match owed {
                Owed::Revoke(r, retention) => self.shared.local.record(r, *retention),
                Owed::Lift(r) => {
                    self.shared.local.remove(r);
                }
            }
        }
        let ended = self
            .shared
            .link
            .guard()
            .map_or(0, |g| g.revocations().end_revoked());
        tracing::info!(
            revocations = loaded,
            ended_streams = ended,
            from = %from,
            "revocations reloaded from redis"
        );
        self.position = Some(from);
        Ok(())
    }

    /// Reads and applies the entries after the position, waiting up to `block` for one;
    /// returns how many were read.
    async fn read(&mut self, block: Option<Duration>) -> Result<usize, CallFailed> {
        let position = self.position.unwrap_or_default();
        if self.conn.is_none() {
            self.conn = Some(self.shared.link.dedicated().await?);
        }
        let Some(conn) = self.conn.as_mut() else {
            return Ok(0);
        };
        let mut xread = redis::cmd("XREAD");
        xread.arg("COUNT").arg(BATCH);
        if let Some(block) = block {
            xread.arg("BLOCK").arg(block.as_millis() as u64);
        }
        xread
            .arg("STREAMS")
            .arg(&self.shared.keys.stream)
            .arg(position.to_string());
        let bound = block.unwrap_or_default() + self.shared.link.timeout();
        let reply: Option<StreamReadReply> = self
            .shared
            .link
            .call_within("tail", bound, xread.query_async(conn))
            .await?;
        let mut n = 0;
        for key in reply.into_iter().flat_map(|r| r.keys) {
            for entry in key.ids {
                n += 1;
                let Some(id) = EntryId::parse(&entry.id) else {
                    continue;
                };
                self.apply(id, &entry.map);
                self.position = Some(id);
            }
        }
        Ok(n)
    }

    /// Applies one entry (idempotent).
    fn apply(&self, id: EntryId, fields: &std::collections::HashMap<String, Value>) {
        let text = |k: &str| fields.get(k).and_then(string);
        let number = |k: &str| text(k).and_then(|v| v.parse::<u64>().ok());
        let revocation = match (text("kind").as_deref(), text("id")) {
            (Some("jti"), Some(v)) => Revocation::Jti(v),
            (Some("sub"), Some(v)) => Revocation::Sub(v),
            _ => {
                tracing::warn!(%id, "skipping a revocation stream entry this version does not understand");
                return;
            }
        };
        let own = text("origin").as_deref() == Some(self.shared.origin.as_str());
        match text("op").as_deref() {
            Some("revoke") => {
                let retention = Retention {
                    until: number("until").filter(|u| *u > 0),
                    issued_up_to: number("up_to").unwrap_or(0),
                };
                if retention.until.is_some_and(|u| u <= unix_now()) {
                    return;
                }
                self.shared.local.record(&revocation, retention);
                if own {
                    return;
                }
                if let Some(g) = self.shared.link.guard() {
                    let ended = g.revocations().push(&revocation, retention);
                    g.metrics().revocations_applied(1);
                    g.metrics().replication_lag(since_ms(id.ms));
                    tracing::info!(?revocation, ended, %id, "revocation applied from redis");
                }
            }
            Some("lift") => {
                self.shared.local.remove(&revocation);
            }
            _ => tracing::warn!(%id, "skipping a revocation stream entry with an unknown op"),
        }
    }

    /// The stream's last id, and the largest id ever removed from it (absent from servers
    /// that do not report it: a reload is then done every time).
    async fn stream_state(&self) -> Result<StreamState, CallFailed> {
        let mut conn = self.shared.link.conn();
        let key = &self.shared.keys.stream;
        let exists: bool = self
            .shared
            .link
            .call(
                "stream exists",
                redis::cmd("EXISTS").arg(key).query_async(&mut conn),
            )
            .await?;
        if !exists {
            return Ok(StreamState {
                last: EntryId::default(),
                max_deleted: Some(EntryId::default()),
            });
        }
        let info: Value = self
            .shared
            .link
            .call(
                "stream info",
                redis::cmd("XINFO")
                    .arg("STREAM")
                    .arg(key)
                    .query_async(&mut conn),
            )
            .await?;
        let field = |name: &str| {
            pairs(&info)
                .find(|(k, _)| string(k).as_deref() == Some(name))
                .and_then(|(_, v)| string(v))
                .and_then(|v| EntryId::parse(&v))
        };
        Ok(StreamState {
            last: field("last-generated-id").unwrap_or_default(),
            max_deleted: field("max-deleted-entry-id"),
        })
    }
}

struct StreamState {
    last: EntryId,
    max_deleted: Option<EntryId>,
}

fn pairs(v: &Value) -> Box<dyn Iterator<Item = (&Value, &Value)> + '_> {
    match v {
        Value::Array(items) => Box::new(
            items
                .chunks(2)
                .filter_map(|c| Some((c.first()?, c.get(1)?))),
        ),
        Value::Map(items) => Box::new(items.iter().map(|(k, v)| (k, v))),
        _ => Box::new(std::iter::empty()),
    }
}

fn string(v: &Value) -> Option<String> {
    match v {
        Value::BulkString(b) => String::from_utf8(b.clone()).ok(),
        Value::SimpleString(s) => Some(s.clone()),
        Value::Int(i) => Some(i.to_string()),
        _ => None,
    }
}

fn int(v: &Value) -> Option<i64> {
    match v {
        Value::Int(i) => Some(*i),
        other => string(other)?.parse().ok(),
    }
}

fn since_ms(ms: u64) -> Duration {
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX));
    Duration::from_millis(now.saturating_sub(ms))
}

#[cfg(test)]
mod tests {
    use super::EntryId;

    #[test]
    fn entry_ids_order_by_time_then_sequence() {
        let a = EntryId::parse("1700000000000-0").unwrap();
        let b = EntryId::parse("1700000000000-1").unwrap();
        let c = EntryId::parse("1700000000001-0").unwrap();
        assert!(a < b && b < c);
        assert_eq!(c.to_string(), "1700000000001-0");
        assert_eq!(EntryId::parse("nonsense"), None);
        assert_eq!(EntryId::parse("1-x"), None);
    }
}
