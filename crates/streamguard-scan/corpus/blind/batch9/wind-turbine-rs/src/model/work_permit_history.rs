//! WorkPermitHistory: a wind record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct WorkPermitHistory {
    pub id: String,
    pub label: String,
    pub note: String,
    pub kind: String,
    pub tags: Vec<String>,
    pub owner: String,
}

impl WorkPermitHistory {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("work_permit_history: id is required".into());
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("work_permit_history:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(WorkPermitHistory::default().validate().is_err());
    }
}
