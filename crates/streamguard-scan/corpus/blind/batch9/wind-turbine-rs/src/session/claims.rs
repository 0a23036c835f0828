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
    pub farms: Vec<String>,
}

impl Claims {
    pub fn has_scope(&self, s: &str) -> bool {
        self.scope.split_whitespace().any(|x| x == s)
    }

    /// Turbine ids are "<farm>-<nn>".
    pub fn covers_turbine(&self, turbine_id: &str) -> bool {
        turbine_id.split_once('-').is_some_and(|(farm, _)| self.farms.iter().any(|f| f == farm))
    }
}

#[derive(Clone)]
pub struct Verifier {
    key: DecodingKey,
    validation: Validation,
}

impl Verifier {
    pub fn new(secret_pem: &[u8], issuer: &str, audience: &str) -> anyhow::Result<Self> {
        let mut validation = Validation::new(Algorithm::ES256);
        validation.set_issuer(&[issuer]);
        validation.set_audience(&[audience]);
        validation.set_required_spec_claims(&["exp", "sub", "jti"]);
        validation.leeway = 1;
        Ok(Self { key: DecodingKey::from_ec_pem(secret_pem)?, validation })
    }

    pub fn intercept(&self, mut req: Request<()>) -> Result<Request<()>, Status> {
        let token = req
            .metadata()
            .get("authorization")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .ok_or_else(|| Status::unauthenticated("missing bearer token"))?;
        let claims = decode::<Claims>(token, &self.key, &self.validation)
            .map_err(|e| Status::unauthenticated(format!("invalid token: {e}")))?
            .claims;
        req.extensions_mut().insert(claims);
        Ok(req)
    }
}
