// GENERATED CODE -- DO NOT EDIT!

'use strict';
var grpc = require('@grpc/grpc-js');
var timing_pb = require('./timing_pb.js');

function serialize_timing_v1_ChipRead(arg) {
  if (!(arg instanceof timing_pb.ChipRead)) {
    throw new Error('Expected argument of type timing.v1.ChipRead');
  }
  return Buffer.from(arg.serializeBinary());
}

function deserialize_timing_v1_ChipRead(buffer_arg) {
  return timing_pb.ChipRead.deserializeBinary(new Uint8Array(buffer_arg));
}

function serialize_timing_v1_FeedSummary(arg) {
  if (!(arg instanceof timing_pb.FeedSummary)) {
    throw new Error('Expected argument of type timing.v1.FeedSummary');
  }
  return Buffer.from(arg.serializeBinary());
}

function deserialize_timing_v1_FeedSummary(buffer_arg) {
  return timing_pb.FeedSummary.deserializeBinary(new Uint8Array(buffer_arg));
}

// ... serializers for FollowRunnerRequest, Split, WatchLeaderboardRequest,
// Leaderboard and RelayAck elided ...

var RaceTimingService = exports.RaceTimingService = {
  readerFeed: {
    path: '/timing.v1.RaceTiming/ReaderFeed',
    requestStream: true,
    responseStream: false,
    requestType: timing_pb.ChipRead,
    responseType: timing_pb.FeedSummary,
    requestSerialize: serialize_timing_v1_ChipRead,
    requestDeserialize: deserialize_timing_v1_ChipRead,
    responseSerialize: serialize_timing_v1_FeedSummary,
    responseDeserialize: deserialize_timing_v1_FeedSummary,
  },
  followRunner: {
    path: '/timing.v1.RaceTiming/FollowRunner',
    requestStream: false,
    responseStream: true,
    requestType: timing_pb.FollowRunnerRequest,
    responseType: timing_pb.Split,
    requestSerialize: serialize_timing_v1_FollowRunnerRequest,
    requestDeserialize: deserialize_timing_v1_FollowRunnerRequest,
    responseSerialize: serialize_timing_v1_Split,
    responseDeserialize: deserialize_timing_v1_Split,
  },
  watchLeaderboard: {
    path: '/timing.v1.RaceTiming/WatchLeaderboard',
    requestStream: false,
    responseStream: true,
    requestType: timing_pb.WatchLeaderboardRequest,
    responseType: timing_pb.Leaderboard,
    requestSerialize: serialize_timing_v1_WatchLeaderboardRequest,
    requestDeserialize: deserialize_timing_v1_WatchLeaderboardRequest,
    responseSerialize: serialize_timing_v1_Leaderboard,
    responseDeserialize: deserialize_timing_v1_Leaderboard,
  },
};

exports.RaceTimingClient = grpc.makeGenericClientConstructor(RaceTimingService);

var BridgeService = exports.BridgeService = {
  relay: {
    path: '/timing.v1.Bridge/Relay',
    requestStream: true,
    responseStream: true,
    requestType: timing_pb.ChipRead,
    responseType: timing_pb.RelayAck,
    requestSerialize: serialize_timing_v1_ChipRead,
    requestDeserialize: deserialize_timing_v1_ChipRead,
    responseSerialize: serialize_timing_v1_RelayAck,
    responseDeserialize: deserialize_timing_v1_RelayAck,
  },
};

exports.BridgeClient = grpc.makeGenericClientConstructor(BridgeService);
