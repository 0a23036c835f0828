//! SensorCalibration: a cold record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SensorCalibration {
    pub id: String,
    pub updated_at: i64,
    pub score: f64,
    pub kind: String,
    pub owner: String,
    pub label: String,
}

impl SensorCalibration {
    /// Reports the first problem with the record.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("sensor_calibration: id is required".into());
        }
        if self.updated_at < 0 {
            return Err(format!("sensor_calibration: updated_at must not be negative, got {}", self.updated_at));
        }
        if self.score < 0.0 {
            return Err(format!("sensor_calibration: score must not be negative, got {}", self.score));
        }
        Ok(())
    }

    pub fn key(&self) -> String {
        format!("sensor_calibration:{}", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_id_is_rejected() {
        assert!(SensorCalibration::default().validate().is_err());
    }
}
