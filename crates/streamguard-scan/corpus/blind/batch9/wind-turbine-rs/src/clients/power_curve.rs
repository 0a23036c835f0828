//! Expected power from the manufacturer's power curve, for underperformance alarms.

/// (wind m/s, kW) points, sorted by wind speed.
pub struct PowerCurve(pub Vec<(f32, f32)>);

impl PowerCurve {
    pub fn expected_kw(&self, wind: f32) -> f32 {
        let pts = &self.0;
        match pts.iter().position(|(w, _)| *w >= wind) {
            None => pts.last().map(|p| p.1).unwrap_or(0.0),
            Some(0) => pts.first().map(|p| if wind < p.0 { 0.0 } else { p.1 }).unwrap_or(0.0),
            Some(i) => {
                let (w0, p0) = pts[i - 1];
                let (w1, p1) = pts[i];
                p0 + (p1 - p0) * (wind - w0) / (w1 - w0)
            }
        }
    }

    /// Ratio of actual to expected output; None below cut-in.
    pub fn performance(&self, wind: f32, actual_kw: f32) -> Option<f32> {
        let e = self.expected_kw(wind);
        (e > 1.0).then(|| actual_kw / e)
    }
}
