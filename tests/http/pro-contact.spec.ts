/**
 * The contact for professionals (issue 13) never reaches a visitor: every GET path of the OpenAPI
 * document, the open-data exports named one by one (a path dropped from the document must not
 * escape the check), the pages of the structure and of its places, the static map. Raw requests
 * with no session, once (browser-less, tests/http).
 */
import { expect, test } from '@playwright/test';
import { actorIdByName, dbRows, dbWrite } from '../accounts';

const ACTOR = 'CCAS de Roubaix';
const REFERENT = 'Clémence Référente-Export';
const LINE = '03 20 98 76 53';

/** Neither the name nor the line, in any of the ways a phone number is written. */
function expectNoContact(text: string, where: string) {
	const digits = LINE.replace(/\D/g, '');
	expect(text, where).not.toContain(REFERENT);
	expect(text, where).not.toContain(LINE);
	expect(text.replace(/\D/g, ' '), where).not.toContain(digits);
	expect(text, where).not.toContain(`+33${digits.slice(1)}`);
}

test('le contact professionnel n’est nulle part pour un visiteur : pages, chaque chemin de l’API, exports', async ({ request }) => {
	const actorId = await actorIdByName(ACTOR);
	await dbWrite('update actors set pro_contact_name = ?, pro_contact_phone = ? where id = ?', REFERENT, LINE, actorId);
	try {
		const spec = (await (await request.get('/api/v1/openapi.json')).json()) as { paths: Record<string, { get?: unknown }> };
		const paths = Object.entries(spec.paths)
			.filter(([path, ops]) => ops.get && !path.includes('{'))
			.map(([path]) => `/api/v1${path}`);
		for (const path of ['/api/v1/export.csv', '/api/v1/export.json', '/api/v1/export.geojson', '/api/v1/offers?limit=1000']) if (!paths.includes(path)) paths.push(path);
		expect(paths).toContain('/api/v1/data-inclusion/structures.json');
		const places = await dbRows<{ id: number }>('select id from places where actor_id = ?', actorId);
		const pages = ['/', '/structures', `/structures/${actorId}`, ...places.map((p) => `/lieux/${p.id}`), `/carte.svg?lieu=${places[0]!.id}`];
		for (const path of [...paths, ...pages]) {
			const response = await request.get(path, { headers: { 'Accept-Encoding': 'identity' } });
			expect(response.status(), path).toBe(200);
			expectNoContact(await response.text(), path);
		}
	} finally {
		await dbWrite('update actors set pro_contact_name = null, pro_contact_phone = null where id = ?', actorId);
	}
});
