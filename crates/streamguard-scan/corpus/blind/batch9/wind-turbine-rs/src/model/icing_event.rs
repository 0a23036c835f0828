//! IcingEvent: a wind record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct IcingEvent {
    pub id: String,
    pub site_id: String,
    pub owner: String,
    pub kind: String,
    pub updated_at: i64,
}

impl IcingEvent {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("icing_event: id is required".into());
        }
        if self.updated_at < 0 {
            return Err(format!("icing_event: updated_at must not be negative, got {}", self.updated_at));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("icing_event:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(IcingEvent::default().validate().is_err());
    }
}
