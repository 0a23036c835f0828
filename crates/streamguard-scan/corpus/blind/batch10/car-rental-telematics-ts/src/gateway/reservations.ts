import Redis from 'ioredis';
import { config } from './config';

const cache = new Redis(config.redisUrl);

export interface Reservation {
  id: string;
  vin: string;
  customerSub: string;
  branch: string;
}

// Reservations and the car->branch map are replicated into Redis by the booking system.
export async function reservationFor(id: string): Promise<Reservation | null> {
  const raw = await cache.get(`resv:${id}`);
  return raw ? (JSON.parse(raw) as Reservation) : null;
}

export async function vehicleBranch(vin: string): Promise<string | null> {
  return cache.hget('vehicle:branch', vin);
}
