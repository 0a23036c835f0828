use jsonwebtoken::{decode, Algorithm, DecodingKey, Validation};
use serde::Deserialize;
use tonic::{Request, Status};

#[derive(Debug, Clone, Deserialize)]
pub struct Claims {
    pub sub: String,
    pub exp: u64,
    /// "manager" for arena staff, "machine" for resurfacers
    pub kind: String,
    #[serde(default)]
    pub arenas: Vec<String>,
}

#[derive(Clone)]
pub struct JwtCheck {
    key: DecodingKey,
    validation: Validation,
}

impl JwtCheck {
    pub fn new(pem: &[u8], issuer: &str) -> Self {
        let mut validation = Validation::new(Algorithm::ES256);
        validation.set_issuer(&[issuer]);
        validation.set_audience(&["rinkd"]);
        validation.leeway = 1;
        Self { key: DecodingKey::from_ec_pem(pem).expect("ec key"), validation }
    }

    /// Interceptor: runs once when each call arrives.
    pub fn intercept(&self, mut req: Request<()>) -> Result<Request<()>, Status> {
        let header = req
            .metadata()
            .get("authorization")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .ok_or_else(|| Status::unauthenticated("missing bearer token"))?;
        let data = decode::<Claims>(header, &self.key, &self.validation)
            .map_err(|e| Status::unauthenticated(format!("invalid token: {e}")))?;
        req.extensions_mut().insert(data.claims);
        Ok(req)
    }
}
