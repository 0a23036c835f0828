//! SensorCalibrationHistory: a cold record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SensorCalibrationHistory {
    pub id: String,
    pub tags: Vec<String>,
    pub site_id: String,
    pub score: f64,
    pub updated_at: i64,
    pub revision: i64,
    pub note: String,
}

impl SensorCalibrationHistory {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("sensor_calibration_history: id is required".into());
        }
        if self.score < 0.0 {
            return Err(format!("sensor_calibration_history: score must not be negative, got {}", self.score));
        }
        if self.updated_at < 0 {
            return Err(format!("sensor_calibration_history: updated_at must not be negative, got {}", self.updated_at));
        }
        if self.revision < 0 {
            return Err(format!("sensor_calibration_history: revision must not be negative, got {}", self.revision));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("sensor_calibration_history:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(SensorCalibrationHistory::default().validate().is_err());
    }
}
