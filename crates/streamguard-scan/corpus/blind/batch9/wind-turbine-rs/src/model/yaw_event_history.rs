//! YawEventHistory: a wind record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct YawEventHistory {
    pub id: String,
    pub status: String,
    pub kind: String,
    pub site_id: String,
    pub owner: String,
    pub revision: i64,
    pub label: String,
    pub score: f64,
}

impl YawEventHistory {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("yaw_event_history: id is required".into());
        }
        if self.revision < 0 {
            return Err(format!("yaw_event_history: revision must not be negative, got {}", self.revision));
        }
        if self.score < 0.0 {
            return Err(format!("yaw_event_history: score must not be negative, got {}", self.score));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("yaw_event_history:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(YawEventHistory::default().validate().is_err());
    }
}
