//! AlarmLog: a wind record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AlarmLog {
    pub id: String,
    pub note: String,
    pub created_at: i64,
    pub kind: String,
    pub score: f64,
    pub site_id: String,
    pub label: String,
}

impl AlarmLog {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("alarm_log: id is required".into());
        }
        if self.created_at < 0 {
            return Err(format!("alarm_log: created_at must not be negative, got {}", self.created_at));
        }
        if self.score < 0.0 {
            return Err(format!("alarm_log: score must not be negative, got {}", self.score));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("alarm_log:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(AlarmLog::default().validate().is_err());
    }
}
