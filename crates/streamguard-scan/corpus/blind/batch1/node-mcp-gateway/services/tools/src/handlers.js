'use strict';

const grpc = require('@grpc/grpc-js');
const { identityOf } = require('./auth');
const { allows } = require('./scopes');
const { executor, run } = require('./downstream');
const store = require('./resource-store');

function denied(requestId, message) {
  return {
    requestId,
    error: { code: grpc.status.PERMISSION_DENIED, status: 'PERMISSION_DENIED', message },
  };
}

function streamToolCalls(call) {
  const { sub, scopes } = identityOf(call);
  let authorized = false;

  call.on('data', async (msg) => {
    if (!authorized) {
      if (!allows(scopes, msg.name)) {
        call.write(denied(msg.requestId, 'insufficient_scope'));
        call.end();
        return;
      }
      authorized = true;
    }

    try {
      const result = await run(
        { name: msg.name, arguments: msg.arguments },
        { deadline: Date.now() + 30_000 },
      );
      call.write({ requestId: msg.requestId, result });
    } catch (err) {
      call.write({
        requestId: msg.requestId,
        error: { code: err.code || grpc.status.INTERNAL, status: 'INTERNAL', message: err.details || String(err) },
      });
    }
  });

  call.on('end', () => call.end());
  call.on('error', (err) => console.warn('stream %s error: %s', sub, err.message));
}

function callToolWithProgress(call) {
  const { scopes } = identityOf(call);
  const req = call.request;
  if (!allows(scopes, req.name)) {
    call.destroy({ code: grpc.status.PERMISSION_DENIED, details: 'insufficient_scope' });
    return;
  }

  const progress = executor.runWithProgress(
    { name: req.name, arguments: req.arguments },
    { parent: call },
  );
  progress.on('data', (p) => call.write({ requestId: '', progress: p }));
  progress.on('error', (err) => call.destroy(err));
  progress.on('end', () => call.end());
}

function uploadToolInput(call, callback) {
  const { scopes } = identityOf(call);
  const chunks = [];
  let toolName = null;
  let pending = null;

  call.on('data', (chunk) => {
    toolName = toolName || chunk.name;
    chunks.push(chunk.data);
  });

  call.on('cancelled', () => {
    if (pending) pending.cancel();
  });

  call.on('end', () => {
    if (!allows(scopes, toolName)) {
      callback({ code: grpc.status.PERMISSION_DENIED, details: 'insufficient_scope' });
      return;
    }
    const payload = Buffer.concat(chunks).toString('utf8');
    pending = executor.run(
      { name: toolName, arguments: { fields: { input: { stringValue: payload } } } },
      { deadline: call.getDeadline() },
      (err, res) => {
        pending = null;
        if (err) callback(err);
        else callback(null, res);
      },
    );
  });
}

function watchResource(call) {
  const { uri, intervalMs } = call.request;
  const every = Math.max(Number(intervalMs) || 1000, 250);
  let seq = 0;
  let lastText = null;

  const timer = setInterval(() => {
    const text = store.read(uri);
    if (text === lastText) return;
    lastText = text;
    seq += 1;
    call.write({ seq, uri, unixMs: Date.now(), text });
  }, every);

  call.on('cancelled', () => clearInterval(timer));
  call.on('close', () => clearInterval(timer));
}

module.exports = {
  streamToolCalls,
  callToolWithProgress,
  uploadToolInput,
  watchResource,
};
