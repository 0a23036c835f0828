export {
  Action,
  type Batch,
  type ExportBatchesRequest,
  type RoastCommand,
  type RoastEvent,
  type RoasterTelemetry,
  type WatchRoasterRequest,
  type RoasteryServer as RoasterServer,
} from "../generated/roastery";
