import grpc from '@grpc/grpc-js';
import pb from '../../gen/ferry/booking/v1/booking_pb.js';

const BASE_MINOR = { 'HEL-TLL': 3900, 'TLL-HEL': 3900, 'HEL-MHQ': 2600 };

export function getFare(call, callback) {
  const base = BASE_MINOR[call.request.getRouteId?.() ?? ''];
  if (base === undefined) {
    callback({ code: grpc.status.NOT_FOUND, details: 'unknown route' });
    return;
  }
  const fare = new pb.Fare();
  fare.setCurrency?.('EUR');
  fare.setAmountMinor?.(base * Math.max(1, call.request.getPassengers?.() ?? 1));
  callback(null, fare);
}
