//! Door registry: which floor a door is on. Loaded from the property database at start.
use std::collections::HashMap;

use sqlx::PgPool;

#[derive(Clone, Default)]
pub struct Doors {
    floor_of: HashMap<String, u32>,
}

impl Doors {
    pub async fn load(db: &PgPool) -> Result<Self, sqlx::Error> {
        let rows: Vec<(String, i32)> = sqlx::query_as("select id, floor from doors").fetch_all(db).await?;
        Ok(Self { floor_of: rows.into_iter().map(|(id, f)| (id, f as u32)).collect() })
    }

    pub fn floor(&self, door: &str) -> Option<u32> {
        self.floor_of.get(door).copied()
    }
}
