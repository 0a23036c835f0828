import Redis from "ioredis";

let shared: Redis | undefined;
export function redis(url: string): Redis {
  if (!shared) shared = new Redis(url, { maxRetriesPerRequest: 2 });
  return shared;
}

export function subscriber(url: string): Redis {
  return new Redis(url);
}
