use jsonwebtoken::{decode, Algorithm, DecodingKey, Validation};
use tonic::{Request, Status};

use crate::session::Claims;

#[derive(Clone)]
pub struct Auth {
    key: DecodingKey,
    validation: Validation,
}

impl Auth {
    pub fn new(secret: &[u8]) -> Self {
        let mut v = Validation::new(Algorithm::HS256);
        v.set_audience(&["towerd"]);
        v.leeway = 1;
        Self { key: DecodingKey::from_secret(secret), validation: v }
    }
}

impl tonic::service::Interceptor for Auth {
    fn call(&mut self, mut req: Request<()>) -> Result<Request<()>, Status> {
        let tok = req
            .metadata()
            .get("authorization")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .ok_or_else(|| Status::unauthenticated("missing token"))?;
        let claims = decode::<Claims>(tok, &self.key, &self.validation)
            .map_err(|e| Status::unauthenticated(e.to_string()))?
            .claims;
        req.extensions_mut().insert(claims);
        Ok(req)
    }
}
