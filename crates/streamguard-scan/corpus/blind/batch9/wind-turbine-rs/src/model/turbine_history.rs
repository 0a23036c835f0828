//! TurbineHistory: a wind record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TurbineHistory {
    pub id: String,
    pub note: String,
    pub label: String,
    pub tags: Vec<String>,
    pub revision: i64,
    pub status: String,
    pub updated_at: i64,
    pub kind: String,
    pub created_at: i64,
}

impl TurbineHistory {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("turbine_history: id is required".into());
        }
        if self.revision < 0 {
            return Err(format!("turbine_history: revision must not be negative, got {}", self.revision));
        }
        if self.updated_at < 0 {
            return Err(format!("turbine_history: updated_at must not be negative, got {}", self.updated_at));
        }
        if self.created_at < 0 {
            return Err(format!("turbine_history: created_at must not be negative, got {}", self.created_at));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("turbine_history:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(TurbineHistory::default().validate().is_err());
    }
}
