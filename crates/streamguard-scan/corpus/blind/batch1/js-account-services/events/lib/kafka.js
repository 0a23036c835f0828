'use strict';

const { Kafka } = require('kafkajs');
const { publish } = require('./broadcaster');

async function consume() {
  const kafka = new Kafka({ clientId: 'account-events', brokers: (process.env.KAFKA_BROKERS || 'kafka:9092').split(',') });
  const consumer = kafka.consumer({ groupId: `account-events-${process.pid}` });
  await consumer.connect();
  await consumer.subscribe({ topic: 'accounts.events', fromBeginning: false });
  await consumer.run({
    eachMessage: async ({ message }) => {
      const ev = JSON.parse(message.value.toString());
      publish({ kind: ev.kind, userId: ev.user_id, payloadJson: JSON.stringify(ev.payload || {}), atMs: Number(message.timestamp) });
    },
  });
}

module.exports = { consume };
