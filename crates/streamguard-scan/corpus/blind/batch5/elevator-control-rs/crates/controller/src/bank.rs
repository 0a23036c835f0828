use dashmap::DashMap;
use lift_proto::{BankStatus, CarState, CarTelemetry};

#[derive(Default)]
pub struct Banks {
    cars: DashMap<String, (String, CarState)>, // car_id -> (bank_id, state)
}

impl Banks {
    pub fn update(&self, bank_id: &str, t: &CarTelemetry) {
        let direction = match self.cars.get(&t.car_id) {
            Some(prev) if prev.1.floor < t.floor => "up",
            Some(prev) if prev.1.floor > t.floor => "down",
            _ => "idle",
        };
        self.cars.insert(t.car_id.clone(), (bank_id.to_owned(), CarState { car_id: t.car_id.clone(), floor: t.floor, direction: direction.into() }));
    }

    pub fn status(&self, bank_id: &str) -> BankStatus {
        let mut cars: Vec<CarState> = self.cars.iter().filter(|e| e.value().0 == bank_id).map(|e| e.value().1.clone()).collect();
        cars.sort_by(|a, b| a.car_id.cmp(&b.car_id));
        BankStatus { bank_id: bank_id.to_owned(), cars }
    }
}
