//! AlarmLogHistory: a wind record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AlarmLogHistory {
    pub id: String,
    pub note: String,
    pub status: String,
    pub kind: String,
    pub created_at: i64,
}

impl AlarmLogHistory {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("alarm_log_history: id is required".into());
        }
        if self.created_at < 0 {
            return Err(format!("alarm_log_history: created_at must not be negative, got {}", self.created_at));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("alarm_log_history:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(AlarmLogHistory::default().validate().is_err());
    }
}
