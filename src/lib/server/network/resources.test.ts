import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Connection } from '../db/connect';
import * as resources from '../db/queries/network-resources';
import { allRows, createUser, migratedDatabase } from '../testing/database';
import { resourceLinksForNeeds } from './links';
import { publishResource, readResourceForm, searchResources } from './resources';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0xff, 0x00]);
const PDF = new TextEncoder().encode('%PDF-1.7\n%\u00e2\n1 0 obj\n');
let conn: Connection;

beforeEach(async () => {
	conn = await migratedDatabase();
});
afterEach(async () => {
	await conn.db.destroy();
});

function form(fields: Record<string, string | string[]>, file?: { name: string; bytes: Uint8Array }) {
	const data = new FormData();
	for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) data.append(k, one);
	if (file) data.append('fichier', new File([new Uint8Array(file.bytes)], file.name));
	return data;
}

describe('publishing a resource', () => {
	it('stores a file in the database, byte for byte, and finds it by theme and words', async () => {
		const user = await createUser(conn, 'coord@exemple.fr', 'coordinator');
		const read = await readResourceForm(form({ titre: 'Mon Espace Santé, pas à pas', description: 'Le support de l’atelier', themes: ['health'] }, { name: 'guide santé.pdf', bytes: PDF }));
		expect(read.ok).toBe(true);
		const id = await publishResource(conn.db, user, read as typeof read & { ok: true });
		const file = await resources.file(conn.db, id);
		expect(file).toMatchObject({ name: 'guide santé.pdf', contentType: 'application/pdf' });
		expect(new Uint8Array(file!.content)).toEqual(PDF);

		const link = await readResourceForm(form({ titre: 'Guide cybersécurité', themes: ['cybersecurity'], lien: 'https://www.cybermalveillance.gouv.fr/' }));
		await publishResource(conn.db, user, link as typeof link & { ok: true });
		const all = await resources.all(conn.db);
		expect(searchResources(all, { theme: 'health', q: '' }).map((r) => r.id)).toEqual([id]);
		expect(searchResources(all, { theme: null, q: 'sante PAS' }).map((r) => r.id)).toEqual([id]);
		expect(searchResources(all, { theme: 'health', q: 'cyber' })).toEqual([]);
		expect(await resourceLinksForNeeds(conn.db, ['health', 'jobs'])).toEqual([{ theme: 'health', label: 'Numérique en santé', href: '/reseau/ressources?theme=health' }]);
	});

	it('refuses a .pdf that is a PNG, in French, and writes nothing', async () => {
		const read = await readResourceForm(form({ titre: 'Compte rendu', themes: ['health'] }, { name: 'compte-rendu.pdf', bytes: PNG }));
		expect(read).toMatchObject({ ok: false, errors: { fichier: expect.stringMatching(/^Ce fichier n’est pas un PDF comme son nom l’indique : son contenu est une image PNG/) } });
		expect(read.values).toMatchObject({ titre: 'Compte rendu', themes: ['health'] });
		expect(await allRows(conn, 'select id from network_resources')).toEqual([]);
	});

	it('wants one theme of the list, and a file or a link but not both', async () => {
		const none = await readResourceForm(form({ titre: 'Sans rien', themes: ['nimporte'] }));
		expect(none).toMatchObject({ ok: false, errors: { themes: expect.any(String), fichier: 'Choisissez un fichier ou indiquez un lien.' } });
		const both = await readResourceForm(form({ titre: 'Les deux', themes: ['health'], lien: 'https://exemple.fr' }, { name: 'a.pdf', bytes: PDF }));
		expect(both).toMatchObject({ ok: false, errors: { fichier: expect.stringMatching(/pas les deux/) } });
		const bad = await readResourceForm(form({ titre: 'Lien', themes: ['health'], lien: 'javascript:alert(1)' }));
		expect(bad).toMatchObject({ ok: false, errors: { lien: 'Un lien complet, qui commence par https://.' } });
	});
});
