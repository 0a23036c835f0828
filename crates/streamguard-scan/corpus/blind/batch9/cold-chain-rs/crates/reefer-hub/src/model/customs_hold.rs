//! CustomsHold: a cold record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CustomsHold {
    pub id: String,
    pub site_id: String,
    pub created_at: i64,
    pub label: String,
    pub revision: i64,
    pub kind: String,
    pub tags: Vec<String>,
}

impl CustomsHold {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("customs_hold: id is required".into());
        }
        if self.created_at < 0 {
            return Err(format!("customs_hold: created_at must not be negative, got {}", self.created_at));
        }
        if self.revision < 0 {
            return Err(format!("customs_hold: revision must not be negative, got {}", self.revision));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("customs_hold:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(CustomsHold::default().validate().is_err());
    }
}
