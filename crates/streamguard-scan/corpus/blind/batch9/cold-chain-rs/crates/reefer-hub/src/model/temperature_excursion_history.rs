//! TemperatureExcursionHistory: a cold record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TemperatureExcursionHistory {
    pub id: String,
    pub updated_at: i64,
    pub site_id: String,
    pub owner: String,
    pub status: String,
    pub created_at: i64,
    pub revision: i64,
}

impl TemperatureExcursionHistory {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("temperature_excursion_history: id is required".into());
        }
        if self.updated_at < 0 {
            return Err(format!("temperature_excursion_history: updated_at must not be negative, got {}", self.updated_at));
        }
        if self.created_at < 0 {
            return Err(format!("temperature_excursion_history: created_at must not be negative, got {}", self.created_at));
        }
        if self.revision < 0 {
            return Err(format!("temperature_excursion_history: revision must not be negative, got {}", self.revision));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("temperature_excursion_history:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(TemperatureExcursionHistory::default().validate().is_err());
    }
}
