//! ClaimHistory: a cold record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ClaimHistory {
    pub id: String,
    pub kind: String,
    pub created_at: i64,
    pub site_id: String,
    pub revision: i64,
}

impl ClaimHistory {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("claim_history: id is required".into());
        }
        if self.created_at < 0 {
            return Err(format!("claim_history: created_at must not be negative, got {}", self.created_at));
        }
        if self.revision < 0 {
            return Err(format!("claim_history: revision must not be negative, got {}", self.revision));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("claim_history:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(ClaimHistory::default().validate().is_err());
    }
}
