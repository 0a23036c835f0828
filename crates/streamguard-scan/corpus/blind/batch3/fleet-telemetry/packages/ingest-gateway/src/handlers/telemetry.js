'use strict';

const grpc = require('@grpc/grpc-js');
const config = require('../config');
const tsdb = require('../tsdb');
const configBus = require('../configBus');

const registry = new Map();

class TokenBucket {
  constructor(ratePerSec, burst) {
    this.rate = ratePerSec;
    this.capacity = burst;
    this.tokens = burst;
    this.updated = Date.now();
  }

  take() {
    const now = Date.now();
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.updated) / 1000) * this.rate);
    this.updated = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

function fleetDevices(call) {
  const raw = call.metadata.get('x-fleet-devices')[0] || '';
  return new Set(raw.split(',').filter(Boolean));
}

function registerDevice(call, callback) {
  const { deviceId, model, firmware } = call.request;
  if (!fleetDevices(call).has(deviceId)) {
    callback({ code: grpc.status.PERMISSION_DENIED, details: 'device not in fleet' });
    return;
  }
  const created = !registry.has(deviceId);
  registry.set(deviceId, { model, firmware, registeredAt: Date.now() });
  callback(null, { deviceId, created });
}

function streamReadings(call, callback) {
  const devices = fleetDevices(call);
  const bucket = new TokenBucket(config.readingsPerSecond, config.readingsBurst);
  let boundDevice = null;
  let accepted = 0;
  let dropped = 0;
  let pending = [];

  const flush = async () => {
    const points = pending;
    pending = [];
    try {
      await tsdb.writePoints(points);
    } catch (err) {
      dropped += points.length;
      accepted -= points.length;
    }
  };
  const flushTimer = setInterval(flush, config.flushIntervalMs);

  call.on('data', (reading) => {
    if (boundDevice === null) {
      if (!devices.has(reading.deviceId)) {
        clearInterval(flushTimer);
        call.destroy({ code: grpc.status.PERMISSION_DENIED, details: 'device not in fleet' });
        return;
      }
      boundDevice = reading.deviceId;
    }
    if (!bucket.take()) {
      call.destroy({ code: grpc.status.RESOURCE_EXHAUSTED, details: 'reading rate exceeded' });
      return;
    }
    accepted += 1;
    pending.push({
      deviceId: reading.deviceId,
      metric: reading.metric,
      value: reading.value,
      tags: reading.tags,
      ts: reading.at ? Number(reading.at.seconds) * 1000 : Date.now(),
    });
  });

  call.on('end', async () => {
    clearInterval(flushTimer);
    await flush();
    callback(null, { accepted, dropped });
  });
}

function watchDeviceConfig(call) {
  const { deviceId, knownRevision } = call.request;
  if (!fleetDevices(call).has(deviceId)) {
    call.destroy({ code: grpc.status.PERMISSION_DENIED, details: 'device not in fleet' });
    return;
  }

  const onConfig = (cfg) => call.write(cfg);
  const current = configBus.latest(deviceId);
  if (current && current.revision > Number(knownRevision || 0)) {
    call.write(current);
  }
  configBus.on(`config:${deviceId}`, onConfig);

  const detach = () => configBus.off(`config:${deviceId}`, onConfig);
  call.on('cancelled', detach);
  call.on('close', detach);
}

module.exports = {
  RegisterDevice: registerDevice,
  StreamReadings: streamReadings,
  WatchDeviceConfig: watchDeviceConfig,
};
