/**
 * Two instances of the app on one PostgreSQL database, as behind a load balancer: a person's next
 * request may reach the other one. What one publishes, the other serves at once; a sign-in link
 * is single-use whichever instance spends it; and saves sent through both at the same moment are
 * neither lost nor merged over each other. The database is this run's own (created empty by the
 * caller, seeded by the first start): the tests take disjoint records and leave what they wrote.
 */
import { randomBytes } from 'node:crypto';
import { expect, test, type APIResponse } from '@playwright/test';
import { createUser, dbRows, lastLinkTo, uniqueEmail } from '../accounts';
import { A, alone, B, clients, coordinator, offerFields, offerRow, placeFields, placeRow, postForm, type Answer, type Instance } from './instances';

const tag = () => randomBytes(3).toString('hex');

/** Places with an active offer, by id; each test takes its own slice. */
async function placesWithOffer(): Promise<{ placeId: number; offerId: number }[]> {
	return dbRows<{ placeId: number; offerId: number }>(
		`select p.id as "placeId", min(o.id) as "offerId" from places p join offers o on o.place_id = p.id
		 where o.status = 'active' group by p.id order by p.id`
	);
}

const publishedSince = async (entity: 'place' | 'offer', id: number, since: number) =>
	(await dbRows<{ id: number }>("select id from revisions where entity = ? and entity_id = ? and status = 'published' and id > ?", entity, id, since)).length;

const lastRevision = async () => (await dbRows<{ id: number }>('select coalesce(max(id), 0) as id from revisions'))[0]!.id;

function expectPublished(response: APIResponse, path: string) {
	expect(response.status(), `${path}: published`).toBe(303);
	expect(response.headers()['location']).toBe(`${path}?etat=publie`);
}

const tokenOf = (link: string) => new URL(link).searchParams.get('jeton') ?? '';

test.describe('deux instances sur une même base PostgreSQL', () => {
	test('une modification publiée par A se voit sur B à la requête suivante (page du lieu, API)', async ({ playwright }, info) => {
		const api = await clients(playwright);
		try {
			const { placeId, offerId } = (await placesWithOffer())[0]!;
			const place = await placeRow(placeId);
			const offer = await offerRow(offerId);
			// B has served both before the change: whatever it keeps in memory is of the old version.
			const pageBefore = await (await api.b.get(`/lieux/${placeId}`)).text();
			expect(pageBefore).toContain(place.name);
			const apiBefore = (await (await api.b.get('/api/v1/offers?limit=1000')).json()) as { offers: { id: number; booking_url: string | null }[] };
			expect(apiBefore.offers.map((o) => o.id)).toContain(offerId);

			const { session } = await coordinator(uniqueEmail('coordination-a', info));
			const description = `Ateliers du jeudi, publiés par l’instance A (${tag()})`;
			const placePath = `/espace/lieux/${placeId}`;
			expectPublished(await postForm(api.a, A, `${placePath}?/save`, placeFields(place, { description }), session), placePath);
			const booking = `https://exemple.fr/rendez-vous/${tag()}`;
			const offerPath = `/espace/offres/${offerId}`;
			expectPublished(await postForm(api.a, A, `${offerPath}?/save`, offerFields(offer, { booking_url: booking }), session), offerPath);

			const pageAfter = await (await api.b.get(`/lieux/${placeId}`)).text();
			expect(pageAfter, 'B shows the description saved through A').toContain(description);
			expect(pageAfter, 'B shows the booking link saved through A').toContain(`href="${booking}"`);
			const apiAfter = (await (await api.b.get('/api/v1/offers?limit=1000')).json()) as { offers: { id: number; booking_url: string | null }[] };
			expect(apiAfter.offers.find((o) => o.id === offerId)?.booking_url, 'B’s API has the new value').toBe(booking);
		} finally {
			await api.dispose();
		}
	});

	test('un lien de connexion demandé sur l’une sert sur l’autre, une seule fois', async ({ playwright }, info) => {
		/** Asks for a link through the /connexion form of `i`, reads it from the outbox. */
		async function requestLink(i: Instance, email: string): Promise<string> {
			const answer = await alone(playwright, i, (api) => postForm(api, i, '/connexion', [['email', email], ['retour', '/espace']], null));
			expect(answer.text).toContain('Regardez votre messagerie');
			const link = await lastLinkTo(email, '/connexion/lien');
			expect(new URL(link).origin, 'the link names the instance that sent it').toBe(i.origin);
			return tokenOf(link);
		}
		const signIn = (i: Instance, token: string) =>
			alone(playwright, i, (api) => postForm(api, i, '/connexion/lien', [['jeton', token], ['retour', '/espace']], null));
		async function expectSignedIn(answer: Answer, email: string) {
			expect(answer.status).toBe(303);
			expect(answer.headers['location']).toBe('/espace');
			const session = /^session=([^;]+)/.exec(answer.headers['set-cookie'] ?? '')?.[1];
			expect(session, 'a session cookie').toBeTruthy();
			// The session is in the database: both instances know it.
			for (const i of [A, B]) {
				const page = await alone(playwright, i, (api) => api.get('/espace', { headers: { Cookie: `session=${session}` }, maxRedirects: 0 }));
				expect(page.status, `signed in on ${i.name}, not sent to /connexion`).toBe(200);
				expect(page.text).toContain('Mon espace</h1>');
				expect(page.text).toContain(email);
			}
		}
		function expectRefused(answer: Answer) {
			expect(answer.status).toBe(400);
			expect(answer.headers['set-cookie'] ?? '').not.toContain('session=');
			expect(answer.text).toContain('Ce lien a déjà servi : chaque lien ne fonctionne qu’une fois.');
		}

		for (const [asked, used] of [[A, B], [B, A]] as const) {
			// Lower case: the app stores and looks up addresses in lower case.
			const email = uniqueEmail(`lien-${asked.name}-${used.name}`.toLowerCase(), info);
			await createUser(email, 'member');
			const token = await requestLink(asked, email);
			await expectSignedIn(await signIn(used, token), email);
			expectRefused(await signIn(asked, token));
			expectRefused(await signIn(used, token));
		}

		// Both at the same moment: one signs in, the other is told the link has been used.
		const email = uniqueEmail('lien-double', info);
		await createUser(email, 'member');
		const token = await requestLink(A, email);
		const answers = await Promise.all([signIn(A, token), signIn(B, token)]);
		expect(answers.map((r) => r.status).sort()).toEqual([303, 400]);
		await expectSignedIn(answers.find((r) => r.status === 303)!, email);
		expectRefused(answers.find((r) => r.status === 400)!);
	});

	test('deux coordinations enregistrent la même offre au même moment, l’une par A, l’autre par B : une seule est publiée', async ({ playwright }, info) => {
		const api = await clients(playwright);
		try {
			const first = await coordinator(uniqueEmail('coordination-1', info));
			const second = await coordinator(uniqueEmail('coordination-2', info));
			// Several rounds, each on its own offer: a race the app loses now and then must show here.
			const offers = (await placesWithOffer()).slice(1, 6).map((p) => p.offerId);
			for (const offerId of offers) {
				const offer = await offerRow(offerId);
				const since = await lastRevision();
				const path = `/espace/offres/${offerId}`;
				const values = { A: `https://exemple.fr/par-a/${tag()}`, B: `https://exemple.fr/par-b/${tag()}` };
				const [viaA, viaB] = await Promise.all([
					postForm(api.a, A, `${path}?/save`, offerFields(offer, { booking_url: values.A }), first.session),
					postForm(api.b, B, `${path}?/save`, offerFields(offer, { booking_url: values.B }), second.session)
				]);
				const statuses = { A: viaA.status(), B: viaB.status() };
				expect([statuses.A, statuses.B].sort(), `offer ${offerId}: one published (303), one refused (409)`).toEqual([303, 409]);
				const winner = statuses.A === 303 ? 'A' : 'B';
				expectPublished(winner === 'A' ? viaA : viaB, path);
				const refused = await (winner === 'A' ? viaB : viaA).text();
				expect(refused).toContain('Quelqu’un a modifié cette fiche pendant que vous la remplissiez');
				expect(refused).toContain('Rien n’a été enregistré');
				const stored = await offerRow(offerId);
				expect(stored.booking_url, `offer ${offerId}: the winner’s value (${winner})`).toBe(values[winner]);
				expect(stored.version, 'one save, one version').toBe(offer.version + 1);
				expect(await publishedSince('offer', offerId, since), 'one published revision').toBe(1);
			}
		} finally {
			await api.dispose();
		}
	});

	test('vingt lieux différents enregistrés en même temps par A et par B : aucun n’est perdu', async ({ playwright }, info) => {
		const api = await clients(playwright);
		try {
			const viaA = await coordinator(uniqueEmail('coordination-a', info));
			const viaB = await coordinator(uniqueEmail('coordination-b', info));
			const ids = (await placesWithOffer()).slice(6, 26).map((p) => p.placeId);
			expect(ids, 'twenty seeded places to save').toHaveLength(20);
			const before = await Promise.all(ids.map((id) => placeRow(id)));
			const since = await lastRevision();
			const run = tag();
			const wanted = new Map(ids.map((id, n) => [id, `Permanence n° ${n + 1}, enregistrée en même temps que dix-neuf autres (${run})`]));
			const responses = await Promise.all(
				before.map((place, n) => {
					const [client, instance, session] = n % 2 === 0 ? [api.a, A, viaA.session] : [api.b, B, viaB.session];
					return postForm(client, instance, `/espace/lieux/${place.id}?/save`, placeFields(place, { description: wanted.get(place.id)! }), session);
				})
			);
			const problems: string[] = [];
			for (const [n, place] of before.entries()) {
				const response = responses[n]!;
				const where = `place ${place.id} via ${n % 2 === 0 ? 'A' : 'B'}`;
				if (response.status() !== 303) problems.push(`${where}: answered ${response.status()}`);
				const stored = await placeRow(place.id);
				if (stored.description !== wanted.get(place.id)) problems.push(`${where}: description is « ${stored.description} »`);
				if (stored.version !== place.version + 1) problems.push(`${where}: version ${place.version} → ${stored.version}`);
				const revisions = await publishedSince('place', place.id, since);
				if (revisions !== 1) problems.push(`${where}: ${revisions} published revisions`);
			}
			expect(problems, 'every save landed, once').toEqual([]);
		} finally {
			await api.dispose();
		}
	});
});
