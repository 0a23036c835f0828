// GENERATED CODE -- DO NOT EDIT!

import * as grpc from '@grpc/grpc-js';
import * as runner_pb from './runner_pb';

interface ICoordinatorService extends grpc.ServiceDefinition<grpc.UntypedServiceImplementation> {
  attach: grpc.MethodDefinition<runner_pb.RunnerMessage, runner_pb.CoordinatorMessage>;
  streamPoolLogs: grpc.MethodDefinition<runner_pb.PoolLogsRequest, runner_pb.LogLine>;
  getJob: grpc.MethodDefinition<runner_pb.GetJobRequest, runner_pb.Job>;
}

export const CoordinatorService: ICoordinatorService;

export interface ICoordinatorServer extends grpc.UntypedServiceImplementation {
  attach: grpc.handleBidiStreamingCall<runner_pb.RunnerMessage, runner_pb.CoordinatorMessage>;
  streamPoolLogs: grpc.handleServerStreamingCall<runner_pb.PoolLogsRequest, runner_pb.LogLine>;
  getJob: grpc.handleUnaryCall<runner_pb.GetJobRequest, runner_pb.Job>;
}

export class CoordinatorClient extends grpc.Client {
  constructor(address: string, credentials: grpc.ChannelCredentials, options?: object);
  attach(metadata?: grpc.Metadata, options?: Partial<grpc.CallOptions>): grpc.ClientDuplexStream<runner_pb.RunnerMessage, runner_pb.CoordinatorMessage>;
  streamPoolLogs(argument: runner_pb.PoolLogsRequest, metadata?: grpc.Metadata | null, options?: Partial<grpc.CallOptions>): grpc.ClientReadableStream<runner_pb.LogLine>;
  getJob(argument: runner_pb.GetJobRequest, callback: grpc.requestCallback<runner_pb.Job>): grpc.ClientUnaryCall;
}
