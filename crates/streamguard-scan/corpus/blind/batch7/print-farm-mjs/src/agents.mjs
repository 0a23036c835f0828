import fs from 'node:fs';
import grpc from '@grpc/grpc-js';
import agentServices from './generated/agent_grpc_pb.js';
import agentMessages from './generated/agent_pb.js';
import { config } from './config.mjs';

const creds = grpc.credentials.createSsl(
  fs.readFileSync(config.tls.ca),
  fs.readFileSync(config.tls.key),
  fs.readFileSync(config.tls.cert),
);
const clients = new Map();

export function agentFor(printer) {
  const addr = config.agents[printer.rack];
  if (!addr) throw new Error(`no agent for rack ${printer.rack}`);
  if (!clients.has(addr)) clients.set(addr, new agentServices.PrinterAgentClient(addr, creds));
  return clients.get(addr);
}

export function telemetryRequest(printerId) {
  const r = new agentMessages.TelemetryRequest();
  r.setPrinterId(printerId);
  return r;
}

export function command(printerId, action, targetC) {
  const c = new agentMessages.Command();
  c.setPrinterId(printerId);
  c.setAction(action);
  c.setTargetC(targetC ?? 0);
  return c;
}
