use jsonwebtoken::{decode, Algorithm, DecodingKey, Validation};
use serde::Deserialize;
use tonic::{Request, Status};

#[derive(Debug, Clone, Deserialize)]
pub struct DeviceClaims {
    pub sub: String,
    pub exp: u64,
    #[serde(default)]
    pub fleet: String,
    #[serde(default)]
    pub scope: String,
}

impl DeviceClaims {
    pub fn can_subscribe(&self) -> bool {
        self.scope.split_whitespace().any(|s| s == "telemetry:read")
    }
}

#[derive(Clone)]
pub struct DeviceAuth {
    key: DecodingKey,
    validation: Validation,
}

impl DeviceAuth {
    pub fn from_pem(pem: &[u8], audience: &str) -> anyhow::Result<Self> {
        let mut validation = Validation::new(Algorithm::ES256);
        validation.set_audience(&[audience]);
        validation.set_required_spec_claims(&["exp", "sub", "aud"]);
        validation.leeway = 1;
        Ok(Self { key: DecodingKey::from_ec_pem(pem)?, validation })
    }

    pub fn check(&self, mut req: Request<()>) -> Result<Request<()>, Status> {
        let header = req
            .metadata()
            .get("authorization")
            .and_then(|v| v.to_str().ok())
            .ok_or_else(|| Status::unauthenticated("missing authorization"))?;
        let token = header
            .strip_prefix("Bearer ")
            .ok_or_else(|| Status::unauthenticated("expected bearer token"))?;
        let data = decode::<DeviceClaims>(token, &self.key, &self.validation)
            .map_err(|e| Status::unauthenticated(format!("invalid token: {e}")))?;
        req.extensions_mut().insert(data.claims);
        Ok(req)
    }
}
