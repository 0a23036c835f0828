//! GearboxOil: a wind record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GearboxOil {
    pub id: String,
    pub label: String,
    pub updated_at: i64,
    pub status: String,
    pub note: String,
    pub created_at: i64,
    pub tags: Vec<String>,
    pub score: f64,
}

impl GearboxOil {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("gearbox_oil: id is required".into());
        }
        if self.updated_at < 0 {
            return Err(format!("gearbox_oil: updated_at must not be negative, got {}", self.updated_at));
        }
        if self.created_at < 0 {
            return Err(format!("gearbox_oil: created_at must not be negative, got {}", self.created_at));
        }
        if self.score < 0.0 {
            return Err(format!("gearbox_oil: score must not be negative, got {}", self.score));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("gearbox_oil:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(GearboxOil::default().validate().is_err());
    }
}
