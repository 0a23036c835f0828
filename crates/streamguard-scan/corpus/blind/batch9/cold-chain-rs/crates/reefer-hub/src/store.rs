//! Reefer telemetry store (Postgres/Timescale).
use sqlx::PgPool;

#[derive(Clone)]
pub struct Store {
    pub pool: PgPool,
}

impl Store {
    pub async fn insert_reading(&self, container: &str, supply: f32, ret: f32, humidity: f32, o2: f32, ts: i64) -> sqlx::Result<()> {
        sqlx::query("INSERT INTO reefer_readings (container_id, supply_c, return_c, humidity, o2_pct, ts) VALUES ($1,$2,$3,$4,$5,to_timestamp($6))")
            .bind(container)
            .bind(supply)
            .bind(ret)
            .bind(humidity)
            .bind(o2)
            .bind(ts as f64)
            .execute(&self.pool)
            .await
            .map(|_| ())
    }

    pub async fn set_setpoint(&self, container: &str, setpoint: f32, by: &str) -> sqlx::Result<()> {
        sqlx::query("UPDATE containers SET setpoint_c = $2, setpoint_by = $3, setpoint_at = now() WHERE container_id = $1")
            .bind(container)
            .bind(setpoint)
            .bind(by)
            .execute(&self.pool)
            .await
            .map(|_| ())
    }

    pub async fn vessel_of(&self, container: &str) -> sqlx::Result<Option<(String, f32)>> {
        sqlx::query_as("SELECT vessel_imo, setpoint_c FROM containers WHERE container_id = $1")
            .bind(container)
            .fetch_optional(&self.pool)
            .await
    }
}
