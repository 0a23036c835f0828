use crate::claims::Claims;

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum Denied {
    #[error("insufficient_scope")]
    InsufficientScope,
    #[error("resource_not_owned")]
    ResourceNotOwned,
    #[error("unknown_tool")]
    UnknownTool,
}

fn required_scope(tool: &str) -> Option<&'static str> {
    Some(match tool {
        "echo" => "tools:echo",
        "read_file" => "files:read",
        "write_file" => "files:write",
        "web_fetch" => "net:fetch",
        _ => return None,
    })
}

pub fn authorize(claims: &Claims, tool: &str, resource_uri: &str) -> Result<(), Denied> {
    let scope = required_scope(tool).ok_or(Denied::UnknownTool)?;
    if !claims.scopes().contains(scope) {
        return Err(Denied::InsufficientScope);
    }
    if !resource_uri.is_empty() && !resource_uri.starts_with(&format!("res://{}/", claims.sub)) {
        return Err(Denied::ResourceNotOwned);
    }
    Ok(())
}
