import * as grpc from '@grpc/grpc-js';
import { claimsOf, openSession, remainingMs } from '../session.js';
import { authorizeTool, runTool, TOOLS } from '../tools/registry.js';

type Frame = { json: Buffer };
type RpcMessage = { jsonrpc: '2.0'; id?: string | number; method?: string; params?: any };

function reply(call: grpc.ServerDuplexStream<Frame, Frame>, body: object) {
  call.write({ json: Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...body })) });
}

export function exchange(call: grpc.ServerDuplexStream<Frame, Frame>): void {
  const session = openSession(call, claimsOf(call));

  call.on('data', async (frame: Frame) => {
    let msg: RpcMessage;
    try {
      msg = JSON.parse(frame.json.toString('utf8'));
    } catch {
      reply(call, { id: null, error: { code: -32700, message: 'parse error' } });
      return;
    }

    switch (msg.method) {
      case 'initialize':
        reply(call, { id: msg.id, result: { protocolVersion: '2025-06-18', capabilities: { tools: {} }, serverInfo: { name: 'toolhub', version: '3.1.0' } } });
        return;
      case 'notifications/initialized':
        return;
      case 'tools/list':
        reply(call, { id: msg.id, result: { tools: Object.values(TOOLS).map(({ name, description }) => ({ name, description })) } });
        return;
      case 'tools/call': {
        const name = String(msg.params?.name ?? '');
        const uri = msg.params?.arguments?.uri;
        const denial = authorizeTool(name, session.scopes, session.claims.sub, uri);
        if (denial) {
          reply(call, { id: msg.id, error: { code: -32003, message: denial, data: { status: 'PERMISSION_DENIED' } } });
          return;
        }
        try {
          const result = await runTool(name, msg.params.arguments ?? {}, { signal: session.signal, timeoutMs: remainingMs(call) });
          reply(call, { id: msg.id, result });
        } catch (err: any) {
          if (session.signal.aborted) return;
          reply(call, { id: msg.id, error: { code: -32000, message: err.name === 'TimeoutError' ? 'deadline_exceeded' : 'tool_failed' } });
        }
        return;
      }
      default:
        if (msg.id !== undefined) reply(call, { id: msg.id, error: { code: -32601, message: 'method not found' } });
    }
  });

  call.on('end', () => {
    session.close();
    call.end();
  });
}
