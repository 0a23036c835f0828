// GENERATED CODE -- DO NOT EDIT!

'use strict';
var grpc = require('@grpc/grpc-js');
var chat_pb = require('./chat_pb.js');

function serialize_chat_ChatMessage(arg) {
  if (!(arg instanceof chat_pb.ChatMessage)) {
    throw new Error('Expected argument of type chat.ChatMessage');
  }
  return Buffer.from(arg.serializeBinary());
}

function deserialize_chat_ChatMessage(buffer_arg) {
  return chat_pb.ChatMessage.deserializeBinary(new Uint8Array(buffer_arg));
}

function serialize_chat_ClientEvent(arg) {
  if (!(arg instanceof chat_pb.ClientEvent)) {
    throw new Error('Expected argument of type chat.ClientEvent');
  }
  return Buffer.from(arg.serializeBinary());
}

function deserialize_chat_ClientEvent(buffer_arg) {
  return chat_pb.ClientEvent.deserializeBinary(new Uint8Array(buffer_arg));
}

function serialize_chat_HistoryRequest(arg) {
  if (!(arg instanceof chat_pb.HistoryRequest)) {
    throw new Error('Expected argument of type chat.HistoryRequest');
  }
  return Buffer.from(arg.serializeBinary());
}

function deserialize_chat_HistoryRequest(buffer_arg) {
  return chat_pb.HistoryRequest.deserializeBinary(new Uint8Array(buffer_arg));
}

function serialize_chat_ListRoomsRequest(arg) {
  if (!(arg instanceof chat_pb.ListRoomsRequest)) {
    throw new Error('Expected argument of type chat.ListRoomsRequest');
  }
  return Buffer.from(arg.serializeBinary());
}

function deserialize_chat_ListRoomsRequest(buffer_arg) {
  return chat_pb.ListRoomsRequest.deserializeBinary(new Uint8Array(buffer_arg));
}

function serialize_chat_ListRoomsResponse(arg) {
  if (!(arg instanceof chat_pb.ListRoomsResponse)) {
    throw new Error('Expected argument of type chat.ListRoomsResponse');
  }
  return Buffer.from(arg.serializeBinary());
}

function deserialize_chat_ListRoomsResponse(buffer_arg) {
  return chat_pb.ListRoomsResponse.deserializeBinary(new Uint8Array(buffer_arg));
}

function serialize_chat_PresenceEvent(arg) {
  if (!(arg instanceof chat_pb.PresenceEvent)) {
    throw new Error('Expected argument of type chat.PresenceEvent');
  }
  return Buffer.from(arg.serializeBinary());
}

function deserialize_chat_PresenceEvent(buffer_arg) {
  return chat_pb.PresenceEvent.deserializeBinary(new Uint8Array(buffer_arg));
}

function serialize_chat_PresenceRequest(arg) {
  if (!(arg instanceof chat_pb.PresenceRequest)) {
    throw new Error('Expected argument of type chat.PresenceRequest');
  }
  return Buffer.from(arg.serializeBinary());
}

function deserialize_chat_PresenceRequest(buffer_arg) {
  return chat_pb.PresenceRequest.deserializeBinary(new Uint8Array(buffer_arg));
}

function serialize_chat_ServerEvent(arg) {
  if (!(arg instanceof chat_pb.ServerEvent)) {
    throw new Error('Expected argument of type chat.ServerEvent');
  }
  return Buffer.from(arg.serializeBinary());
}

function deserialize_chat_ServerEvent(buffer_arg) {
  return chat_pb.ServerEvent.deserializeBinary(new Uint8Array(buffer_arg));
}


var ChatService = exports.ChatService = {
  converse: {
    path: '/chat.Chat/Converse',
    requestStream: true,
    responseStream: true,
    requestType: chat_pb.ClientEvent,
    responseType: chat_pb.ServerEvent,
    requestSerialize: serialize_chat_ClientEvent,
    requestDeserialize: deserialize_chat_ClientEvent,
    responseSerialize: serialize_chat_ServerEvent,
    responseDeserialize: deserialize_chat_ServerEvent,
  },
  history: {
    path: '/chat.Chat/History',
    requestStream: false,
    responseStream: true,
    requestType: chat_pb.HistoryRequest,
    responseType: chat_pb.ChatMessage,
    requestSerialize: serialize_chat_HistoryRequest,
    requestDeserialize: deserialize_chat_HistoryRequest,
    responseSerialize: serialize_chat_ChatMessage,
    responseDeserialize: deserialize_chat_ChatMessage,
  },
  watchPresence: {
    path: '/chat.Chat/WatchPresence',
    requestStream: false,
    responseStream: true,
    requestType: chat_pb.PresenceRequest,
    responseType: chat_pb.PresenceEvent,
    requestSerialize: serialize_chat_PresenceRequest,
    requestDeserialize: deserialize_chat_PresenceRequest,
    responseSerialize: serialize_chat_PresenceEvent,
    responseDeserialize: deserialize_chat_PresenceEvent,
  },
  listRooms: {
    path: '/chat.Chat/ListRooms',
    requestStream: false,
    responseStream: false,
    requestType: chat_pb.ListRoomsRequest,
    responseType: chat_pb.ListRoomsResponse,
    requestSerialize: serialize_chat_ListRoomsRequest,
    requestDeserialize: deserialize_chat_ListRoomsRequest,
    responseSerialize: serialize_chat_ListRoomsResponse,
    responseDeserialize: deserialize_chat_ListRoomsResponse,
  },
};

exports.ChatClient = grpc.makeGenericClientConstructor(ChatService, 'Chat');
