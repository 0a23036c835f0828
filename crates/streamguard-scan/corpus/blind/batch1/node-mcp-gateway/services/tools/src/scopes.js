'use strict';

const TOOL_SCOPES = {
  echo: 'tools:basic',
  search_docs: 'docs:read',
  read_file: 'files:read',
  write_file: 'files:write',
  delete_repo: 'repo:admin',
};

function requiredScope(toolName) {
  return TOOL_SCOPES[toolName];
}

function allows(scopes, toolName) {
  const need = requiredScope(toolName);
  return Boolean(need) && scopes.includes(need);
}

module.exports = { requiredScope, allows, TOOL_SCOPES };
