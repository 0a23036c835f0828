//! SetpointProfileHistory: a cold record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SetpointProfileHistory {
    pub id: String,
    pub tags: Vec<String>,
    pub created_at: i64,
    pub revision: i64,
    pub updated_at: i64,
    pub note: String,
}

impl SetpointProfileHistory {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("setpoint_profile_history: id is required".into());
        }
        if self.created_at < 0 {
            return Err(format!("setpoint_profile_history: created_at must not be negative, got {}", self.created_at));
        }
        if self.revision < 0 {
            return Err(format!("setpoint_profile_history: revision must not be negative, got {}", self.revision));
        }
        if self.updated_at < 0 {
            return Err(format!("setpoint_profile_history: updated_at must not be negative, got {}", self.updated_at));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("setpoint_profile_history:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(SetpointProfileHistory::default().validate().is_err());
    }
}
