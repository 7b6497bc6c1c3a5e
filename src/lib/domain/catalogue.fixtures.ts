import type { CatalogueOffer, CataloguePlace } from './catalogue';
import { normalizeText } from './vocabulary';

/**
 * Neutral catalogue records for unit tests: an active, free-of-opinion offer and a place in
 * Roubaix with nothing set. Each test says only what matters to it.
 */

export function testOffer(fields: Partial<CatalogueOffer> & Pick<CatalogueOffer, 'id'>): CatalogueOffer {
	return {
		placeId: 0,
		level: null,
		levelInferred: false,
		themes: [],
		tags: [],
		publics: [],
		specificSupport: [],
		fees: [],
		accessModes: [],
		programmes: [],
		otherLabels: [],
		languages: ['fr'],
		hours: null,
		bookingUrl: null,
		remote: false,
		description: null,
		status: 'active',
		closedFrom: null,
		closedUntil: null,
		closureMessage: null,
		source: 'test',
		updatedAt: '2026-11-01T00:00:00.000Z',
		verifiedAt: '2026-11-01',
		verifiedHow: 'structure',
		...fields
	};
}

export function testPlace(fields: Partial<CataloguePlace> & Pick<CataloguePlace, 'id' | 'name'>): CataloguePlace {
	const address = fields.address ?? '1 rue du Test';
	return {
		actorId: fields.id,
		searchKey: normalizeText(`${fields.name} ${address}`),
		address,
		addressComplement: null,
		postalCode: '59100',
		commune: 'Roubaix',
		lat: 50.69,
		lon: 3.18,
		phone: null,
		email: null,
		website: null,
		description: null,
		source: 'test',
		sourceId: String(fields.id),
		sourceUpdatedOn: '2026-11-01',
		updatedAt: '2026-11-01T00:00:00.000Z',
		iris: null,
		grandQuartier: null,
		qpv: null,
		irisInQpv: false,
		inCommune: true,
		areaCodes: [],
		flags: [],
		offers: [],
		...fields
	};
}
