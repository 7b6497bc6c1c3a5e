import Papa from 'papaparse';
import { neutraliseFormula } from '../export/spreadsheet';
import type { Registration } from '../db/queries/network-registrations';

const STATUS: Record<Registration['status'], string> = { confirmed: 'place confirmée', waiting: 'liste d’attente', cancelled: 'annulée' };

/**
 * The coordinator's list of an edition, for a spreadsheet: semicolons and a BOM as French Excel
 * expects, every cell a person typed neutralised so it cannot run as a formula.
 */
export function registrationsCsv(list: readonly Registration[]): string {
	const rows = list.map((r) =>
		[r.name, r.email, r.structure ?? '', r.needs ?? '', STATUS[r.status], r.createdAt, r.attended ? 'oui' : ''].map(neutraliseFormula)
	);
	return '\uFEFF' + Papa.unparse({ fields: ['Nom', 'Adresse e-mail', 'Structure', 'Besoins', 'Statut', 'Inscrit·e le', 'Présent·e'], data: rows }, { delimiter: ';', newline: '\r\n' });
}
