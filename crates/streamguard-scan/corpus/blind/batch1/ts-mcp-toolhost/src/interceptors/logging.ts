import * as grpc from '@grpc/grpc-js';

export const loggingInterceptor: grpc.ServerInterceptor = (methodDescriptor, call) => {
  const started = process.hrtime.bigint();
  const responder = new grpc.ResponderBuilder()
    .withSendStatus((status, next) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      console.log(
        JSON.stringify({ method: methodDescriptor.path, code: grpc.status[status.code], ms: Math.round(ms) }),
      );
      next(status);
    })
    .build();
  return new grpc.ServerInterceptingCall(call, responder);
};
