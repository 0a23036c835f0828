//! Probe: a cold record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Probe {
    pub id: String,
    pub site_id: String,
    pub status: String,
    pub revision: i64,
    pub kind: String,
    pub created_at: i64,
}

impl Probe {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("probe: id is required".into());
        }
        if self.revision < 0 {
            return Err(format!("probe: revision must not be negative, got {}", self.revision));
        }
        if self.created_at < 0 {
            return Err(format!("probe: created_at must not be negative, got {}", self.created_at));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("probe:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(Probe::default().validate().is_err());
    }
}
