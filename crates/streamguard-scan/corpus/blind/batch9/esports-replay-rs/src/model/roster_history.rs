//! RosterHistory: a esports record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RosterHistory {
    pub id: String,
    pub kind: String,
    pub created_at: i64,
    pub owner: String,
    pub site_id: String,
    pub note: String,
    pub tags: Vec<String>,
    pub updated_at: i64,
    pub label: String,
    pub score: f64,
}

impl RosterHistory {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("roster_history: id is required".into());
        }
        if self.created_at < 0 {
            return Err(format!("roster_history: created_at must not be negative, got {}", self.created_at));
        }
        if self.updated_at < 0 {
            return Err(format!("roster_history: updated_at must not be negative, got {}", self.updated_at));
        }
        if self.score < 0.0 {
            return Err(format!("roster_history: score must not be negative, got {}", self.score));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("roster_history:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(RosterHistory::default().validate().is_err());
    }
}
