use jsonwebtoken::{decode, Algorithm, DecodingKey, Validation};
use serde::Deserialize;
use tonic::{Request, Status};

#[derive(Debug, Clone, Deserialize)]
pub struct AgentIdentity {
    pub sub: String,
    pub exp: u64,
    #[serde(default)]
    pub tenant: String,
}

#[derive(Clone)]
pub struct JwtInterceptor {
    key: DecodingKey,
    validation: Validation,
}

impl JwtInterceptor {
    pub fn from_rsa_pem(pem: &[u8]) -> Result<Self, jsonwebtoken::errors::Error> {
        let mut validation = Validation::new(Algorithm::RS256);
        validation.set_audience(&["metrics-agent"]);
        Ok(Self { key: DecodingKey::from_rsa_pem(pem)?, validation })
    }
}

impl tonic::service::Interceptor for JwtInterceptor {
    fn call(&mut self, mut req: Request<()>) -> Result<Request<()>, Status> {
        let token = req
            .metadata()
            .get("authorization")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .ok_or_else(|| Status::unauthenticated("missing token"))?;
        let data = decode::<AgentIdentity>(token, &self.key, &self.validation)
            .map_err(|e| Status::unauthenticated(format!("invalid token: {e}")))?;
        req.extensions_mut().insert(data.claims);
        Ok(req)
    }
}
