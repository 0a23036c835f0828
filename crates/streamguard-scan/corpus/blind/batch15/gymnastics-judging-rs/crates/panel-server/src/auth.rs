use jsonwebtoken::{decode, Algorithm, DecodingKey, Validation};
use serde::Deserialize;
use tonic::{Request, Status};

#[derive(Debug, Clone, Deserialize)]
pub struct JudgeClaims {
    pub sub: String,
    pub exp: u64,
    #[serde(default)]
    pub panels: Vec<String>, // "<competition>/<apparatus>"
    #[serde(default)]
    pub role: String, // "judge" | "screen" | "broadcaster"
}

impl JudgeClaims {
    pub fn sits_on(&self, competition: &str, apparatus: &str) -> bool {
        let key = format!("{competition}/{apparatus}");
        self.panels.iter().any(|p| p == &key)
    }
}

#[derive(Clone)]
pub struct Authenticator {
    key: DecodingKey,
    validation: Validation,
}

impl Authenticator {
    pub fn from_rsa_pem(pem: &[u8]) -> anyhow::Result<Self> {
        let mut validation = Validation::new(Algorithm::RS256);
        validation.set_audience(&["judging"]);
        validation.set_issuer(&["https://accounts.fig-scoring.example"]);
        validation.leeway = 1;
        Ok(Self { key: DecodingKey::from_rsa_pem(pem)?, validation })
    }

    pub fn verify(&self, token: &str) -> Result<JudgeClaims, Status> {
        decode::<JudgeClaims>(token, &self.key, &self.validation)
            .map(|d| d.claims)
            .map_err(|e| Status::unauthenticated(format!("invalid token: {e}")))
    }

    /// Interceptor: validates the bearer token when the stream opens and stores the claims.
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sits_on_matches_competition_and_apparatus() {
        let c = JudgeClaims { sub: "j1".into(), exp: 0, panels: vec!["worlds-24/VT".into()], role: "judge".into() };
        assert!(c.sits_on("worlds-24", "VT"));
        assert!(!c.sits_on("worlds-24", "UB"));
        assert!(!c.sits_on("euros-24", "VT"));
    }

    #[test]
    fn missing_header_is_unauthenticated() {
        let a = Authenticator {
            key: DecodingKey::from_secret(b"x"),
            validation: Validation::new(Algorithm::HS256),
        };
        let err = a.intercept(Request::new(())).unwrap_err();
        assert_eq!(err.code(), tonic::Code::Unauthenticated);
    }
}
