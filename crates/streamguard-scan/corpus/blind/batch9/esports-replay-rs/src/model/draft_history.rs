//! DraftHistory: a esports record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DraftHistory {
    pub id: String,
    pub owner: String,
    pub label: String,
    pub updated_at: i64,
    pub site_id: String,
}

impl DraftHistory {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("draft_history: id is required".into());
        }
        if self.updated_at < 0 {
            return Err(format!("draft_history: updated_at must not be negative, got {}", self.updated_at));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("draft_history:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(DraftHistory::default().validate().is_err());
    }
}
