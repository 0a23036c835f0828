import path from 'node:path';
import { readFile } from 'node:fs/promises';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { claimsOf, openSession, remainingMs } from '../session.js';
import { authorizeTool, runTool } from '../tools/registry.js';

const execDef = protoLoader.loadSync(path.resolve(process.env.PROTO_DIR ?? '../proto', 'executor/v1/executor.proto'), { keepCase: false });
const execPkg = grpc.loadPackageDefinition(execDef) as any;
const executor = new execPkg.executor.v1.Executor(process.env.EXECUTOR_ADDR ?? 'executor.internal:7000', grpc.credentials.createInsecure());

const MIN_INTERVAL_MS = 250;

function callToolWithProgress(call: grpc.ServerWritableStream<any, any>): void {
  const session = openSession(call, claimsOf(call));
  const { name, arguments: args } = call.request;
  const denial = authorizeTool(name, session.scopes, session.claims.sub, args?.fields?.uri?.stringValue);
  if (denial) {
    call.destroy({ code: grpc.status.PERMISSION_DENIED, details: denial });
    return;
  }

  const run = executor.run(
    { tool: name, arguments: args },
    { parent: call, propagate_flags: grpc.propagate.DEADLINE | grpc.propagate.CANCELLATION },
  );
  run.on('data', (ev: any) => {
    if (ev.progress) call.write({ requestId: '', progress: ev.progress });
    if (ev.result) call.write({ requestId: '', result: ev.result });
  });
  run.on('error', (err: grpc.ServiceError) => {
    if (err.code === grpc.status.CANCELLED) return;
    call.write({ requestId: '', error: { code: err.code, status: grpc.status[err.code], message: err.details } });
    call.end();
  });
  run.on('end', () => {
    session.close();
    call.end();
  });
}

function streamToolCalls(call: grpc.ServerDuplexStream<any, any>): void {
  const session = openSession(call, claimsOf(call));
  let inflight = 0;
  let ended = false;

  call.on('data', async (tc: any) => {
    const denial = authorizeTool(tc.name, session.scopes, session.claims.sub, tc.resourceUri || undefined);
    if (denial) {
      call.write({ requestId: tc.requestId, error: { code: 7, status: 'PERMISSION_DENIED', message: denial } });
      return;
    }
    inflight++;
    try {
      const result = await runTool(tc.name, tc.arguments, { signal: session.signal, timeoutMs: remainingMs(call) });
      call.write({ requestId: tc.requestId, result });
    } catch (err: any) {
      if (!session.signal.aborted) {
        call.write({ requestId: tc.requestId, error: { code: 13, status: 'INTERNAL', message: String(err.message) } });
      }
    } finally {
      inflight--;
      if (ended && inflight === 0) call.end();
    }
  });

  call.on('end', () => {
    ended = true;
    if (inflight === 0) {
      session.close();
      call.end();
    }
  });
}

function uploadToolInput(call: grpc.ServerReadableStream<any, any>, callback: grpc.sendUnaryData<any>): void {
  const session = openSession(call, claimsOf(call));
  const chunks: Buffer[] = [];
  let tool: string | undefined;
  let size = 0;

  call.on('data', (chunk: any) => {
    if (tool === undefined) {
      const denial = authorizeTool(chunk.name, session.scopes, session.claims.sub);
      if (denial) {
        call.destroy({ code: grpc.status.PERMISSION_DENIED, details: denial });
        return;
      }
      tool = chunk.name;
    } else if (chunk.name && chunk.name !== tool) {
      call.destroy({ code: grpc.status.INVALID_ARGUMENT, details: 'tool name changed mid-upload' });
      return;
    }
    size += chunk.data.length;
    if (size > 8 * 1024 * 1024) {
      call.destroy({ code: grpc.status.RESOURCE_EXHAUSTED, details: 'input too large' });
      return;
    }
    chunks.push(chunk.data);
  });

  call.on('end', async () => {
    try {
      const input = Buffer.concat(chunks).toString('utf8');
      const result = await runTool(tool!, { input }, { signal: session.signal, timeoutMs: remainingMs(call) });
      callback(null, result);
    } catch (err: any) {
      callback({ code: grpc.status.INTERNAL, details: err.message });
    } finally {
      session.close();
    }
  });
}

function watchResource(call: grpc.ServerWritableStream<any, any>): void {
  const session = openSession(call, claimsOf(call));
  const { uri, intervalMs } = call.request;
  const denial = authorizeTool('read_file', session.scopes, session.claims.sub, uri);
  if (denial) {
    call.destroy({ code: grpc.status.PERMISSION_DENIED, details: denial });
    return;
  }

  let seq = 0;
  let last = '';
  const file = uri.replace(/^ws:\/\/[^/]+/, process.env.WORKSPACE_ROOT ?? '/srv/ws');
  const timer = setInterval(async () => {
    const text = await readFile(file, 'utf8').catch(() => '');
    if (text === last) return;
    last = text;
    call.write({ seq: ++seq, uri, unixMs: Date.now(), text });
  }, Math.max(MIN_INTERVAL_MS, intervalMs || 1000));

  const stop = () => clearInterval(timer);
  call.on('cancelled', stop);
  call.on('close', stop);
  session.signal.addEventListener('abort', stop);
}

export const streamingHandlers = {
  callToolWithProgress,
  streamToolCalls,
  uploadToolInput,
  watchResource,
};
