//! Client of the property-management system (PMS) gRPC API.
use locks_proto::v1::{pms_client::PmsClient, DoorEvent, RevokedKeycardsRequest};
use tonic::transport::Channel;
use tonic::Request;

#[derive(Clone)]
pub struct Pms {
    inner: PmsClient<Channel>,
}

impl Pms {
    pub async fn connect(url: String) -> Result<Self, tonic::transport::Error> {
        Ok(Self { inner: PmsClient::connect(url).await? })
    }

    pub async fn report(&self, ev: DoorEvent) -> Result<(), tonic::Status> {
        self.inner.clone().report_door_event(Request::new(ev)).await.map(|_| ())
    }

    pub async fn revoked_keycards(&self, floor: u32) -> Result<Vec<String>, tonic::Status> {
        let resp = self.inner.clone().revoked_keycards(Request::new(RevokedKeycardsRequest { floor })).await?;
        Ok(resp.into_inner().keycards)
    }
}
