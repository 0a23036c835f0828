// A @grpc/grpc-js streaming tool server with no authentication of its own, used by the gateway
// tests. It trusts the identity the gateway sends (x-streamguard-*) after checking its HMAC
// signature, and records what reached it: tools called, calls cancelled, handlers running.
//
//   UPSTREAM_KEY=... node server.js [PORT]    prints "listening PORT"
'use strict';

const crypto = require('node:crypto');
const path = require('node:path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

const pkg = grpc.loadPackageDefinition(
  protoLoader.loadSync(path.join(__dirname, 'toolbox.proto'), { keepCase: true, longs: Number }),
).toolbox.v1;

const KEY = process.env.UPSTREAM_KEY || '';
const state = { tools: [], cancelled: [], active: 0, metadata: [], deadlines: [] };

// The check README.md documents: HMAC-SHA256 over the canonical string, constant-time compare,
// and a recent timestamp.
function verifiedIdentity(call) {
  const md = (k) => (call.metadata.get(k)[0] || '').toString();
  const ts = md('x-streamguard-timestamp');
  const canonical = ['streamguard-identity-v1', ts, call.getPath(), md('x-streamguard-sub'),
    md('x-streamguard-scopes'), md('x-streamguard-jti')].join('\n');
  const want = 'v1=' + crypto.createHmac('sha256', KEY).update(canonical).digest('hex');
  const got = md('x-streamguard-signature');
  const fresh = Math.abs(Date.now() / 1000 - Number(ts)) < 60;
  const verified = KEY !== '' && got.length === want.length && fresh
    && crypto.timingSafeEqual(Buffer.from(got), Buffer.from(want));
  return { sub: md('x-streamguard-sub'), verified };
}

function record(call) {
  state.metadata.push(call.metadata.getMap());
  const deadline = call.getDeadline();
  const at = deadline instanceof Date ? deadline.getTime() : Number(deadline);
  state.deadlines.push(Number.isFinite(at) ? at - Date.now() : null);
}

function track(call, name) {
  state.active += 1;
  let done = false;
  const finish = () => { if (!done) { done = true; state.active -= 1; } };
  call.on('cancelled', () => { state.cancelled.push({ name, at: Date.now() }); finish(); });
  call.on('finish', finish);
  call.on('error', finish);
  return finish;
}

const server = new grpc.Server();
server.addService(pkg.Toolbox.service, {
  Session(call) {
    record(call);
    const who = verifiedIdentity(call);
    const finish = track(call, 'session');
    call.on('data', (cmd) => {
      state.tools.push(cmd.tool);
      call.write({ id: cmd.id, outcome: 'ok', tool: cmd.tool, sub: who.sub, verified: who.verified });
    });
    call.on('end', () => { call.end(); finish(); });
  },
  Tail(call) {
    record(call);
    const topic = call.request.topic;
    track(call, topic);
    let seq = 0;
    const timer = setInterval(() => {
      if (call.cancelled) { clearInterval(timer); return; }
      seq += 1;
      call.write({ seq, topic });
    }, Math.max(call.request.period_ms, 5));
    call.on('cancelled', () => clearInterval(timer));
  },
  Inspect(_call, callback) {
    callback(null, { json: JSON.stringify(state) });
  },
});

const port = Number(process.argv[2] || 0);
server.bindAsync(`127.0.0.1:${port}`, grpc.ServerCredentials.createInsecure(), (err, bound) => {
  if (err) { console.error(err.message); process.exit(1); }
  console.log(`listening ${bound}`);
});
