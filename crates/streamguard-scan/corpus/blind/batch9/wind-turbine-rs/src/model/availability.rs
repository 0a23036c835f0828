//! Availability: a wind record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Availability {
    pub id: String,
    pub kind: String,
    pub site_id: String,
    pub status: String,
    pub revision: i64,
    pub owner: String,
    pub created_at: i64,
    pub note: String,
    pub label: String,
}

impl Availability {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("availability: id is required".into());
        }
        if self.revision < 0 {
            return Err(format!("availability: revision must not be negative, got {}", self.revision));
        }
        if self.created_at < 0 {
            return Err(format!("availability: created_at must not be negative, got {}", self.created_at));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("availability:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(Availability::default().validate().is_err());
    }
}
