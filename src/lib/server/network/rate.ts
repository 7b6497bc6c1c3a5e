import type { RateRule } from '../auth/rate-limit';

/**
 * The public registration form, per client: a structure registers a few colleagues, a script
 * filling the seats is stopped. Multiplied by IP_RATE_FACTOR like the other per-IP limits.
 */
export const REGISTRATION_RATE: RateRule = { limit: 10 * Math.max(1, Number(process.env.IP_RATE_FACTOR) || 1), windowMs: 60 * 60_000 };
