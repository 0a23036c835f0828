export const config = {
  listen: process.env.HUB_LISTEN ?? '0.0.0.0:50110',
  issuer: process.env.HUB_ISSUER ?? 'https://login.smiledental.example',
  audience: 'imaging-hub',
  jwksUrl: process.env.HUB_JWKS ?? 'https://login.smiledental.example/.well-known/jwks.json',
  pacsUrl: process.env.PACS_URL ?? 'http://orthanc.imaging.svc:8042',
  rendererAddr: process.env.RENDERER_ADDR ?? 'renderer.imaging.svc:50111',
  bucket: process.env.SCAN_BUCKET ?? 'dental-scans',
  maxScanBytes: 2 * 1024 * 1024 * 1024,
  rendersPerMinute: 120,
  worklistPollMs: 5000,
};
