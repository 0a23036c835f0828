export const config = {
  listen: process.env.QUEUE_LISTEN ?? "0.0.0.0:50090",
  jwksUrl: process.env.QUEUE_JWKS ?? "https://login.parkops.example/jwks",
  issuer: "https://login.parkops.example",
  audience: "queue-displays",
  rideOpsUrl: process.env.RIDE_OPS_URL ?? "http://ride-ops.internal",
  plcGatewayAddr: process.env.PLC_GATEWAY ?? "plc-gw.internal:7700",
  countsBucket: process.env.COUNTS_BUCKET ?? "park-rider-counts",
  consoleCommandsPerMinute: 30,
};
