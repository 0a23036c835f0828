//! API keys for partners, stored hashed in Postgres.
use sha2::{Digest, Sha256};
use sqlx::PgPool;

#[derive(Debug, Clone)]
pub struct Partner {
    pub key_id: String,
    pub name: String,
    pub tier: String,
    pub private_matches: bool,
    pub can_ingest: bool,
}

#[derive(Clone)]
pub struct KeyStore {
    pub pool: PgPool,
}

impl KeyStore {
    pub async fn lookup(&self, raw: &str) -> sqlx::Result<Option<Partner>> {
        let hash = hex::encode(Sha256::digest(raw.as_bytes()));
        let row: Option<(String, String, String, bool, bool)> = sqlx::query_as(
            "SELECT key_id, partner_name, tier, private_matches, can_ingest FROM api_keys WHERE key_sha256 = $1 AND revoked_at IS NULL",
        )
        .bind(hash)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(|(key_id, name, tier, private_matches, can_ingest)| Partner { key_id, name, tier, private_matches, can_ingest }))
    }
}
