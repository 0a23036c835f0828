//! Temperature-excursion detection for chilled and frozen cargo.

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Cargo {
    Chilled { setpoint_c: f32 },
    Frozen { setpoint_c: f32 },
}

#[derive(Debug, Default)]
pub struct ExcursionTracker {
    started_ts: Option<i64>,
    worst: f32,
}

impl ExcursionTracker {
    /// Feeds one supply-air reading; returns Some(duration_s, worst_delta) when an excursion ends.
    pub fn feed(&mut self, cargo: Cargo, supply_c: f32, ts: i64) -> Option<(i64, f32)> {
        let (limit, delta) = match cargo {
            Cargo::Chilled { setpoint_c } => (0.5, supply_c - setpoint_c),
            Cargo::Frozen { setpoint_c } => (2.0, supply_c - setpoint_c),
        };
        if delta.abs() > limit {
            self.started_ts.get_or_insert(ts);
            if delta.abs() > self.worst.abs() {
                self.worst = delta;
            }
            None
        } else if let Some(start) = self.started_ts.take() {
            let worst = std::mem::take(&mut self.worst);
            Some((ts.saturating_sub(start), worst))
        } else {
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excursion_is_reported_when_it_ends() {
        let mut t = ExcursionTracker::default();
        let cargo = Cargo::Chilled { setpoint_c: 2.0 };
        assert_eq!(t.feed(cargo, 3.0, 100), None);
        assert_eq!(t.feed(cargo, 4.0, 160), None);
        assert_eq!(t.feed(cargo, 2.1, 220), Some((120, 2.0)));
    }
}
