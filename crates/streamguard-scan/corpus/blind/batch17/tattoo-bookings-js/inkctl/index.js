#!/usr/bin/env node
'use strict';

const grpc = require('@grpc/grpc-js');
const { program } = require('commander');
const services = require('./gen/studio_grpc_pb');
const messages = require('./gen/studio_pb');

function client(opts) {
  return new services.StudioClient(opts.addr, grpc.credentials.createSsl());
}

function authMd() {
  const md = new grpc.Metadata();
  md.set('authorization', `Bearer ${process.env.INK_TOKEN}`);
  return md;
}

program.option('--addr <addr>', 'studio server', 'studio.inkhouse.example:443');

program.command('watch <studio> <chair>').action((studio, chair) => {
  const req = new messages.WatchChairRequest();
  req.setStudioId(studio);
  req.setChairId(chair);
  const stream = client(program.opts()).watchChair(req, authMd());
  stream.on('data', (ev) => console.log(`${new Date(ev.getAtUnixMs()).toISOString()} ${ev.getChairId()} ${ev.getBookingId()} ${ev.getState()}`));
  stream.on('error', (err) => { console.error(err.details); process.exitCode = 1; });
});

program.command('day <studio> <day>').action((studio, day) => {
  const req = new messages.ListAppointmentsRequest();
  req.setStudioId(studio);
  req.setDay(day);
  const rows = [];
  const stream = client(program.opts()).listAppointments(req, authMd(), { deadline: Date.now() + 10_000 });
  stream.on('data', (a) => rows.push([a.getChairId(), a.getClientName(), a.getDesignRef()]));
  stream.on('end', () => rows.forEach((r) => console.log(r.join('\t'))));
  stream.on('error', (err) => { console.error(err.details); process.exitCode = 1; });
});

program.parse();
