//! Latest known state of every drone in flight, shared by all handlers.

use dashmap::DashMap;
use std::sync::Arc;
use tokio::sync::broadcast;
use utm_proto::utm::TelemetryReport;

#[derive(Clone)]
pub struct Tracker {
    latest: Arc<DashMap<String, TelemetryReport>>,
    conflicts: broadcast::Sender<(String, String)>,
}

impl Tracker {
    pub fn new() -> Self {
        let (conflicts, _) = broadcast::channel(256);
        Self { latest: Arc::new(DashMap::new()), conflicts }
    }

    pub fn update(&self, drone: &str, report: TelemetryReport) {
        for other in self.latest.iter() {
            if other.key() != drone && too_close(other.value(), &report) {
                let _ = self.conflicts.send((drone.to_owned(), other.key().clone()));
            }
        }
        self.latest.insert(drone.to_owned(), report);
    }

    pub fn conflicts(&self) -> broadcast::Receiver<(String, String)> {
        self.conflicts.subscribe()
    }

    pub fn forget(&self, drone: &str) {
        self.latest.remove(drone);
    }
}

fn too_close(a: &TelemetryReport, b: &TelemetryReport) -> bool {
    let dlat = (a.lat - b.lat) * 111_320.0;
    let dlon = (a.lon - b.lon) * 111_320.0 * a.lat.to_radians().cos();
    let horizontal = (dlat * dlat + dlon * dlon).sqrt();
    horizontal < 50.0 && (a.alt_m - b.alt_m).abs() < 15.0
}
