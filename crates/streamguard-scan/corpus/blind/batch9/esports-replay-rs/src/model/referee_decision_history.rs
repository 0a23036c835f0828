//! RefereeDecisionHistory: a esports record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RefereeDecisionHistory {
    pub id: String,
    pub site_id: String,
    pub updated_at: i64,
    pub owner: String,
    pub status: String,
    pub created_at: i64,
}

impl RefereeDecisionHistory {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("referee_decision_history: id is required".into());
        }
        if self.updated_at < 0 {
            return Err(format!("referee_decision_history: updated_at must not be negative, got {}", self.updated_at));
        }
        if self.created_at < 0 {
            return Err(format!("referee_decision_history: created_at must not be negative, got {}", self.created_at));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("referee_decision_history:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(RefereeDecisionHistory::default().validate().is_err());
    }
}
