//! StandingsHistory: a esports record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct StandingsHistory {
    pub id: String,
    pub updated_at: i64,
    pub site_id: String,
    pub owner: String,
    pub status: String,
    pub kind: String,
    pub note: String,
}

impl StandingsHistory {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("standings_history: id is required".into());
        }
        if self.updated_at < 0 {
            return Err(format!("standings_history: updated_at must not be negative, got {}", self.updated_at));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("standings_history:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(StandingsHistory::default().validate().is_err());
    }
}
