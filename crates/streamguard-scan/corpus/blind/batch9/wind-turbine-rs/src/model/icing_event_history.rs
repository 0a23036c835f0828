//! IcingEventHistory: a wind record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct IcingEventHistory {
    pub id: String,
    pub note: String,
    pub updated_at: i64,
    pub kind: String,
    pub owner: String,
}

impl IcingEventHistory {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("icing_event_history: id is required".into());
        }
        if self.updated_at < 0 {
            return Err(format!("icing_event_history: updated_at must not be negative, got {}", self.updated_at));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("icing_event_history:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(IcingEventHistory::default().validate().is_err());
    }
}
