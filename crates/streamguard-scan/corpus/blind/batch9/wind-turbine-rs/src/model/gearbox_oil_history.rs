//! GearboxOilHistory: a wind record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GearboxOilHistory {
    pub id: String,
    pub kind: String,
    pub status: String,
    pub tags: Vec<String>,
    pub note: String,
    pub owner: String,
    pub updated_at: i64,
    pub site_id: String,
    pub revision: i64,
}

impl GearboxOilHistory {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("gearbox_oil_history: id is required".into());
        }
        if self.updated_at < 0 {
            return Err(format!("gearbox_oil_history: updated_at must not be negative, got {}", self.updated_at));
        }
        if self.revision < 0 {
            return Err(format!("gearbox_oil_history: revision must not be negative, got {}", self.revision));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("gearbox_oil_history:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(GearboxOilHistory::default().validate().is_err());
    }
}
