import * as grpc from '@grpc/grpc-js';
import { TelematicsService } from '../gen/rental/telematics/v1/telematics';
import { authInterceptor } from './interceptors/auth';
import { UplinkHandlers } from './handlers/uplink';
import { ReservationHandlers } from './handlers/reservation';
import { CommandHandlers } from './handlers/command';
import { config } from './config';

function exportDamageUnavailable(call: grpc.ServerWritableStream<any, any>) {
  // Damage exports moved to the damage-export CLI (reads the warehouse directly).
  call.destroy({ code: grpc.status.UNIMPLEMENTED, details: 'use damage-export' } as any);
}

function main() {
  const server = new grpc.Server({
    interceptors: [authInterceptor],
    'grpc.max_connection_age_ms': 20 * 60 * 1000,
    'grpc.max_connection_age_grace_ms': 30 * 1000,
  });

  const uplink = new UplinkHandlers();
  const reservations = new ReservationHandlers();
  const commands = new CommandHandlers();

  server.addService(TelematicsService, {
    vehicleUplink: uplink.VehicleUplink,
    watchReservation: reservations.WatchReservation,
    remoteCommand: commands.RemoteCommand,
    exportDamage: exportDamageUnavailable,
  });

  server.bindAsync(config.listen, grpc.ServerCredentials.createInsecure(), (err) => {
    if (err) throw err;
    console.log(`fleet-gateway listening on ${config.listen}`);
  });
}

main();
