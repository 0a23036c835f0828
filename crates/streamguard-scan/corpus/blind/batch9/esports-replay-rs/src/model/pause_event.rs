//! PauseEvent: a esports record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PauseEvent {
    pub id: String,
    pub note: String,
    pub label: String,
    pub owner: String,
    pub created_at: i64,
    pub status: String,
    pub kind: String,
}

impl PauseEvent {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("pause_event: id is required".into());
        }
        if self.created_at < 0 {
            return Err(format!("pause_event: created_at must not be negative, got {}", self.created_at));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("pause_event:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(PauseEvent::default().validate().is_err());
    }
}
