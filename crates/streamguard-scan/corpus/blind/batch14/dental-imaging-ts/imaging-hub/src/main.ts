import * as grpc from '@grpc/grpc-js';
import { readFileSync } from 'node:fs';
import { ImagingService } from './gen/dental/imaging/v1/imaging';
import { ImagingService as ImagingImpl } from './services/imaging';
import { authInterceptor } from './auth/interceptor';
import { config } from './config';

const server = new grpc.Server({
  interceptors: [authInterceptor],
  'grpc.max_connection_age_ms': 60 * 60 * 1000,
  'grpc.max_connection_age_grace_ms': 30 * 1000,
});

server.addService(ImagingService, new ImagingImpl());

const creds = grpc.ServerCredentials.createSsl(null, [
  { cert_chain: readFileSync('/etc/hub/tls.crt'), private_key: readFileSync('/etc/hub/tls.key') },
]);

server.bindAsync(config.listen, creds, (err, port) => {
  if (err) throw err;
  console.log(`imaging-hub listening on ${port}`);
});
