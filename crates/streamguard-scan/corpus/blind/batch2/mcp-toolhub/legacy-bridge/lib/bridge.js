'use strict';

const grpc = require('@grpc/grpc-js');
const jwt = require('jsonwebtoken');
const jsonrpc = require('jsonrpc-lite');
const { createToolClient } = require('./toolClient');

const TOOL_SCOPES = {
  search_docs: 'docs:read',
  read_file: 'files:read',
  write_file: 'files:write',
  run_sql: 'sql:read',
  deploy_preview: 'deploy:write',
};

function send(call, obj) {
  call.write({ json: Buffer.from(JSON.stringify(obj)) });
}

function createBridge({ jwtSecret, toolBackend }) {
  const tools = createToolClient(toolBackend);

  function exchange(call) {
    const auth = (call.metadata.get('authorization')[0] || '').toString();
    let claims;
    try {
      claims = jwt.verify(auth.replace(/^Bearer /, ''), jwtSecret, { algorithms: ['HS256'] });
    } catch (e) {
      call.destroy({ code: grpc.status.UNAUTHENTICATED, details: 'bad token' });
      return;
    }
    const scopes = new Set(String(claims.scope || '').split(' '));
    const state = { initialized: false, authorized: false };

    call.on('data', async (frame) => {
      const parsed = jsonrpc.parseObject(JSON.parse(frame.json.toString()));
      if (parsed.type !== 'request' && parsed.type !== 'notification') return;
      const { method, params, id } = parsed.payload;

      if (method === 'initialize') {
        state.initialized = true;
        send(call, jsonrpc.success(id, { protocolVersion: '2024-11-05', capabilities: { tools: {} } }));
        return;
      }
      if (!state.initialized) {
        send(call, jsonrpc.error(id, new jsonrpc.JsonRpcError('not initialized', -32002)));
        return;
      }
      if (method === 'tools/list') {
        const list = await tools.listTools();
        send(call, jsonrpc.success(id, { tools: list }));
        return;
      }
      if (method === 'tools/call') {
        if (!state.authorized) {
          const needed = TOOL_SCOPES[params.name];
          if (!needed || !scopes.has(needed)) {
            send(call, jsonrpc.error(id, new jsonrpc.JsonRpcError('insufficient_scope', -32003)));
            return;
          }
          state.authorized = true;
        }
        try {
          const res = await tools.callTool(params.name, params.arguments || {});
          send(call, jsonrpc.success(id, res));
        } catch (err) {
          send(call, jsonrpc.error(id, new jsonrpc.JsonRpcError(err.details || 'tool error', -32000)));
        }
        return;
      }
      if (id !== undefined) send(call, jsonrpc.error(id, jsonrpc.JsonRpcError.methodNotFound()));
    });

    call.on('end', () => call.end());
  }

  return { exchange };
}

module.exports = { createBridge };
