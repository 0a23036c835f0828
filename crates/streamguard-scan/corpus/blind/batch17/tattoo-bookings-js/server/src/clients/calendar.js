'use strict';

const path = require('node:path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');
const config = require('../config');

const def = protoLoader.loadSync(path.join(__dirname, '../../../proto/calendar.proto'), {
  keepCase: false, longs: Number, defaults: true,
});
const { CalendarService } = grpc.loadPackageDefinition(def).inkhouse.calendar.v1;

const client = new CalendarService(config.calendarAddr, grpc.credentials.createSsl());

module.exports = { calendar: client };
