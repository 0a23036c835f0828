//! PowerOutage: a cold record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PowerOutage {
    pub id: String,
    pub tags: Vec<String>,
    pub revision: i64,
    pub created_at: i64,
    pub owner: String,
    pub note: String,
    pub updated_at: i64,
    pub kind: String,
    pub label: String,
}

impl PowerOutage {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("power_outage: id is required".into());
        }
        if self.revision < 0 {
            return Err(format!("power_outage: revision must not be negative, got {}", self.revision));
        }
        if self.created_at < 0 {
            return Err(format!("power_outage: created_at must not be negative, got {}", self.created_at));
        }
        if self.updated_at < 0 {
            return Err(format!("power_outage: updated_at must not be negative, got {}", self.updated_at));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("power_outage:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(PowerOutage::default().validate().is_err());
    }
}
