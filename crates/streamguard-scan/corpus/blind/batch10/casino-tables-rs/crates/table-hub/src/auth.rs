use jsonwebtoken::{decode, Algorithm, DecodingKey, Validation};
use serde::Deserialize;
use tonic::{Request, Status};

#[derive(Debug, Clone, Deserialize)]
pub struct StaffClaims {
    pub sub: String,
    pub exp: u64,
    pub role: String, // dealer, pit_boss, surveillance
    #[serde(default)]
    pub tables: Vec<String>,
}

impl StaffClaims {
    pub fn assigned_to(&self, table: &str) -> bool {
        self.tables.iter().any(|t| t == table)
    }
}

#[derive(Clone)]
pub struct StaffAuth {
    key: DecodingKey,
    validation: Validation,
}

impl StaffAuth {
    pub fn new(secret: &[u8]) -> Self {
        let mut validation = Validation::new(Algorithm::HS256);
        validation.set_issuer(&["casino-sso"]);
        validation.set_audience(&["table-hub"]);
        Self { key: DecodingKey::from_secret(secret), validation }
    }

    pub fn verify(&self, token: &str) -> Result<StaffClaims, Status> {
        decode::<StaffClaims>(token, &self.key, &self.validation)
            .map(|d| d.claims)
            .map_err(|e| Status::unauthenticated(e.to_string()))
    }

    /// Interceptor: runs when the call arrives, stores the claims in the request extensions.
    pub fn interceptor(self) -> impl FnMut(Request<()>) -> Result<Request<()>, Status> + Clone {
        move |mut req: Request<()>| {
            let token = req
                .metadata()
                .get("authorization")
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.strip_prefix("Bearer "))
                .ok_or_else(|| Status::unauthenticated("missing token"))?
                .to_owned();
            let claims = self.verify(&token)?;
            req.extensions_mut().insert(claims);
            Ok(req)
        }
    }
}
