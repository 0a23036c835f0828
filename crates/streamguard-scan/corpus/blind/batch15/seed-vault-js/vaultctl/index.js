#!/usr/bin/env node
'use strict';

const grpc = require('@grpc/grpc-js');
const { program } = require('commander');
const services = require('./gen/vault_grpc_pb');
const messages = require('./gen/vault_pb');

function client(opts) {
  return new services.VaultClient(opts.addr, grpc.credentials.createSsl());
}

function meta(opts) {
  const md = new grpc.Metadata();
  md.set('authorization', `Bearer ${opts.token || process.env.VAULT_TOKEN}`);
  return md;
}

// Streams the readings of several vaults and prints them as CSV rows.
function watchAll(vaults, opts) {
  const c = client(opts);
  for (const v of vaults) {
    const req = new messages.WatchVaultRequest();
    req.setVaultId(v);
    req.setIntervalMs(opts.interval);
    const stream = c.watchVault(req, meta(opts));
    stream.on('data', (r) => {
      console.log([r.getVaultId(), r.getUnixMs(), r.getTemperatureC(), r.getRelativeHumidity()].join(','));
    });
    stream.on('error', (e) => console.error(`${v}: ${e.details}`));
  }
}

program.option('--addr <addr>', 'vault server', 'vault.seedbank.example:7443').option('--token <jwt>');
program
  .command('watch <vaults...>')
  .option('--interval <ms>', 'poll interval', (x) => Number(x), 5000)
  .action((vaults, cmd) => watchAll(vaults, { ...program.opts(), ...cmd }));
program.parse();
