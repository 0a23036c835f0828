//! MapPick: a esports record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MapPick {
    pub id: String,
    pub label: String,
    pub owner: String,
    pub kind: String,
    pub revision: i64,
    pub status: String,
    pub site_id: String,
    pub tags: Vec<String>,
    pub created_at: i64,
    pub score: f64,
}

impl MapPick {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("map_pick: id is required".into());
        }
        if self.revision < 0 {
            return Err(format!("map_pick: revision must not be negative, got {}", self.revision));
        }
        if self.created_at < 0 {
            return Err(format!("map_pick: created_at must not be negative, got {}", self.created_at));
        }
        if self.score < 0.0 {
            return Err(format!("map_pick: score must not be negative, got {}", self.score));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("map_pick:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(MapPick::default().validate().is_err());
    }
}
