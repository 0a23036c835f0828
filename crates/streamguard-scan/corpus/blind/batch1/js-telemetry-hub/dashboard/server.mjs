import grpc from '@grpc/grpc-js';
import { withAuth } from './lib/auth.mjs';
import { telemetry, tsdb } from './lib/query-client.mjs';

const SNAPSHOT_POINTS = 500;

async function liveQuery(call) {
  const { expr, stepMs } = call.request;
  const upstream = tsdb.subscribe({ expr, stepMs: Math.max(stepMs, 1000) }, { parent: call });
  try {
    for await (const point of upstream) {
      call.write(point);
    }
    call.end();
  } catch (err) {
    if (err.code !== grpc.status.CANCELLED) call.destroy(err);
  }
}

function snapshot(call) {
  tsdb.range({ expr: call.request.expr, stepMs: call.request.stepMs }, { parent: call }, (err, res) => {
    if (err) {
      call.destroy(err);
      return;
    }
    for (const p of res.points.slice(-SNAPSHOT_POINTS)) call.write(p);
    call.end();
  });
}

const server = new grpc.Server();
server.addService(telemetry.Dashboard.service, {
  liveQuery: withAuth(liveQuery),
  snapshot: withAuth(snapshot),
});
server.bindAsync(process.env.DASHBOARD_LISTEN ?? '0.0.0.0:7070', grpc.ServerCredentials.createInsecure(), (err, port) => {
  if (err) throw err;
  console.log(`dashboard api on ${port}`);
});
