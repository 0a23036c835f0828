use tonic::{Request, Status};

use crate::keys::{Customer, KeyStore};

/// Interceptor: resolves the `x-api-key` header to a customer and stores it in
/// the request extensions.
#[derive(Clone)]
pub struct ApiKeyAuth {
    pub keys: KeyStore,
}

impl tonic::service::Interceptor for ApiKeyAuth {
    fn call(&mut self, mut req: Request<()>) -> Result<Request<()>, Status> {
        let key = req
            .metadata()
            .get("x-api-key")
            .and_then(|v| v.to_str().ok())
            .ok_or_else(|| Status::unauthenticated("x-api-key header required"))?;
        let customer = self
            .keys
            .lookup(key)
            .ok_or_else(|| Status::unauthenticated("unknown API key"))?;
        req.extensions_mut().insert(customer);
        Ok(req)
    }
}

pub fn customer<T>(req: &Request<T>) -> Result<Customer, Status> {
    req.extensions()
        .get::<Customer>()
        .cloned()
        .ok_or_else(|| Status::internal("api key interceptor not installed"))
}
