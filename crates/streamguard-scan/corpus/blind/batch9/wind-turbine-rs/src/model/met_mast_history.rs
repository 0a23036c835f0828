//! MetMastHistory: a wind record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MetMastHistory {
    pub id: String,
    pub label: String,
    pub note: String,
    pub owner: String,
    pub site_id: String,
}

impl MetMastHistory {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("met_mast_history: id is required".into());
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("met_mast_history:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(MetMastHistory::default().validate().is_err());
    }
}
