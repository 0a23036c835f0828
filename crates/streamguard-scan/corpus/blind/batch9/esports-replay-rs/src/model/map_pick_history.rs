//! MapPickHistory: a esports record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MapPickHistory {
    pub id: String,
    pub site_id: String,
    pub revision: i64,
    pub owner: String,
    pub created_at: i64,
    pub kind: String,
    pub label: String,
}

impl MapPickHistory {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("map_pick_history: id is required".into());
        }
        if self.revision < 0 {
            return Err(format!("map_pick_history: revision must not be negative, got {}", self.revision));
        }
        if self.created_at < 0 {
            return Err(format!("map_pick_history: created_at must not be negative, got {}", self.created_at));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("map_pick_history:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(MapPickHistory::default().validate().is_err());
    }
}
