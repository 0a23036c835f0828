//! EconomySnapshotHistory: a esports record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct EconomySnapshotHistory {
    pub id: String,
    pub kind: String,
    pub revision: i64,
    pub owner: String,
    pub tags: Vec<String>,
    pub created_at: i64,
    pub note: String,
    pub status: String,
}

impl EconomySnapshotHistory {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("economy_snapshot_history: id is required".into());
        }
        if self.revision < 0 {
            return Err(format!("economy_snapshot_history: revision must not be negative, got {}", self.revision));
        }
        if self.created_at < 0 {
            return Err(format!("economy_snapshot_history: created_at must not be negative, got {}", self.created_at));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("economy_snapshot_history:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(EconomySnapshotHistory::default().validate().is_err());
    }
}
