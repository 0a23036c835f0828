//! AlarmEvent: a cold record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AlarmEvent {
    pub id: String,
    pub site_id: String,
    pub tags: Vec<String>,
    pub score: f64,
    pub created_at: i64,
    pub status: String,
}

impl AlarmEvent {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("alarm_event: id is required".into());
        }
        if self.score < 0.0 {
            return Err(format!("alarm_event: score must not be negative, got {}", self.score));
        }
        if self.created_at < 0 {
            return Err(format!("alarm_event: created_at must not be negative, got {}", self.created_at));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("alarm_event:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(AlarmEvent::default().validate().is_err());
    }
}
