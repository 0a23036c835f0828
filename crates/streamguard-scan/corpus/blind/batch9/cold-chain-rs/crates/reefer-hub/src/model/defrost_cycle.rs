//! DefrostCycle: a cold record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DefrostCycle {
    pub id: String,
    pub site_id: String,
    pub label: String,
    pub kind: String,
    pub updated_at: i64,
}

impl DefrostCycle {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("defrost_cycle: id is required".into());
        }
        if self.updated_at < 0 {
            return Err(format!("defrost_cycle: updated_at must not be negative, got {}", self.updated_at));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("defrost_cycle:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(DefrostCycle::default().validate().is_err());
    }
}
