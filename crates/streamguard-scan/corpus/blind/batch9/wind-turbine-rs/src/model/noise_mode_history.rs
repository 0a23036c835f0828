//! NoiseModeHistory: a wind record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct NoiseModeHistory {
    pub id: String,
    pub updated_at: i64,
    pub revision: i64,
    pub note: String,
    pub owner: String,
    pub created_at: i64,
    pub tags: Vec<String>,
    pub kind: String,
    pub label: String,
}

impl NoiseModeHistory {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("noise_mode_history: id is required".into());
        }
        if self.updated_at < 0 {
            return Err(format!("noise_mode_history: updated_at must not be negative, got {}", self.updated_at));
        }
        if self.revision < 0 {
            return Err(format!("noise_mode_history: revision must not be negative, got {}", self.revision));
        }
        if self.created_at < 0 {
            return Err(format!("noise_mode_history: created_at must not be negative, got {}", self.created_at));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("noise_mode_history:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(NoiseModeHistory::default().validate().is_err());
    }
}
