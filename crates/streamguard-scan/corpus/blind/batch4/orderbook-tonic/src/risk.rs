use std::time::Duration;

use tonic::transport::{Channel, Endpoint};

use crate::pb::risk_client::RiskClient;
use crate::pb::{RiskCheck, RiskVerdict};

#[derive(Clone)]
pub struct Risk {
    client: RiskClient<Channel>,
}

impl Risk {
    pub fn lazy(url: &str, timeout: Duration) -> Result<Self, tonic::transport::Error> {
        let channel = Endpoint::from_shared(url.to_owned())?
            .timeout(timeout)
            .connect_timeout(Duration::from_secs(1))
            .connect_lazy();
        Ok(Self { client: RiskClient::new(channel) })
    }

    pub async fn check(&self, account: &str, symbol: &str, notional: i64) -> Result<RiskVerdict, tonic::Status> {
        let mut client = self.client.clone();
        let req = tonic::Request::new(RiskCheck { account: account.into(), symbol: symbol.into(), notional });
        Ok(client.check(req).await?.into_inner())
    }
}
