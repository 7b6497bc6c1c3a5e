import { createHash, createHmac, randomBytes } from 'node:crypto';

/** 256 random bits, URL-safe: the raw value only ever travels in a link or a cookie. */
export function randomToken(): string {
	return randomBytes(32).toString('base64url');
}

/** What the database keeps instead of the token, so a leaked copy of it signs nobody in. */
export function sha256(value: string): string {
	return createHash('sha256').update(value).digest('hex');
}

/** A hash only the holder of `secret` can recompute: for short values (an IP address) that could be guessed. */
export function keyedHash(secret: string, value: string): string {
	return createHmac('sha256', secret).update(value).digest('hex');
}
