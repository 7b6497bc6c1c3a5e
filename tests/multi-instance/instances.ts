/**
 * The two servers of playwright.multi.config.ts, and the forms of /espace as their pages send
 * them (a real form POST: same-origin `Origin` header, url-encoded body, no JavaScript).
 */
import type { APIRequestContext, APIResponse, PlaywrightWorkerArgs } from '@playwright/test';
import { createUser, dbRow, sessionCookie } from '../accounts';
import { E2E_PORT } from '../e2e-server';
import type { Offer, Place } from '../../src/lib/server/db/schema';

export interface Instance {
	name: 'A' | 'B';
	origin: string;
}

export const A: Instance = { name: 'A', origin: `http://127.0.0.1:${E2E_PORT + 1}` };
export const B: Instance = { name: 'B', origin: `http://127.0.0.1:${E2E_PORT + 2}` };

export type Fields = [string, string][];

/** A request context per instance; `Connection: close` so a refused body never resets a kept-alive socket. */
export async function clients(playwright: PlaywrightWorkerArgs['playwright']) {
	const open = (i: Instance) => playwright.request.newContext({ baseURL: i.origin, extraHTTPHeaders: { Connection: 'close' } });
	const [a, b] = await Promise.all([open(A), open(B)]);
	return { a, b, dispose: () => Promise.all([a.dispose(), b.dispose()]) };
}

export interface Answer {
	status: number;
	headers: Record<string, string>;
	text: string;
}

/**
 * One request from a context of its own, read at once. A shared context keeps the cookies it is
 * given, and cookies ignore the port: a session opened on B would be sent to A as well.
 */
export async function alone(playwright: PlaywrightWorkerArgs['playwright'], at: Instance, send: (api: APIRequestContext) => Promise<APIResponse>): Promise<Answer> {
	const api = await playwright.request.newContext({ baseURL: at.origin, extraHTTPHeaders: { Connection: 'close' } });
	try {
		const response = await send(api);
		return { status: response.status(), headers: response.headers(), text: await response.text() };
	} finally {
		await api.dispose();
	}
}

/** A form POST to a SvelteKit action, as the browser sends it without JavaScript. */
export function postForm(api: APIRequestContext, at: Instance, path: string, fields: Fields, session: string | null): Promise<APIResponse> {
	return api.post(path, {
		data: new URLSearchParams(fields).toString(),
		headers: {
			// SvelteKit refuses a form POST whose Origin is not this instance's ORIGIN.
			Origin: at.origin,
			Accept: 'text/html',
			'Content-Type': 'application/x-www-form-urlencoded',
			...(session ? { Cookie: `session=${session}` } : {})
		},
		maxRedirects: 0,
		timeout: 30_000
	});
}

/** A new coordinator and a session of theirs (sessions live in the database: valid on both instances). */
export async function coordinator(email: string): Promise<{ id: number; session: string }> {
	const id = await createUser(email, 'coordinator');
	return { id, session: (await sessionCookie(id)).value };
}

// The tables' own row types: the tests read the database as the source of truth.
export type PlaceRow = Place;
export type OfferRow = Offer;

export const placeRow = async (id: number) => (await dbRow<PlaceRow>('select * from places where id = ?', id))!;
export const offerRow = async (id: number) => (await dbRow<OfferRow>('select * from offers where id = ?', id))!;

/** The place form of /espace/lieux/ID as loaded from `p`, with `change` typed over it. */
export function placeFields(p: PlaceRow, change: Partial<Record<keyof PlaceRow, string>> = {}): Fields {
	const base: Record<string, string> = {
		name: p.name,
		address: p.address,
		address_complement: p.address_complement ?? '',
		postal_code: p.postal_code,
		commune: p.commune,
		lat: String(p.lat),
		lon: String(p.lon),
		phone: p.phone ?? '',
		email: p.email ?? '',
		website: p.website ?? '',
		description: p.description ?? ''
	};
	return [['version', String(p.version)], ...Object.entries({ ...base, ...change })];
}

/** The offer form of /espace/offres/ID as loaded from `o`, with `change` typed over it. */
export function offerFields(o: OfferRow, change: Record<string, string> = {}): Fields {
	const list = (json: string) => JSON.parse(json) as string[];
	const fields: Fields = [['version', String(o.version)]];
	const single: Record<string, string> = {
		place_id: String(o.place_id),
		level: o.level ?? 'learn',
		hours_mode: 'osm',
		hours_osm: o.hours ?? '',
		booking_url: o.booking_url ?? '',
		description: o.description ?? '',
		status: o.status,
		closed_from: o.closed_from ?? '',
		closed_until: o.closed_until ?? '',
		closure_message: o.closure_message ?? '',
		other_labels: list(o.other_labels).join('\n'),
		...change
	};
	fields.push(...Object.entries(single));
	if (o.remote) fields.push(['remote', 'on']);
	for (const key of ['themes', 'tags', 'publics', 'specific_support', 'fees', 'access_modes', 'programmes', 'languages'] as const) {
		for (const v of list(o[key])) fields.push([key, v]);
	}
	return fields;
}
