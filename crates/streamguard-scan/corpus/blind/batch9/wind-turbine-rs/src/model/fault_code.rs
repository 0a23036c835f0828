//! FaultCode: a wind record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FaultCode {
    pub id: String,
    pub score: f64,
    pub created_at: i64,
    pub tags: Vec<String>,
    pub kind: String,
}

impl FaultCode {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("fault_code: id is required".into());
        }
        if self.score < 0.0 {
            return Err(format!("fault_code: score must not be negative, got {}", self.score));
        }
        if self.created_at < 0 {
            return Err(format!("fault_code: created_at must not be negative, got {}", self.created_at));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("fault_code:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(FaultCode::default().validate().is_err());
    }
}
