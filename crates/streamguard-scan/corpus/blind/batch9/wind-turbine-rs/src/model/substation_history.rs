//! SubstationHistory: a wind record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SubstationHistory {
    pub id: String,
    pub updated_at: i64,
    pub owner: String,
    pub label: String,
    pub status: String,
    pub tags: Vec<String>,
    pub site_id: String,
    pub note: String,
    pub kind: String,
}

impl SubstationHistory {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("substation_history: id is required".into());
        }
        if self.updated_at < 0 {
            return Err(format!("substation_history: updated_at must not be negative, got {}", self.updated_at));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("substation_history:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(SubstationHistory::default().validate().is_err());
    }
}
