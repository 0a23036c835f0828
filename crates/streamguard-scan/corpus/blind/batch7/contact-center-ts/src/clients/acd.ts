import * as grpc from "@grpc/grpc-js";
import { AcdClient, type CallReply, type QueueStatsReply } from "../generated/acd";

const ACD_ADDR = process.env.ACD_ADDR ?? "acd.telephony.svc:50051";
export const acd = new AcdClient(ACD_ADDR, grpc.credentials.createInsecure());

const md = () => new grpc.Metadata();

export function queueStats(queueId: string): Promise<QueueStatsReply> {
  return new Promise((resolve, reject) =>
    acd.getQueueStats({ queueId }, md(), { deadline: Date.now() + 3_000 }, (err, res) => (err ? reject(err) : resolve(res))),
  );
}

/** Call-control operations run as children of the agent's stream. */
export function answer(callId: string, agentId: string, parent: grpc.ServerDuplexStream<any, any>): Promise<CallReply> {
  return new Promise((resolve, reject) =>
    acd.answerCall({ callId, agentId }, md(), { parent }, (err, res) => (err ? reject(err) : resolve(res))),
  );
}

export function transfer(callId: string, agentId: string, targetQueue: string, parent: grpc.ServerDuplexStream<any, any>): Promise<CallReply> {
  return new Promise((resolve, reject) =>
    acd.transferCall({ callId, agentId, targetQueue }, md(), { parent }, (err, res) => (err ? reject(err) : resolve(res))),
  );
}

export function hangup(callId: string, agentId: string, parent: grpc.ServerDuplexStream<any, any>): Promise<CallReply> {
  return new Promise((resolve, reject) =>
    acd.hangupCall({ callId, agentId }, md(), { parent }, (err, res) => (err ? reject(err) : resolve(res))),
  );
}

export function ownerOf(callId: string, parent: grpc.ServerDuplexStream<any, any>): Promise<{ agentId: string; tenant: string }> {
  return new Promise((resolve, reject) =>
    acd.callOwner({ callId, agentId: "" }, md(), { parent }, (err, res) => (err ? reject(err) : resolve(res))),
  );
}
