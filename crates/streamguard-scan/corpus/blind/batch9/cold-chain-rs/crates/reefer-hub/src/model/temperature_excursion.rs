//! TemperatureExcursion: a cold record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TemperatureExcursion {
    pub id: String,
    pub tags: Vec<String>,
    pub label: String,
    pub updated_at: i64,
    pub score: f64,
    pub site_id: String,
    pub owner: String,
}

impl TemperatureExcursion {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("temperature_excursion: id is required".into());
        }
        if self.updated_at < 0 {
            return Err(format!("temperature_excursion: updated_at must not be negative, got {}", self.updated_at));
        }
        if self.score < 0.0 {
            return Err(format!("temperature_excursion: score must not be negative, got {}", self.score));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("temperature_excursion:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(TemperatureExcursion::default().validate().is_err());
    }
}
