import { Server, ServerCredentials } from '@grpc/grpc-js';
import { InverterFleetService } from './generated/fleet';
import { FleetService } from './services/fleet';
import { jwtInterceptor } from './auth/interceptor';
import { config } from './config';

const server = new Server({
  interceptors: [jwtInterceptor],
  'grpc.max_connection_age_ms': 45 * 60_000,
  'grpc.max_connection_age_grace_ms': 30_000,
});

server.addService(InverterFleetService, new FleetService());

server.bindAsync(config.listen, ServerCredentials.createInsecure(), (err, port) => {
  if (err) {
    console.error(err);
    process.exit(1);
  }
  console.log(`inverter fleet listening on ${port}`);
});
