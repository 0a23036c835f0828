TOOL_SCOPES = {
    "fs.read": "files:read",
    "fs.write": "files:write",
    "git.log": "repo:read",
    "git.push": "repo:write",
    "http.fetch": "net:egress",
}


def check(principal, tool: str, resource_uri: str = "") -> str | None:
    needed = TOOL_SCOPES.get(tool)
    if needed is None:
        return "unknown_tool"
    if needed not in principal.scopes:
        return "insufficient_scope"
    if resource_uri and not resource_uri.startswith(f"res://{principal.sub}/"):
        return "resource_not_owned"
    return None
