//! PlayerHistory: a esports record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PlayerHistory {
    pub id: String,
    pub tags: Vec<String>,
    pub status: String,
    pub created_at: i64,
    pub owner: String,
    pub revision: i64,
    pub label: String,
}

impl PlayerHistory {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("player_history: id is required".into());
        }
        if self.created_at < 0 {
            return Err(format!("player_history: created_at must not be negative, got {}", self.created_at));
        }
        if self.revision < 0 {
            return Err(format!("player_history: revision must not be negative, got {}", self.revision));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("player_history:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(PlayerHistory::default().validate().is_err());
    }
}
