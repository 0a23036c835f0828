// GENERATED CODE -- DO NOT EDIT!

'use strict';
var grpc = require('@grpc/grpc-js');
var photo_v1_photo_pb = require('./photo_pb.js');

function serialize_photo_v1_ListAlbumsRequest(arg) {
  if (!(arg instanceof photo_v1_photo_pb.ListAlbumsRequest)) {
    throw new Error('Expected argument of type photo.v1.ListAlbumsRequest');
  }
  return Buffer.from(arg.serializeBinary());
}

function deserialize_photo_v1_ListAlbumsRequest(buffer_arg) {
  return photo_v1_photo_pb.ListAlbumsRequest.deserializeBinary(new Uint8Array(buffer_arg));
}

function serialize_photo_v1_ListAlbumsResponse(arg) {
  if (!(arg instanceof photo_v1_photo_pb.ListAlbumsResponse)) {
    throw new Error('Expected argument of type photo.v1.ListAlbumsResponse');
  }
  return Buffer.from(arg.serializeBinary());
}

function deserialize_photo_v1_ListAlbumsResponse(buffer_arg) {
  return photo_v1_photo_pb.ListAlbumsResponse.deserializeBinary(new Uint8Array(buffer_arg));
}

function serialize_photo_v1_Photo(arg) {
  if (!(arg instanceof photo_v1_photo_pb.Photo)) {
    throw new Error('Expected argument of type photo.v1.Photo');
  }
  return Buffer.from(arg.serializeBinary());
}

function deserialize_photo_v1_Photo(buffer_arg) {
  return photo_v1_photo_pb.Photo.deserializeBinary(new Uint8Array(buffer_arg));
}

function serialize_photo_v1_WatchPhotosRequest(arg) {
  if (!(arg instanceof photo_v1_photo_pb.WatchPhotosRequest)) {
    throw new Error('Expected argument of type photo.v1.WatchPhotosRequest');
  }
  return Buffer.from(arg.serializeBinary());
}

function deserialize_photo_v1_WatchPhotosRequest(buffer_arg) {
  return photo_v1_photo_pb.WatchPhotosRequest.deserializeBinary(new Uint8Array(buffer_arg));
}


var PhotoDeskService = exports.PhotoDeskService = {
  watchPhotos: {
    path: '/photo.v1.PhotoDesk/WatchPhotos',
    requestStream: false,
    responseStream: true,
    requestType: photo_v1_photo_pb.WatchPhotosRequest,
    responseType: photo_v1_photo_pb.Photo,
    requestSerialize: serialize_photo_v1_WatchPhotosRequest,
    requestDeserialize: deserialize_photo_v1_WatchPhotosRequest,
    responseSerialize: serialize_photo_v1_Photo,
    responseDeserialize: deserialize_photo_v1_Photo,
  },
  listAlbums: {
    path: '/photo.v1.PhotoDesk/ListAlbums',
    requestStream: false,
    responseStream: false,
    requestType: photo_v1_photo_pb.ListAlbumsRequest,
    responseType: photo_v1_photo_pb.ListAlbumsResponse,
    requestSerialize: serialize_photo_v1_ListAlbumsRequest,
    requestDeserialize: deserialize_photo_v1_ListAlbumsRequest,
    responseSerialize: serialize_photo_v1_ListAlbumsResponse,
    responseDeserialize: deserialize_photo_v1_ListAlbumsResponse,
  },
};

exports.PhotoDeskClient = grpc.makeGenericClientConstructor(PhotoDeskService, 'PhotoDesk');
