use jsonwebtoken::{decode, Algorithm, DecodingKey, Validation};
use serde::Deserialize;
use tonic::{Request, Status};

#[derive(Debug, Clone, Deserialize)]
pub struct Official {
    pub sub: String,
    pub exp: u64,
    #[serde(default)]
    pub regattas: Vec<String>,
    #[serde(default)]
    pub races: Vec<String>,
    #[serde(default)]
    pub role: String,
}

impl Official {
    pub fn covers_race(&self, race_id: &str) -> bool {
        self.races.iter().any(|r| r == race_id || r == "*")
    }
}

#[derive(Clone)]
pub struct JwtCheck {
    key: DecodingKey,
    validation: Validation,
}

impl JwtCheck {
    pub fn new(secret: &[u8]) -> Self {
        let mut validation = Validation::new(Algorithm::HS256);
        validation.set_issuer(&["https://officials.rowing.example"]);
        validation.set_audience(&["regatta-timing"]);
        validation.leeway = 1;
        Self { key: DecodingKey::from_secret(secret), validation }
    }

    /// tonic interceptor: runs once per call, when it opens.
    pub fn intercept(&self, mut req: Request<()>) -> Result<Request<()>, Status> {
        let token = req
            .metadata()
            .get("authorization")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .ok_or_else(|| Status::unauthenticated("missing token"))?;
        let data = decode::<Official>(token, &self.key, &self.validation)
            .map_err(|e| Status::unauthenticated(format!("invalid token: {e}")))?;
        req.extensions_mut().insert(data.claims);
        Ok(req)
    }
}
