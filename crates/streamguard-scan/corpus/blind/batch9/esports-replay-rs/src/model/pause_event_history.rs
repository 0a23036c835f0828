//! PauseEventHistory: a esports record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PauseEventHistory {
    pub id: String,
    pub revision: i64,
    pub note: String,
    pub owner: String,
    pub site_id: String,
    pub label: String,
    pub updated_at: i64,
    pub created_at: i64,
    pub score: f64,
    pub status: String,
}

impl PauseEventHistory {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("pause_event_history: id is required".into());
        }
        if self.revision < 0 {
            return Err(format!("pause_event_history: revision must not be negative, got {}", self.revision));
        }
        if self.updated_at < 0 {
            return Err(format!("pause_event_history: updated_at must not be negative, got {}", self.updated_at));
        }
        if self.created_at < 0 {
            return Err(format!("pause_event_history: created_at must not be negative, got {}", self.created_at));
        }
        if self.score < 0.0 {
            return Err(format!("pause_event_history: score must not be negative, got {}", self.score));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("pause_event_history:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(PauseEventHistory::default().validate().is_err());
    }
}
