use tonic::transport::Channel;

pub mod pb {
    tonic::include_proto!("venuegw.v1");
}

#[derive(Clone)]
pub struct VenueClient {
    inner: pb::venue_gateway_client::VenueGatewayClient<Channel>,
}

impl VenueClient {
    pub async fn connect(addr: String) -> anyhow::Result<Self> {
        let inner = pb::venue_gateway_client::VenueGatewayClient::connect(addr).await?;
        Ok(Self { inner })
    }

    pub async fn submit(
        &mut self,
        account: &str,
        order: &relay_proto::NewOrder,
    ) -> Result<String, tonic::Status> {
        let req = tonic::Request::new(pb::VenueOrder {
            cl_ord_id: order.cl_ord_id.clone(),
            account: account.to_string(),
            symbol: order.symbol.clone(),
            qty: order.qty,
            px_e8: order.px_e8,
        });
        let resp = self.inner.submit_order(req).await?;
        Ok(resp.into_inner().venue_order_id)
    }
}
