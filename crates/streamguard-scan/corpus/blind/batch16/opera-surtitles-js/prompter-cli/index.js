#!/usr/bin/env node
'use strict';

// Prompter desk helper: prints the cue list of a production and follows it live.
const grpc = require('@grpc/grpc-js');
const { SurtitlesClient } = require('./gen/surtitle_grpc_pb');
const pb = require('./gen/surtitle_pb');

function metadata(token) {
  const md = new grpc.Metadata();
  md.set('authorization', `Bearer ${token}`);
  return md;
}

function printCues(cues) {
  for (const cue of cues) {
    console.log(`${String(cue.getNumber()).padStart(4)}  ${cue.getText()}`);
  }
}

function follow(client, token, productionId, language) {
  const req = new pb.WatchCuesRequest();
  req.setProductionId(productionId);
  req.setLanguage(language);
  const stream = client.watchCues(req, metadata(token));
  const seen = [];
  stream.on('data', (cue) => { seen.push(cue); printCues([cue]); });
  stream.on('error', (err) => { console.error(err.details); process.exitCode = 1; });
  process.on('SIGINT', () => { stream.cancel(); printCues(seen.slice(-5)); });
}

const [,, addr, productionId, language = 'en'] = process.argv;
if (!addr || !productionId) {
  console.error('usage: prompter <addr> <production> [language]');
  process.exit(2);
}
follow(new SurtitlesClient(addr, grpc.credentials.createSsl()), process.env.SURTITLE_TOKEN, productionId, language);
