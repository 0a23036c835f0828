#!/usr/bin/env node
'use strict';

// Operator CLI: prints expiring units for a list of depots.
const path = require('node:path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

const def = protoLoader.loadSync(path.join(__dirname, '../proto/bloodbank.proto'), { keepCase: false, longs: Number, defaults: true });
const { bloodbank } = grpc.loadPackageDefinition(def);

function printDepots(depots, client, md) {
  return Promise.all(
    depots.map(
      (depotId) =>
        new Promise((resolve, reject) => {
          const stream = client.listExpiring({ depotId, withinHours: 48 }, md, { deadline: Date.now() + 20_000 });
          stream.on('data', (u) => console.log(`${depotId}\t${u.unitId}\t${u.product}\t${u.aboRh}\t${new Date(u.expiresUnix * 1000).toISOString()}`));
          stream.on('end', resolve);
          stream.on('error', reject);
        }),
    ),
  );
}

async function main(argv) {
  const addr = process.env.BB_ADDR || 'localhost:50071';
  const client = new bloodbank.v1.Inventory(addr, grpc.credentials.createInsecure());
  const md = new grpc.Metadata();
  md.set('authorization', `Bearer ${process.env.BB_TOKEN}`);
  await printDepots(argv.length ? argv : ['depot-north'], client, md);
  client.close();
}

main(process.argv.slice(2)).catch((err) => {
  console.error(err.details || err.message);
  process.exit(1);
});
