import { describe, expect, it } from 'vitest';
import { maskTokens } from './mask';

describe('maskTokens', () => {
	it('hides the secret of every link a reader could use to act as someone else', () => {
		const text =
			'Lien : http://localhost:3000/connexion/lien?jeton=eYXHkYO2VaH0c0KkxKhboQXGDYO3f5Af9XlchLwiJ0Y&retour=%2Fespace\n' +
			'À jour : http://localhost:3000/confirmer/Zm9vYmFyYmF6cXV4cXV1eA_-12\n' +
			'Corriger : http://localhost:3000/espace/structures/2';
		expect(maskTokens(text)).toBe(
			'Lien : http://localhost:3000/connexion/lien?jeton=[masqué]&retour=%2Fespace\n' +
				'À jour : http://localhost:3000/confirmer/[masqué]\n' +
				'Corriger : http://localhost:3000/espace/structures/2'
		);
	});
});

describe('maskTokens, network links', () => {
	it('hides the secret of the Petit-déjeuner’s cancel and survey links', () => {
		expect(maskTokens('Annuler : http://x/reseau/annuler/AbC_-123456789012345678901\nRépondre : http://x/reseau/enquete/ZZZ_-123456789012345678901')).toBe(
			'Annuler : http://x/reseau/annuler/[masqué]\nRépondre : http://x/reseau/enquete/[masqué]'
		);
	});
});
