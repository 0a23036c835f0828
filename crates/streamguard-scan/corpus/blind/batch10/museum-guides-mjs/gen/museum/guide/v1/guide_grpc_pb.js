// GENERATED CODE -- DO NOT EDIT!

'use strict';
var grpc = require('@grpc/grpc-js');
var museum_guide_v1_guide_pb = require('./guide_pb.js');

function serialize_museum_guide_v1_VisitorEvent(arg) {
  if (!(arg instanceof museum_guide_v1_guide_pb.VisitorEvent)) {
    throw new Error('Expected argument of type museum.guide.v1.VisitorEvent');
  }
  return Buffer.from(arg.serializeBinary());
}

function deserialize_museum_guide_v1_VisitorEvent(buffer_arg) {
  return museum_guide_v1_guide_pb.VisitorEvent.deserializeBinary(new Uint8Array(buffer_arg));
}

// (serializers for GuideContent, GalleryRequest, Occupancy, TourRequest, AudioChunk elided)

var GuideServiceService = exports.GuideServiceService = {
  tourSession: {
    path: '/museum.guide.v1.GuideService/TourSession',
    requestStream: true,
    responseStream: true,
    requestType: museum_guide_v1_guide_pb.VisitorEvent,
    responseType: museum_guide_v1_guide_pb.GuideContent,
    requestSerialize: serialize_museum_guide_v1_VisitorEvent,
    requestDeserialize: deserialize_museum_guide_v1_VisitorEvent,
  },
  watchGallery: {
    path: '/museum.guide.v1.GuideService/WatchGallery',
    requestStream: false,
    responseStream: true,
    requestType: museum_guide_v1_guide_pb.GalleryRequest,
    responseType: museum_guide_v1_guide_pb.Occupancy,
  },
  downloadTour: {
    path: '/museum.guide.v1.GuideService/DownloadTour',
    requestStream: false,
    responseStream: true,
    requestType: museum_guide_v1_guide_pb.TourRequest,
    responseType: museum_guide_v1_guide_pb.AudioChunk,
  },
};

exports.GuideServiceClient = grpc.makeGenericClientConstructor(GuideServiceService);
