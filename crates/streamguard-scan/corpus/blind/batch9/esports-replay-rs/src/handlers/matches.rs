//! Match catalogue lookups (Postgres).
use sqlx::PgPool;

#[derive(Clone)]
pub struct Matches {
    pub pool: PgPool,
}

impl Matches {
    pub async fn is_private(&self, match_id: &str) -> sqlx::Result<Option<bool>> {
        let row: Option<(bool,)> = sqlx::query_as("SELECT private FROM matches WHERE match_id = $1")
            .bind(match_id)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.map(|r| r.0))
    }

    pub async fn is_live(&self, match_id: &str) -> sqlx::Result<bool> {
        let row: Option<(String,)> = sqlx::query_as("SELECT state FROM matches WHERE match_id = $1")
            .bind(match_id)
            .fetch_optional(&self.pool)
            .await?;
        Ok(matches!(row.as_ref().map(|r| r.0.as_str()), Some("live")))
    }

    /// Game servers are assigned to matches by the tournament scheduler.
    pub async fn server_assigned(&self, key_id: &str, match_id: &str) -> sqlx::Result<bool> {
        let row: Option<(i32,)> = sqlx::query_as("SELECT 1 FROM match_servers WHERE key_id = $1 AND match_id = $2")
            .bind(key_id)
            .bind(match_id)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.is_some())
    }
}
