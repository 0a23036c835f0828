#!/usr/bin/env node
'use strict';

const grpc = require('@grpc/grpc-js');
const { Command } = require('commander');
const services = require('./gen/tote_grpc_pb');
const messages = require('./gen/tote_pb');

const program = new Command('totectl');
program.option('--addr <addr>', 'tote server', 'localhost:50071').option('--token <jwt>', 'bearer token', process.env.TOTE_TOKEN);

function client() {
  const opts = program.opts();
  return new services.ToteClient(opts.addr, grpc.credentials.createInsecure());
}

function md() {
  const m = new grpc.Metadata();
  m.set('authorization', `Bearer ${program.opts().token}`);
  return m;
}

program
  .command('pools <meeting> <race>')
  .description('follow pool totals of a race')
  .action((meeting, race) => {
    const req = new messages.WatchPoolsRequest();
    req.setMeetingId(meeting);
    req.setRaceNo(Number(race));
    const stream = client().watchPools(req, md());
    stream.on('data', (snap) => {
      console.log(`${snap.getPoolType()}\t${(snap.getGrossCents() / 100).toFixed(2)}`);
    });
    stream.on('error', (e) => { console.error(e.details); process.exitCode = 1; });
    process.on('SIGINT', () => stream.cancel());
  });

program
  .command('results <meeting>')
  .action((meeting) => {
    const req = new messages.ListResultsRequest();
    req.setMeetingId(meeting);
    const stream = client().listResults(req, md(), { deadline: Date.now() + 10000 });
    stream.on('data', (r) => console.log(r.getRaceNo(), r.getPlacingsList().join('-')));
  });

program.parse();
