//! EconomySnapshot: a esports record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct EconomySnapshot {
    pub id: String,
    pub owner: String,
    pub status: String,
    pub revision: i64,
    pub note: String,
    pub site_id: String,
}

impl EconomySnapshot {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("economy_snapshot: id is required".into());
        }
        if self.revision < 0 {
            return Err(format!("economy_snapshot: revision must not be negative, got {}", self.revision));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("economy_snapshot:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(EconomySnapshot::default().validate().is_err());
    }
}
