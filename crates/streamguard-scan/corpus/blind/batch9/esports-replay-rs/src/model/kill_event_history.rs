//! KillEventHistory: a esports record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct KillEventHistory {
    pub id: String,
    pub revision: i64,
    pub status: String,
    pub note: String,
    pub owner: String,
    pub updated_at: i64,
    pub tags: Vec<String>,
    pub created_at: i64,
    pub site_id: String,
    pub kind: String,
}

impl KillEventHistory {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("kill_event_history: id is required".into());
        }
        if self.revision < 0 {
            return Err(format!("kill_event_history: revision must not be negative, got {}", self.revision));
        }
        if self.updated_at < 0 {
            return Err(format!("kill_event_history: updated_at must not be negative, got {}", self.updated_at));
        }
        if self.created_at < 0 {
            return Err(format!("kill_event_history: created_at must not be negative, got {}", self.created_at));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("kill_event_history:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(KillEventHistory::default().validate().is_err());
    }
}
