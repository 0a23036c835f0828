//! PortCallHistory: a cold record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PortCallHistory {
    pub id: String,
    pub note: String,
    pub status: String,
    pub site_id: String,
    pub updated_at: i64,
    pub created_at: i64,
    pub owner: String,
    pub score: f64,
}

impl PortCallHistory {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("port_call_history: id is required".into());
        }
        if self.updated_at < 0 {
            return Err(format!("port_call_history: updated_at must not be negative, got {}", self.updated_at));
        }
        if self.created_at < 0 {
            return Err(format!("port_call_history: created_at must not be negative, got {}", self.created_at));
        }
        if self.score < 0.0 {
            return Err(format!("port_call_history: score must not be negative, got {}", self.score));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("port_call_history:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(PortCallHistory::default().validate().is_err());
    }
}
