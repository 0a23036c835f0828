export const config = {
  listen: process.env.RENDER_LISTEN ?? "0.0.0.0:7443",
  issuer: process.env.RENDER_ISSUER ?? "https://id.studio.example",
  audience: "render-coordinator",
  jwksUrl: process.env.RENDER_JWKS ?? "https://id.studio.example/.well-known/jwks.json",
  nodeSecret: process.env.RENDER_NODE_SECRET ?? "",
  redisUrl: process.env.RENDER_REDIS ?? "redis://redis:6379/2",
  jobsApi: process.env.RENDER_JOBS_API ?? "http://jobdb.render.internal:8080",
  sceneBucket: process.env.RENDER_SCENE_BUCKET ?? "studio-scenes",
  maxConnectionAgeMs: 30 * 60_000,
  nodeReportsPerSecond: 20,
};
