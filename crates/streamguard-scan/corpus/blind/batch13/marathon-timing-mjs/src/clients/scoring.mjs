import grpc from '@grpc/grpc-js';
import { createRequire } from 'node:module';
import { config } from '../config.mjs';

const require = createRequire(import.meta.url);
const loader = require('@grpc/proto-loader');

const def = loader.loadSync(new URL('../../proto/scoring.proto', import.meta.url).pathname, { defaults: true });
const { Scoring } = grpc.loadPackageDefinition(def).scoring.v1;

export const scoring = new Scoring(config.scoring, grpc.credentials.createInsecure());

export function leaderboardFor(call, raceId, category) {
  return new Promise((resolve, reject) => {
    scoring.rank({ raceId, category, top: 20 }, { parent: call }, (err, res) =>
      err ? reject(err) : resolve(res));
  });
}
