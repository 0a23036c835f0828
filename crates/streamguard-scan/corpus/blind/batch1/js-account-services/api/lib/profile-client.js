'use strict';

const path = require('node:path');
const grpc = require('@grpc/grpc-js');
const loader = require('@grpc/proto-loader');

const def = loader.loadSync(path.join(__dirname, '../../protos/accounts.proto'), { defaults: true, longs: Number });
const accounts = grpc.loadPackageDefinition(def).accounts;

const profiles = new accounts.Users(process.env.PROFILE_ADDR || 'profiles:7000', grpc.credentials.createInsecure());

function fetchProfile(id, deadlineMs = 2000) {
  return new Promise((resolve, reject) => {
    profiles.getUser({ id }, { deadline: Date.now() + deadlineMs }, (err, user) => (err ? reject(err) : resolve(user)));
  });
}

module.exports = { accounts, fetchProfile };
