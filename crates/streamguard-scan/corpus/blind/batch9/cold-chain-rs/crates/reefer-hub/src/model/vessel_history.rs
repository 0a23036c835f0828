//! VesselHistory: a cold record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct VesselHistory {
    pub id: String,
    pub kind: String,
    pub revision: i64,
    pub tags: Vec<String>,
    pub status: String,
}

impl VesselHistory {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("vessel_history: id is required".into());
        }
        if self.revision < 0 {
            return Err(format!("vessel_history: revision must not be negative, got {}", self.revision));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("vessel_history:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(VesselHistory::default().validate().is_err());
    }
}
