#!/usr/bin/env node
'use strict';

// wirectl: tail the wire from a terminal, or fetch a single story.
const path = require('node:path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');
const yargs = require('yargs/yargs');

const def = protoLoader.loadSync(path.join(__dirname, '../../proto/wire/v1/wire.proto'), { defaults: true });
const { wire } = grpc.loadPackageDefinition(def);

function metadata(token) {
  const md = new grpc.Metadata();
  md.set('authorization', `Bearer ${token}`);
  return md;
}

function tail(client, argv) {
  const call = client.subscribeWire({ desks: argv.desk, minUrgency: argv.urgency }, metadata(argv.token));
  call.on('data', (story) => {
    process.stdout.write(`${story.desk}\t${story.urgency}\t${story.slug}\t${story.headline}\n`);
  });
  call.on('error', (err) => {
    process.stderr.write(`stream ended: ${err.details}\n`);
    process.exitCode = 1;
  });
  process.on('SIGINT', () => call.cancel());
}

function printStories(stories) {
  for (const s of stories) {
    process.stdout.write(`${s.storyId}\n${s.headline}\n\n${s.body}\n`);
  }
}

function get(client, argv) {
  client.getStory({ storyId: argv.id }, metadata(argv.token), { deadline: Date.now() + 5000 }, (err, s) => {
    if (err) {
      process.stderr.write(`${err.details}\n`);
      process.exitCode = 1;
      return;
    }
    printStories([s]);
  });
}

const argv = yargs(process.argv.slice(2))
  .option('addr', { default: 'localhost:7443' })
  .option('token', { demandOption: true, default: process.env.WIRE_TOKEN })
  .command('tail', 'follow the wire', (y) => y.option('desk', { array: true, default: [] }).option('urgency', { default: 0 }))
  .command('get <id>', 'print one story')
  .demandCommand(1)
  .parse();

const client = new wire.v1.WireFeed(argv.addr, grpc.credentials.createInsecure());
if (argv._[0] === 'tail') tail(client, argv);
else get(client, argv);
