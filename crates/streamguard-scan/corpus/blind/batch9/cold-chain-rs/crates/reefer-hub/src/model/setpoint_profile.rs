//! SetpointProfile: a cold record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SetpointProfile {
    pub id: String,
    pub revision: i64,
    pub tags: Vec<String>,
    pub site_id: String,
    pub updated_at: i64,
    pub score: f64,
    pub status: String,
}

impl SetpointProfile {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("setpoint_profile: id is required".into());
        }
        if self.revision < 0 {
            return Err(format!("setpoint_profile: revision must not be negative, got {}", self.revision));
        }
        if self.updated_at < 0 {
            return Err(format!("setpoint_profile: updated_at must not be negative, got {}", self.updated_at));
        }
        if self.score < 0.0 {
            return Err(format!("setpoint_profile: score must not be negative, got {}", self.score));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("setpoint_profile:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(SetpointProfile::default().validate().is_err());
    }
}
