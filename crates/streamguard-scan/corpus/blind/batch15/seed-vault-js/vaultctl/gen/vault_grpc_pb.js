// GENERATED CODE -- DO NOT EDIT!

'use strict';
var grpc = require('@grpc/grpc-js');
var seedvault_v1_vault_pb = require('./vault_pb.js');

function serialize_seedvault_v1_WatchVaultRequest(arg) {
  if (!(arg instanceof seedvault_v1_vault_pb.WatchVaultRequest)) {
    throw new Error('Expected argument of type seedvault.v1.WatchVaultRequest');
  }
  return Buffer.from(arg.serializeBinary());
}

function deserialize_seedvault_v1_WatchVaultRequest(buffer_arg) {
  return seedvault_v1_vault_pb.WatchVaultRequest.deserializeBinary(new Uint8Array(buffer_arg));
}

function serialize_seedvault_v1_VaultReading(arg) {
  if (!(arg instanceof seedvault_v1_vault_pb.VaultReading)) {
    throw new Error('Expected argument of type seedvault.v1.VaultReading');
  }
  return Buffer.from(arg.serializeBinary());
}

function deserialize_seedvault_v1_VaultReading(buffer_arg) {
  return seedvault_v1_vault_pb.VaultReading.deserializeBinary(new Uint8Array(buffer_arg));
}

// ... (serializers for AccessCommand, AccessEvent, ListAccessionsRequest, Accession elided)

var VaultService = exports.VaultService = {
  watchVault: {
    path: '/seedvault.v1.Vault/WatchVault',
    requestStream: false,
    responseStream: true,
    requestType: seedvault_v1_vault_pb.WatchVaultRequest,
    responseType: seedvault_v1_vault_pb.VaultReading,
    requestSerialize: serialize_seedvault_v1_WatchVaultRequest,
    requestDeserialize: deserialize_seedvault_v1_WatchVaultRequest,
    responseSerialize: serialize_seedvault_v1_VaultReading,
    responseDeserialize: deserialize_seedvault_v1_VaultReading,
  },
  accessSession: {
    path: '/seedvault.v1.Vault/AccessSession',
    requestStream: true,
    responseStream: true,
    requestType: seedvault_v1_vault_pb.AccessCommand,
    responseType: seedvault_v1_vault_pb.AccessEvent,
    // ... (serializers elided)
  },
  listAccessions: {
    path: '/seedvault.v1.Vault/ListAccessions',
    requestStream: false,
    responseStream: true,
    requestType: seedvault_v1_vault_pb.ListAccessionsRequest,
    responseType: seedvault_v1_vault_pb.Accession,
    // ... (serializers elided)
  },
  getAccession: {
    path: '/seedvault.v1.Vault/GetAccession',
    requestStream: false,
    responseStream: false,
    requestType: seedvault_v1_vault_pb.GetAccessionRequest,
    responseType: seedvault_v1_vault_pb.Accession,
    // ... (serializers elided)
  },
};

exports.VaultClient = grpc.makeGenericClientConstructor(VaultService, 'Vault');
