import * as grpc from '@grpc/grpc-js';
import { authInterceptor } from './auth/interceptor';
import { config } from './config';
import { BuildService } from './services/BuildService';

const services = require('./gen/build_grpc_pb.js');

const server = new grpc.Server({
  interceptors: [authInterceptor],
  'grpc.max_concurrent_streams': 512,
});

server.addService(services.BuildCoordinatorService, new BuildService().handlers());

server.bindAsync(config.listen, grpc.ServerCredentials.createInsecure(), (err, port) => {
  if (err) {
    console.error(err);
    process.exit(1);
  }
  console.log(`coordinator on ${port}`);
});

process.on('SIGTERM', () => server.tryShutdown(() => process.exit(0)));
