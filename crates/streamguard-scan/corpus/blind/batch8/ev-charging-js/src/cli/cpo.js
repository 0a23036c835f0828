#!/usr/bin/env node
'use strict';

// cpo: the charge point operator's command line.
//   cpo sessions --site SITE --from 2024-05-01 --to 2024-06-01
//   cpo start --charger CP-0042 --connector 1 --tag 04A2B3C4
const grpc = require('@grpc/grpc-js');
const yargs = require('yargs/yargs');
const { hideBin } = require('yargs/helpers');
const protos = require('../lib/protos');

const argv = yargs(hideBin(process.argv))
  .option('addr', { default: process.env.EV_GATEWAY || 'localhost:9443' })
  .option('token', { default: process.env.EV_TOKEN })
  .command('sessions', 'list sessions of a site', (y) => y.option('site', { demandOption: true }).option('from').option('to'))
  .command('start', 'remote-start a connector', (y) => y.option('charger', { demandOption: true }).option('connector', { default: 1 }).option('tag', { demandOption: true }))
  .demandCommand(1)
  .parse();

const { ChargePoints } = protos.charging();
const client = new ChargePoints(argv.addr, grpc.credentials.createInsecure());
const md = new grpc.Metadata();
md.set('authorization', `Bearer ${argv.token}`);

function printRows(rows) {
  for (const r of rows) {
    process.stdout.write(`${r.sessionId}\t${r.chargerId}\t${r.energyKwh.toFixed(2)} kWh\n`);
  }
}

const cmd = argv._[0];
if (cmd === 'sessions') {
  const stream = client.listSessions(
    { siteId: argv.site, fromUnixMs: Date.parse(argv.from || '1970-01-01'), toUnixMs: Date.parse(argv.to || '2100-01-01') },
    md,
    { deadline: Date.now() + 120_000 },
  );
  const batch = [];
  stream.on('data', (r) => {
    batch.push(r);
    if (batch.length >= 100) printRows(batch.splice(0));
  });
  stream.on('end', () => printRows(batch));
  stream.on('error', (err) => {
    console.error(`cpo: ${err.details || err.message}`);
    process.exitCode = 1;
  });
} else if (cmd === 'start') {
  client.remoteStart({ chargerId: argv.charger, connectorId: argv.connector, idTag: argv.tag }, md, { deadline: Date.now() + 10_000 }, (err, res) => {
    if (err) {
      console.error(`cpo: ${err.details}`);
      process.exitCode = 1;
      return;
    }
    console.log(res.accepted ? 'accepted' : 'charger offline');
  });
}
