// GENERATED CODE -- DO NOT EDIT!

'use strict';
var grpc = require('@grpc/grpc-js');
var league_pb = require('./league_pb.js');

function serialize_darts_league_v1_WatchMatchRequest(arg) {
  if (!(arg instanceof league_pb.WatchMatchRequest)) {
    throw new Error('Expected argument of type darts.league.v1.WatchMatchRequest');
  }
  return Buffer.from(arg.serializeBinary());
}

function deserialize_darts_league_v1_WatchMatchRequest(buffer_arg) {
  return league_pb.WatchMatchRequest.deserializeBinary(new Uint8Array(buffer_arg));
}

// ... (serializers for ThrowEvent, ScorerCommand, ScorerAck, StandingsRequest, StandingRow elided)

var LeagueService = exports.LeagueService = {
  watchMatch: {
    path: '/darts.league.v1.League/WatchMatch',
    requestStream: false,
    responseStream: true,
    requestType: league_pb.WatchMatchRequest,
    responseType: league_pb.ThrowEvent,
    requestSerialize: serialize_darts_league_v1_WatchMatchRequest,
    requestDeserialize: deserialize_darts_league_v1_WatchMatchRequest,
  },
  scorerConsole: {
    path: '/darts.league.v1.League/ScorerConsole',
    requestStream: true,
    responseStream: true,
    requestType: league_pb.ScorerCommand,
    responseType: league_pb.ScorerAck,
  },
  exportStandings: {
    path: '/darts.league.v1.League/ExportStandings',
    requestStream: false,
    responseStream: true,
    requestType: league_pb.StandingsRequest,
    responseType: league_pb.StandingRow,
  },
};

exports.LeagueClient = grpc.makeGenericClientConstructor(LeagueService);
