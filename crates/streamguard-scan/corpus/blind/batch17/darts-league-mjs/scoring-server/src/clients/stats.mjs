import grpc from '@grpc/grpc-js';
import services from '../../gen/stats_grpc_pb.js';
import { config } from '../config.mjs';

export const stats = new services.StatsClient(config.statsAddr, grpc.credentials.createInsecure());
