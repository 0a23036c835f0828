//! Player: a esports record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Player {
    pub id: String,
    pub owner: String,
    pub label: String,
    pub created_at: i64,
    pub tags: Vec<String>,
}

impl Player {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("player: id is required".into());
        }
        if self.created_at < 0 {
            return Err(format!("player: created_at must not be negative, got {}", self.created_at));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("player:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(Player::default().validate().is_err());
    }
}
