import grpc from '@grpc/grpc-js';
import { config } from '../shared/config.mjs';
import { loadStudio } from '../shared/grpc.mjs';
import { registerStudio } from './register.mjs';

const { Stats } = loadStudio();
const stats = new Stats(config.statsAddr, grpc.credentials.createInsecure());
const classes = {
  get(classId, cb) {
    cb(null, { classId, instructor: 'tbd', startsMs: 0, durationMin: 45 });
  },
};

const server = new grpc.Server({
  'grpc.max_connection_age_ms': 2 * 60 * 60 * 1000,
  'grpc.max_connection_age_grace_ms': 30_000,
});
registerStudio(server, { stats, classes });
server.bindAsync(config.studioListen, grpc.ServerCredentials.createInsecure(), (err, port) => {
  if (err) {
    console.error(err);
    process.exit(1);
  }
  console.log(`studio server on ${port}`);
});
