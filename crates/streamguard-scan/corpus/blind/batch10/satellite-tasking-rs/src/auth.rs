use std::sync::Arc;

use jsonwebtoken::{decode, Algorithm, DecodingKey, Validation};
use serde::Deserialize;
use tonic::{Request, Status};

#[derive(Debug, Clone, Deserialize)]
pub struct Claims {
    pub sub: String,
    pub jti: String,
    pub exp: u64,
    #[serde(default)]
    pub scope: String,
    #[serde(default)]
    pub regions: Vec<String>,
    #[serde(default)]
    pub orders: Vec<String>,
}

impl Claims {
    pub fn has_scope(&self, s: &str) -> bool {
        self.scope.split(' ').any(|x| x == s)
    }
    pub fn owns_order(&self, order: &str) -> bool {
        self.orders.iter().any(|o| o == order || (o.ends_with('*') && order.starts_with(&o[..o.len() - 1])))
    }
}

#[derive(Clone)]
pub struct JwtInterceptor {
    key: Arc<DecodingKey>,
    validation: Arc<Validation>,
}

impl JwtInterceptor {
    pub fn new(pem: &[u8], issuer: &str, audience: &str) -> Result<Self, jsonwebtoken::errors::Error> {
        let mut v = Validation::new(Algorithm::ES256);
        v.set_issuer(&[issuer]);
        v.set_audience(&[audience]);
        v.leeway = 1;
        v.set_required_spec_claims(&["exp", "sub", "jti", "aud", "iss"]);
        Ok(Self { key: Arc::new(DecodingKey::from_ec_pem(pem)?), validation: Arc::new(v) })
    }

    pub fn verify(&self, token: &str) -> Result<Claims, Status> {
        decode::<Claims>(token, &self.key, &self.validation)
            .map(|d| d.claims)
            .map_err(|e| Status::unauthenticated(format!("invalid token: {e}")))
    }
}

impl tonic::service::Interceptor for JwtInterceptor {
    fn call(&mut self, mut req: Request<()>) -> Result<Request<()>, Status> {
        let header = req
            .metadata()
            .get("authorization")
            .and_then(|v| v.to_str().ok())
            .ok_or_else(|| Status::unauthenticated("missing token"))?;
        let token = header.strip_prefix("Bearer ").ok_or_else(|| Status::unauthenticated("bearer expected"))?;
        let claims = self.verify(token)?;
        req.extensions_mut().insert(Arc::new(claims));
        Ok(req)
    }
}
