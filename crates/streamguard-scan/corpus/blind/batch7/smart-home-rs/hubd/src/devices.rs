//! Device registry (SQLite) and the in-process event bus fed by the radio bridge.

use sqlx::SqlitePool;
use tokio::sync::broadcast;

use crate::pb::home::DeviceEvent;

#[derive(Clone)]
pub struct Devices {
    pub db: SqlitePool,
    pub events: broadcast::Sender<DeviceEvent>,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct DeviceRow {
    pub device_id: String,
    pub ieee: String,
    pub name: String,
    pub room: String,
    pub kind: String,
}

impl Devices {
    pub async fn get(&self, device_id: &str) -> Result<Option<DeviceRow>, sqlx::Error> {
        sqlx::query_as::<_, DeviceRow>("SELECT device_id, ieee, name, room, kind FROM devices WHERE device_id = ?")
            .bind(device_id)
            .fetch_optional(&self.db)
            .await
    }

    pub async fn by_ieee(&self, ieee: &str) -> Result<Option<DeviceRow>, sqlx::Error> {
        sqlx::query_as::<_, DeviceRow>("SELECT device_id, ieee, name, room, kind FROM devices WHERE ieee = ?")
            .bind(ieee)
            .fetch_optional(&self.db)
            .await
    }
}
