//! KillEvent: a esports record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct KillEvent {
    pub id: String,
    pub updated_at: i64,
    pub owner: String,
    pub site_id: String,
    pub tags: Vec<String>,
    pub status: String,
}

impl KillEvent {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("kill_event: id is required".into());
        }
        if self.updated_at < 0 {
            return Err(format!("kill_event: updated_at must not be negative, got {}", self.updated_at));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("kill_event:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(KillEvent::default().validate().is_err());
    }
}
