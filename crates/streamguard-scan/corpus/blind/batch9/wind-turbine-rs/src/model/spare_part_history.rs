//! SparePartHistory: a wind record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SparePartHistory {
    pub id: String,
    pub revision: i64,
    pub created_at: i64,
    pub owner: String,
    pub site_id: String,
    pub kind: String,
}

impl SparePartHistory {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("spare_part_history: id is required".into());
        }
        if self.revision < 0 {
            return Err(format!("spare_part_history: revision must not be negative, got {}", self.revision));
        }
        if self.created_at < 0 {
            return Err(format!("spare_part_history: created_at must not be negative, got {}", self.created_at));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("spare_part_history:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(SparePartHistory::default().validate().is_err());
    }
}
