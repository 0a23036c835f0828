import pg from 'pg';
import { config } from './config.mjs';

export const pool = new pg.Pool({ connectionString: config.pgUrl, max: 10 });
