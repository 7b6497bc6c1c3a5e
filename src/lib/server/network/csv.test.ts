import { describe, expect, it } from 'vitest';
import { registrationsCsv } from './csv';

describe('the registrations CSV', () => {
	it('neutralises what a person typed that a spreadsheet would run as a formula', () => {
		const csv = registrationsCsv([
			{
				id: 1,
				editionId: 1,
				name: '=HYPERLINK("https://exemple.invalid";"Cliquez")',
				email: 'a@exemple.fr',
				actorId: null,
				structure: '@SUM(1+1)',
				needs: '+33 3 20 00 00 00',
				status: 'confirmed',
				createdAt: '2026-03-01T10:00:00.000Z',
				confirmedAt: null,
				cancelledAt: null,
				attended: true
			}
		]);
		expect(csv.startsWith('\uFEFFNom;Adresse e-mail;Structure;Besoins;Statut;Inscrit·e le;Présent·e\r\n')).toBe(true);
		expect(csv).toContain(`"'=HYPERLINK(""https://exemple.invalid"";""Cliquez"")";a@exemple.fr;'@SUM(1+1);+33 3 20 00 00 00;place confirmée;2026-03-01T10:00:00.000Z;oui`);
	});
});
