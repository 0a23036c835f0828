//! PpaSettlement: a wind record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PpaSettlement {
    pub id: String,
    pub tags: Vec<String>,
    pub created_at: i64,
    pub note: String,
    pub site_id: String,
    pub revision: i64,
    pub kind: String,
    pub owner: String,
}

impl PpaSettlement {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("ppa_settlement: id is required".into());
        }
        if self.created_at < 0 {
            return Err(format!("ppa_settlement: created_at must not be negative, got {}", self.created_at));
        }
        if self.revision < 0 {
            return Err(format!("ppa_settlement: revision must not be negative, got {}", self.revision));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("ppa_settlement:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(PpaSettlement::default().validate().is_err());
    }
}
