use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use lift_proto::controller_server::Controller;
use lift_proto::predictor_client::PredictorClient;
use lift_proto::{BankRequest, BankStatus, CarCommand, CarTelemetry};
use tokio_stream::{Stream, StreamExt};
use tonic::transport::Channel;
use tonic::{Request, Response, Status, Streaming};

use crate::bank::Banks;
use crate::deadline;

pub struct ControllerService {
    pub banks: Arc<Banks>,
    pub predictor: PredictorClient<Channel>,
}

type Out<T> = Pin<Box<dyn Stream<Item = Result<T, Status>> + Send>>;

/// The car's identity is the CN of its client certificate (mTLS; see main.rs).
fn car_identity<T>(req: &Request<T>) -> Result<(String, String), Status> {
    let certs = req.peer_certs().ok_or_else(|| Status::unauthenticated("client certificate required"))?;
    let cert = certs.first().ok_or_else(|| Status::unauthenticated("empty certificate chain"))?;
    crate::tls::car_and_bank(cert.as_ref()).ok_or_else(|| Status::unauthenticated("certificate has no car/bank CN"))
}

#[tonic::async_trait]
impl Controller for ControllerService {
    type CarLinkStream = Out<CarCommand>;
    type WatchBankStream = Out<BankStatus>;

    async fn car_link(&self, request: Request<Streaming<CarTelemetry>>) -> Result<Response<Self::CarLinkStream>, Status> {
        let (car_id, bank_id) = car_identity(&request)?;
        let deadline = deadline::from_metadata(request.metadata());
        let banks = self.banks.clone();
        let predictor = self.predictor.clone();
        let mut telemetry = request.into_inner();

        let out = async_stream::try_stream! {
            while let Some(mut t) = telemetry.message().await? {
                // Telemetry always belongs to the authenticated car, whatever the frame says.
                t.car_id = car_id.clone();
                banks.update(&bank_id, &t);
                if t.fault_code != 0 {
                    let mut req = Request::new(t.clone());
                    if let Some(left) = deadline::remaining(deadline, Duration::from_secs(2)) {
                        req.set_timeout(left);
                    } else {
                        Err(Status::deadline_exceeded("link deadline passed"))?;
                    }
                    let risk = predictor.clone().score(req).await.map(|r| r.into_inner().failure_risk).unwrap_or(0.0);
                    if risk > 0.8 {
                        yield CarCommand { car_id: car_id.clone(), go_to_floor: 0, hold_doors: true };
                    }
                }
            }
        };
        Ok(Response::new(Box::pin(out)))
    }

    async fn watch_bank(&self, request: Request<BankRequest>) -> Result<Response<Self::WatchBankStream>, Status> {
        let bank_id = request.into_inner().bank_id;
        let banks = self.banks.clone();
        let ticks = tokio_stream::wrappers::IntervalStream::new(tokio::time::interval(Duration::from_secs(1)));
        let out = ticks.map(move |_| Ok(banks.status(&bank_id)));
        Ok(Response::new(Box::pin(out)))
    }
}
