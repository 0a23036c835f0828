//! AlarmEventHistory: a cold record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AlarmEventHistory {
    pub id: String,
    pub kind: String,
    pub score: f64,
    pub updated_at: i64,
    pub note: String,
}

impl AlarmEventHistory {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("alarm_event_history: id is required".into());
        }
        if self.score < 0.0 {
            return Err(format!("alarm_event_history: score must not be negative, got {}", self.score));
        }
        if self.updated_at < 0 {
            return Err(format!("alarm_event_history: updated_at must not be negative, got {}", self.updated_at));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("alarm_event_history:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(AlarmEventHistory::default().validate().is_err());
    }
}
