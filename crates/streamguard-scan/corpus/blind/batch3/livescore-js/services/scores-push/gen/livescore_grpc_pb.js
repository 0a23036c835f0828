// GENERATED CODE -- DO NOT EDIT!

'use strict';
var grpc = require('@grpc/grpc-js');
var livescore_pb = require('./livescore_pb.js');

function serialize_livescore_Fixture(arg) {
  if (!(arg instanceof livescore_pb.Fixture)) {
    throw new Error('Expected argument of type livescore.Fixture');
  }
  return Buffer.from(arg.serializeBinary());
}

function deserialize_livescore_Fixture(buffer_arg) {
  return livescore_pb.Fixture.deserializeBinary(new Uint8Array(buffer_arg));
}

function serialize_livescore_FixturesRequest(arg) {
  if (!(arg instanceof livescore_pb.FixturesRequest)) {
    throw new Error('Expected argument of type livescore.FixturesRequest');
  }
  return Buffer.from(arg.serializeBinary());
}

function deserialize_livescore_FixturesRequest(buffer_arg) {
  return livescore_pb.FixturesRequest.deserializeBinary(new Uint8Array(buffer_arg));
}

function serialize_livescore_FollowRequest(arg) {
  if (!(arg instanceof livescore_pb.FollowRequest)) {
    throw new Error('Expected argument of type livescore.FollowRequest');
  }
  return Buffer.from(arg.serializeBinary());
}

function deserialize_livescore_FollowRequest(buffer_arg) {
  return livescore_pb.FollowRequest.deserializeBinary(new Uint8Array(buffer_arg));
}

function serialize_livescore_MatchEvent(arg) {
  if (!(arg instanceof livescore_pb.MatchEvent)) {
    throw new Error('Expected argument of type livescore.MatchEvent');
  }
  return Buffer.from(arg.serializeBinary());
}

function deserialize_livescore_MatchEvent(buffer_arg) {
  return livescore_pb.MatchEvent.deserializeBinary(new Uint8Array(buffer_arg));
}

function serialize_livescore_Prediction(arg) {
  if (!(arg instanceof livescore_pb.Prediction)) {
    throw new Error('Expected argument of type livescore.Prediction');
  }
  return Buffer.from(arg.serializeBinary());
}

function deserialize_livescore_Prediction(buffer_arg) {
  return livescore_pb.Prediction.deserializeBinary(new Uint8Array(buffer_arg));
}

function serialize_livescore_PredictionReceipt(arg) {
  if (!(arg instanceof livescore_pb.PredictionReceipt)) {
    throw new Error('Expected argument of type livescore.PredictionReceipt');
  }
  return Buffer.from(arg.serializeBinary());
}

function deserialize_livescore_PredictionReceipt(buffer_arg) {
  return livescore_pb.PredictionReceipt.deserializeBinary(new Uint8Array(buffer_arg));
}

function serialize_livescore_ScoreLine(arg) {
  if (!(arg instanceof livescore_pb.ScoreLine)) {
    throw new Error('Expected argument of type livescore.ScoreLine');
  }
  return Buffer.from(arg.serializeBinary());
}

function deserialize_livescore_ScoreLine(buffer_arg) {
  return livescore_pb.ScoreLine.deserializeBinary(new Uint8Array(buffer_arg));
}

function serialize_livescore_Standings(arg) {
  if (!(arg instanceof livescore_pb.Standings)) {
    throw new Error('Expected argument of type livescore.Standings');
  }
  return Buffer.from(arg.serializeBinary());
}

function deserialize_livescore_Standings(buffer_arg) {
  return livescore_pb.Standings.deserializeBinary(new Uint8Array(buffer_arg));
}

function serialize_livescore_StandingsRequest(arg) {
  if (!(arg instanceof livescore_pb.StandingsRequest)) {
    throw new Error('Expected argument of type livescore.StandingsRequest');
  }
  return Buffer.from(arg.serializeBinary());
}

function deserialize_livescore_StandingsRequest(buffer_arg) {
  return livescore_pb.StandingsRequest.deserializeBinary(new Uint8Array(buffer_arg));
}

function serialize_livescore_TickerRequest(arg) {
  if (!(arg instanceof livescore_pb.TickerRequest)) {
    throw new Error('Expected argument of type livescore.TickerRequest');
  }
  return Buffer.from(arg.serializeBinary());
}

function deserialize_livescore_TickerRequest(buffer_arg) {
  return livescore_pb.TickerRequest.deserializeBinary(new Uint8Array(buffer_arg));
}


var ScoresService = exports.ScoresService = {
  getStandings: {
    path: '/livescore.Scores/GetStandings',
    requestStream: false,
    responseStream: false,
    requestType: livescore_pb.StandingsRequest,
    responseType: livescore_pb.Standings,
    requestSerialize: serialize_livescore_StandingsRequest,
    requestDeserialize: deserialize_livescore_StandingsRequest,
    responseSerialize: serialize_livescore_Standings,
    responseDeserialize: deserialize_livescore_Standings,
  },
  listFixtures: {
    path: '/livescore.Scores/ListFixtures',
    requestStream: false,
    responseStream: true,
    requestType: livescore_pb.FixturesRequest,
    responseType: livescore_pb.Fixture,
    requestSerialize: serialize_livescore_FixturesRequest,
    requestDeserialize: deserialize_livescore_FixturesRequest,
    responseSerialize: serialize_livescore_Fixture,
    responseDeserialize: deserialize_livescore_Fixture,
  },
  followMatch: {
    path: '/livescore.Scores/FollowMatch',
    requestStream: false,
    responseStream: true,
    requestType: livescore_pb.FollowRequest,
    responseType: livescore_pb.MatchEvent,
    requestSerialize: serialize_livescore_FollowRequest,
    requestDeserialize: deserialize_livescore_FollowRequest,
    responseSerialize: serialize_livescore_MatchEvent,
    responseDeserialize: deserialize_livescore_MatchEvent,
  },
  leagueTicker: {
    path: '/livescore.Scores/LeagueTicker',
    requestStream: false,
    responseStream: true,
    requestType: livescore_pb.TickerRequest,
    responseType: livescore_pb.ScoreLine,
    requestSerialize: serialize_livescore_TickerRequest,
    requestDeserialize: deserialize_livescore_TickerRequest,
    responseSerialize: serialize_livescore_ScoreLine,
    responseDeserialize: deserialize_livescore_ScoreLine,
  },
  submitPredictions: {
    path: '/livescore.Scores/SubmitPredictions',
    requestStream: true,
    responseStream: false,
    requestType: livescore_pb.Prediction,
    responseType: livescore_pb.PredictionReceipt,
    requestSerialize: serialize_livescore_Prediction,
    requestDeserialize: deserialize_livescore_Prediction,
    responseSerialize: serialize_livescore_PredictionReceipt,
    responseDeserialize: deserialize_livescore_PredictionReceipt,
  },
};

exports.ScoresClient = grpc.makeGenericClientConstructor(ScoresService, 'Scores');
