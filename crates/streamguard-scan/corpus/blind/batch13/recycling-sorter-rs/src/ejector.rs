use crate::pb::{Detection, EjectCommand};

/// Maps a detection to an air-jet valve and firing delay from the belt
/// speed and the camera-to-valve distance.
#[derive(Clone)]
pub struct Ejector {
    pub belt_mm_per_s: f32,
    pub camera_to_valves_mm: f32,
    pub valve_pitch_mm: f32,
    pub eject: Vec<String>,
    pub min_confidence: f32,
}

impl Ejector {
    pub fn plan(&self, d: &Detection) -> Option<EjectCommand> {
        if d.confidence < self.min_confidence || !self.eject.iter().any(|m| m == &d.material) {
            return None;
        }
        let valve = (d.x_mm / self.valve_pitch_mm).floor().max(0.0) as u32;
        let delay_us = (self.camera_to_valves_mm / self.belt_mm_per_s * 1_000_000.0) as u32;
        Some(EjectCommand { frame: d.frame, valve, delay_us })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ej() -> Ejector {
        Ejector { belt_mm_per_s: 3000.0, camera_to_valves_mm: 600.0, valve_pitch_mm: 12.5, eject: vec!["PET".into()], min_confidence: 0.8 }
    }

    #[test]
    fn ejects_pet_with_belt_delay() {
        let c = ej().plan(&Detection { frame: 1, material: "PET".into(), x_mm: 250.0, confidence: 0.95 }).unwrap();
        assert_eq!(c.valve, 20);
        assert_eq!(c.delay_us, 200_000);
    }

    #[test]
    fn ignores_low_confidence() {
        assert!(ej().plan(&Detection { frame: 2, material: "PET".into(), x_mm: 10.0, confidence: 0.5 }).is_none());
    }
}
