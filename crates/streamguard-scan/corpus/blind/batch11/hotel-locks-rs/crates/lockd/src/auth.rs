//! JWT interceptor: staff apps and floor controllers present `authorization: Bearer <jwt>`.
use jsonwebtoken::{decode, Algorithm, DecodingKey, Validation};
use serde::Deserialize;
use tonic::{Request, Status};

#[derive(Debug, Clone, Deserialize)]
pub struct Claims {
    pub sub: String,
    pub exp: u64,
    #[serde(default)]
    pub role: String, // "security" | "front-desk" | "controller"
    #[serde(default)]
    pub floors: Vec<u32>,
}

impl Claims {
    pub fn floor_allowed(&self, floor: u32) -> bool {
        self.floors.contains(&floor)
    }
}

#[derive(Clone)]
pub struct JwtAuth {
    key: DecodingKey,
    validation: Validation,
}

impl JwtAuth {
    pub fn from_rsa_pem(pem: &[u8], audience: &str) -> anyhow_lite::Result<Self> {
        let mut validation = Validation::new(Algorithm::RS256);
        validation.set_audience(&[audience]);
        validation.leeway = 1;
        Ok(Self { key: DecodingKey::from_rsa_pem(pem)?, validation })
    }

    pub fn intercept(&self, mut req: Request<()>) -> Result<Request<()>, Status> {
        let token = req
            .metadata()
            .get("authorization")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .ok_or_else(|| Status::unauthenticated("missing bearer token"))?;
        let data = decode::<Claims>(token, &self.key, &self.validation)
            .map_err(|_| Status::unauthenticated("invalid token"))?;
        req.extensions_mut().insert(data.claims);
        Ok(req)
    }
}

pub mod anyhow_lite {
    pub type Result<T> = std::result::Result<T, Box<dyn std::error::Error + Send + Sync>>;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floors() {
        let c = Claims { sub: "ctl-7".into(), exp: 0, role: "controller".into(), floors: vec![7] };
        assert!(c.floor_allowed(7));
        assert!(!c.floor_allowed(8));
    }

    #[test]
    fn missing_header_is_unauthenticated() {
        let pem = include_bytes!("../testdata/jwt_pub.pem");
        let auth = JwtAuth::from_rsa_pem(pem, "lockd").unwrap();
        let err = auth.intercept(Request::new(())).unwrap_err();
        assert_eq!(err.code(), tonic::Code::Unauthenticated);
    }
}
