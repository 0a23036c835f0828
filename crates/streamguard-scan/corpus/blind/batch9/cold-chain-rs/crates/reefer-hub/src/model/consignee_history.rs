//! ConsigneeHistory: a cold record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ConsigneeHistory {
    pub id: String,
    pub label: String,
    pub tags: Vec<String>,
    pub status: String,
    pub created_at: i64,
}

impl ConsigneeHistory {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("consignee_history: id is required".into());
        }
        if self.created_at < 0 {
            return Err(format!("consignee_history: created_at must not be negative, got {}", self.created_at));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("consignee_history:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(ConsigneeHistory::default().validate().is_err());
    }
}
