import * as grpc from '@grpc/grpc-js';
import { watch, type FSWatcher } from 'chokidar';
import { readFile } from 'node:fs/promises';
import type { McpStreamingHandlers } from '../gen/mcp/v1/McpStreaming';
import { VERIFIED_SCOPES, VERIFIED_SUB } from '../interceptors/auth';
import { executor } from '../lib/executor';
import { toolCallLimiter } from '../lib/limiter';
import { ownsResource, permitted } from '../lib/policy';

const RESOURCE_ROOT = process.env.RESOURCE_ROOT ?? '/srv/resources';

function caller(call: grpc.ServerSurfaceCall) {
  const sub = String(call.metadata.get(VERIFIED_SUB)[0] ?? '');
  const scopes = String(call.metadata.get(VERIFIED_SCOPES)[0] ?? '')
    .split(' ')
    .filter(Boolean);
  return { sub, scopes };
}

function toolError(requestId: string, code: grpc.status, status: string, message: string) {
  return { requestId, error: { code, status, message } };
}

export const streamingHandlers: McpStreamingHandlers = {
  StreamToolCalls(call) {
    const { sub, scopes } = caller(call);

    call.on('data', (msg) => {
      if (!toolCallLimiter.hit(sub)) {
        call.destroy(Object.assign(new Error('rate_limit_exceeded'), { code: grpc.status.RESOURCE_EXHAUSTED }));
        return;
      }
      if (!permitted(scopes, msg.name)) {
        call.write(toolError(msg.requestId, grpc.status.PERMISSION_DENIED, 'PERMISSION_DENIED', 'insufficient_scope'));
        return;
      }
      if (!ownsResource(sub, msg.resourceUri)) {
        call.write(toolError(msg.requestId, grpc.status.PERMISSION_DENIED, 'PERMISSION_DENIED', 'resource_not_owned'));
        return;
      }
      executor.run(
        { name: msg.name, arguments: msg.arguments },
        { parent: call },
        (err: grpc.ServiceError | null, result: unknown) => {
          if (err) {
            if (err.code === grpc.status.CANCELLED) return;
            call.write(toolError(msg.requestId, err.code, grpc.status[err.code], err.details));
            return;
          }
          call.write({ requestId: msg.requestId, result });
        },
      );
    });

    call.on('end', () => call.end());
  },

  CallToolWithProgress(call) {
    const { scopes } = caller(call);
    const req = call.request;
    if (!permitted(scopes, req.name)) {
      call.destroy(Object.assign(new Error('insufficient_scope'), { code: grpc.status.PERMISSION_DENIED }));
      return;
    }
    const upstream: grpc.ClientReadableStream<{ fraction: number; note: string }> = executor.runWithProgress(
      { name: req.name, arguments: req.arguments },
      { parent: call, propagate_flags: grpc.propagate.DEADLINE },
    );
    upstream.on('data', (p) => call.write({ requestId: '', progress: p }));
    upstream.on('error', (err: grpc.ServiceError) => call.destroy(err));
    upstream.on('end', () => call.end());
  },

  UploadToolInput(call, callback) {
    const { sub, scopes } = caller(call);
    (async () => {
      let tool: string | undefined;
      const parts: Buffer[] = [];
      for await (const chunk of call) {
        tool ??= chunk.name;
        parts.push(Buffer.from(chunk.data));
        if (chunk.last) break;
      }
      if (!tool || !permitted(scopes, tool)) {
        callback({ code: grpc.status.PERMISSION_DENIED, details: 'insufficient_scope' });
        return;
      }
      if (!toolCallLimiter.hit(sub)) {
        callback({ code: grpc.status.RESOURCE_EXHAUSTED, details: 'rate_limit_exceeded' });
        return;
      }
      const input = Buffer.concat(parts).toString('utf8');
      executor.run(
        { name: tool, arguments: { fields: { input: { stringValue: input } } } },
        { parent: call },
        callback,
      );
    })().catch((err) => callback({ code: grpc.status.INTERNAL, details: String(err) }));
  },

  WatchResource(call) {
    const { sub } = caller(call);
    const { uri } = call.request;
    if (!ownsResource(sub, uri)) {
      call.destroy(Object.assign(new Error('resource_not_owned'), { code: grpc.status.PERMISSION_DENIED }));
      return;
    }
    const file = `${RESOURCE_ROOT}/${uri.replace(/^res:\/\//, '')}`;
    let seq = 0;
    const watcher: FSWatcher = watch(file, { awaitWriteFinish: true, ignoreInitial: false });
    const push = async () => {
      const text = await readFile(file, 'utf8').catch(() => '');
      if (call.cancelled) return;
      seq += 1;
      call.write({ seq: String(seq), uri, unixMs: String(Date.now()), text });
    };
    watcher.on('add', push).on('change', push);
    const close = () => void watcher.close();
    call.on('cancelled', close);
    call.on('close', close);
  },
};
