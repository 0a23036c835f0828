// Decoder bridge: runs on the box at each timing mat. Decoders on the mat
// LAN (mTLS) stream chip reads; the bridge forwards them to the central
// timing server's ReaderFeed and acks each read locally.
import grpc from '@grpc/grpc-js';
import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const services = require('../src/generated/timing_grpc_pb.js');
const pb = require('../src/generated/timing_pb.js');

const upstreamAddr = process.env.TIMING_SERVER ?? 'timing.race.internal:50061';
const readerKey = process.env.READER_KEY ?? '';

const upstream = new services.RaceTimingClient(upstreamAddr, grpc.credentials.createSsl());

function relay(call) {
  const md = new grpc.Metadata();
  md.set('x-reader-key', readerKey);
  const feed = upstream.readerFeed(md, (err, summary) => {
    if (err) console.error('upstream feed ended', err.code, err.details);
    else console.log('upstream summary', summary.getAccepted(), summary.getRejected());
  });

  call.on('data', (read) => {
    const ok = feed.write(read);
    const ack = new pb.RelayAck();
    ack.setChipId(read.getChipId());
    ack.setStored(ok);
    call.write(ack);
  });
  call.on('end', () => {
    feed.end();
    call.end();
  });
}

const server = new grpc.Server();
server.addService(services.BridgeService, { relay });
const creds = grpc.ServerCredentials.createSsl(
  fs.readFileSync('/etc/bridge/ca.pem'),
  [{ cert_chain: fs.readFileSync('/etc/bridge/cert.pem'), private_key: fs.readFileSync('/etc/bridge/key.pem') }],
  true,
);
server.bindAsync(process.env.LISTEN ?? '0.0.0.0:50062', creds, (err) => {
  if (err) throw err;
  console.log('bridge up');
});
