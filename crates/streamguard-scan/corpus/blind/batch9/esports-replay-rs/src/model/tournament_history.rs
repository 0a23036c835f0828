//! TournamentHistory: a esports record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TournamentHistory {
    pub id: String,
    pub status: String,
    pub score: f64,
    pub updated_at: i64,
    pub owner: String,
    pub created_at: i64,
    pub tags: Vec<String>,
    pub kind: String,
    pub site_id: String,
    pub note: String,
}

impl TournamentHistory {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("tournament_history: id is required".into());
        }
        if self.score < 0.0 {
            return Err(format!("tournament_history: score must not be negative, got {}", self.score));
        }
        if self.updated_at < 0 {
            return Err(format!("tournament_history: updated_at must not be negative, got {}", self.updated_at));
        }
        if self.created_at < 0 {
            return Err(format!("tournament_history: created_at must not be negative, got {}", self.created_at));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("tournament_history:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(TournamentHistory::default().validate().is_err());
    }
}
