//! API keys, cached from Postgres and reloaded every five minutes.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use sha2::{Digest, Sha256};
use sqlx::PgPool;
use tokio::sync::RwLock;

use super::Tenant;

#[derive(Clone)]
pub struct KeyCache {
    by_hash: Arc<RwLock<HashMap<String, Tenant>>>,
}

impl KeyCache {
    pub async fn load(pool: PgPool) -> anyhow::Result<Self> {
        let cache = Self { by_hash: Arc::default() };
        cache.reload(&pool).await?;
        let c = cache.clone();
        tokio::spawn(async move {
            let mut every = tokio::time::interval(Duration::from_secs(300));
            loop {
                every.tick().await;
                if let Err(e) = c.reload(&pool).await {
                    tracing::warn!(error = %e, "api key reload failed; keeping the previous set");
                }
            }
        });
        Ok(cache)
    }

    async fn reload(&self, pool: &PgPool) -> anyhow::Result<()> {
        let rows: Vec<(String, String, String, Vec<String>, bool)> = sqlx::query_as(
            "SELECT key_sha256, key_id, tenant_id, channels, can_ingest FROM api_keys WHERE revoked_at IS NULL",
        )
        .fetch_all(pool)
        .await?;
        let map = rows
            .into_iter()
            .map(|(h, key_id, id, channels, can_ingest)| (h, Tenant { id, key_id, channels, can_ingest }))
            .collect();
        *self.by_hash.write().await = map;
        Ok(())
    }

    pub async fn lookup(&self, raw: &str) -> Option<Tenant> {
        let h = hex::encode(Sha256::digest(raw.as_bytes()));
        self.by_hash.read().await.get(&h).cloned()
    }
}
