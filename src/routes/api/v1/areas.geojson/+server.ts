import { json } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { areasGeoJson } from '$lib/server/db/queries/areas';
import type { RequestHandler } from './$types';

const KINDS = ['commune', 'grand_quartier', 'iris', 'qpv'] as const;
type Kind = (typeof KINDS)[number];

export const GET: RequestHandler = async ({ url }) => {
	for (const name of url.searchParams.keys()) {
		if (name !== 'type') {
			return json({ error: 'Paramètres invalides', errors: [{ parameter: name, message: `Paramètre inconnu : « ${name} ».` }] }, { status: 400 });
		}
	}
	const kinds = url.searchParams.getAll('type').flatMap((t) => t.split(','));
	const bad = kinds.find((k) => !(KINDS as readonly string[]).includes(k));
	if (bad !== undefined) {
		return json(
			{ error: 'Paramètres invalides', errors: [{ parameter: 'type', message: `Type de territoire inconnu : « ${bad} ». Valeurs possibles : ${KINDS.join(', ')}.` }] },
			{ status: 400 }
		);
	}
	const collection = await areasGeoJson(database().db, kinds as Kind[]);
	return new Response(JSON.stringify(collection), {
		headers: {
			'Content-Type': 'application/geo+json; charset=utf-8',
			'Access-Control-Allow-Origin': '*',
			// The geography only changes with a new release of the seed data.
			'Cache-Control': 'public, max-age=3600'
		}
	});
};
