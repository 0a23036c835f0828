//! TechnicianHistory: a wind record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TechnicianHistory {
    pub id: String,
    pub kind: String,
    pub status: String,
    pub revision: i64,
    pub created_at: i64,
}

impl TechnicianHistory {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("technician_history: id is required".into());
        }
        if self.revision < 0 {
            return Err(format!("technician_history: revision must not be negative, got {}", self.revision));
        }
        if self.created_at < 0 {
            return Err(format!("technician_history: created_at must not be negative, got {}", self.created_at));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("technician_history:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(TechnicianHistory::default().validate().is_err());
    }
}
