//! Bearer-token check shared by the radar services.

use jsonwebtoken::{decode, Algorithm, DecodingKey, Validation};
use serde::Deserialize;
use tonic::{Request, Status};

#[derive(Debug, Clone, Deserialize)]
pub struct Claims {
    pub sub: String,
    pub exp: u64,
    pub jti: String,
    #[serde(default)]
    pub stations: Vec<String>,
    #[serde(default)]
    pub scope: String,
}

impl Claims {
    pub fn may_read(&self, station: &str) -> bool {
        self.stations.iter().any(|s| s == station || s == "*")
    }
    pub fn has_scope(&self, want: &str) -> bool {
        self.scope.split(' ').any(|s| s == want)
    }
}

#[derive(Clone)]
pub struct JwtCheck {
    key: DecodingKey,
    validation: Validation,
}

impl JwtCheck {
    pub fn from_ec_pem(pem: &[u8], audience: &str) -> Result<Self, jsonwebtoken::errors::Error> {
        let mut validation = Validation::new(Algorithm::ES256);
        validation.set_audience(&[audience]);
        validation.leeway = 1;
        Ok(Self { key: DecodingKey::from_ec_pem(pem)?, validation })
    }

    pub fn verify(&self, token: &str) -> Result<Claims, Status> {
        decode::<Claims>(token, &self.key, &self.validation)
            .map(|d| d.claims)
            .map_err(|e| Status::unauthenticated(format!("invalid token: {e}")))
    }

    /// tonic interceptor: verifies the bearer token and stores the claims in the extensions.
    pub fn intercept(&self, mut req: Request<()>) -> Result<Request<()>, Status> {
        let token = req
            .metadata()
            .get("authorization")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .ok_or_else(|| Status::unauthenticated("missing bearer token"))?;
        let claims = self.verify(token)?;
        req.extensions_mut().insert(claims);
        Ok(req)
    }
}
