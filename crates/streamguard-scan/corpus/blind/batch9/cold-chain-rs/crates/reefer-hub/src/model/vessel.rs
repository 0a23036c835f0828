//! Vessel: a cold record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Vessel {
    pub id: String,
    pub updated_at: i64,
    pub note: String,
    pub owner: String,
    pub tags: Vec<String>,
    pub created_at: i64,
    pub site_id: String,
    pub kind: String,
}

impl Vessel {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("vessel: id is required".into());
        }
        if self.updated_at < 0 {
            return Err(format!("vessel: updated_at must not be negative, got {}", self.updated_at));
        }
        if self.created_at < 0 {
            return Err(format!("vessel: created_at must not be negative, got {}", self.created_at));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("vessel:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(Vessel::default().validate().is_err());
    }
}
