//! YawEvent: a wind record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct YawEvent {
    pub id: String,
    pub kind: String,
    pub created_at: i64,
    pub revision: i64,
    pub note: String,
    pub score: f64,
    pub owner: String,
    pub site_id: String,
    pub updated_at: i64,
    pub tags: Vec<String>,
}

impl YawEvent {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("yaw_event: id is required".into());
        }
        if self.created_at < 0 {
            return Err(format!("yaw_event: created_at must not be negative, got {}", self.created_at));
        }
        if self.revision < 0 {
            return Err(format!("yaw_event: revision must not be negative, got {}", self.revision));
        }
        if self.score < 0.0 {
            return Err(format!("yaw_event: score must not be negative, got {}", self.score));
        }
        if self.updated_at < 0 {
            return Err(format!("yaw_event: updated_at must not be negative, got {}", self.updated_at));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("yaw_event:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(YawEvent::default().validate().is_err());
    }
}
