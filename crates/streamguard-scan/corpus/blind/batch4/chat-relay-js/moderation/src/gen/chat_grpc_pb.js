// GENERATED CODE -- DO NOT EDIT!

'use strict';
var grpc = require('@grpc/grpc-js');
var chat_v1_chat_pb = require('./chat_pb.js');

function serialize_chat_v1_ReviewRequest(arg) {
  if (!(arg instanceof chat_v1_chat_pb.ReviewRequest)) {
    throw new Error('Expected argument of type chat.v1.ReviewRequest');
  }
  return Buffer.from(arg.serializeBinary());
}

function deserialize_chat_v1_ReviewRequest(buffer_arg) {
  return chat_v1_chat_pb.ReviewRequest.deserializeBinary(new Uint8Array(buffer_arg));
}

function serialize_chat_v1_ReviewVerdict(arg) {
  if (!(arg instanceof chat_v1_chat_pb.ReviewVerdict)) {
    throw new Error('Expected argument of type chat.v1.ReviewVerdict');
  }
  return Buffer.from(arg.serializeBinary());
}

function deserialize_chat_v1_ReviewVerdict(buffer_arg) {
  return chat_v1_chat_pb.ReviewVerdict.deserializeBinary(new Uint8Array(buffer_arg));
}

var ModerationService = exports.ModerationService = {
  review: {
    path: '/chat.v1.Moderation/Review',
    requestStream: false,
    responseStream: false,
    requestType: chat_v1_chat_pb.ReviewRequest,
    responseType: chat_v1_chat_pb.ReviewVerdict,
    requestSerialize: serialize_chat_v1_ReviewRequest,
    requestDeserialize: deserialize_chat_v1_ReviewRequest,
    responseSerialize: serialize_chat_v1_ReviewVerdict,
    responseDeserialize: deserialize_chat_v1_ReviewVerdict,
  },
};

exports.ModerationClient = grpc.makeGenericClientConstructor(ModerationService, 'Moderation');
