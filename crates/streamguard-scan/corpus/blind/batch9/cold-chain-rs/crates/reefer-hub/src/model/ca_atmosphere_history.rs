//! CaAtmosphereHistory: a cold record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CaAtmosphereHistory {
    pub id: String,
    pub label: String,
    pub tags: Vec<String>,
    pub site_id: String,
    pub created_at: i64,
    pub updated_at: i64,
}

impl CaAtmosphereHistory {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("ca_atmosphere_history: id is required".into());
        }
        if self.created_at < 0 {
            return Err(format!("ca_atmosphere_history: created_at must not be negative, got {}", self.created_at));
        }
        if self.updated_at < 0 {
            return Err(format!("ca_atmosphere_history: updated_at must not be negative, got {}", self.updated_at));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("ca_atmosphere_history:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(CaAtmosphereHistory::default().validate().is_err());
    }
}
