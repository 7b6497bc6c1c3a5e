import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { offerLevel, type CataloguePlace } from '$lib/domain/catalogue';
import { describeWeek, type OpenInterval } from '$lib/domain/hours';
import { LEVEL_INFO, type LevelOrUnknown } from '$lib/domain/levels';
import {
	SHEET_LANGUAGES,
	SHEET_NEED_CODES,
	accessSteps,
	formatSheetDate,
	formatSheetDay,
	type AccessStep,
	type SheetLanguage
} from '$lib/domain/orientation/sheet-i18n';
import { MAX_SHEET_PLACES, sheetSearch } from '$lib/domain/orientation/sheet-link';
import { fitProjection, type Projection } from '$lib/domain/static-map';
import { ACCESS_MODES } from '$lib/domain/vocabulary';
import { loadCatalogue } from '$lib/server/catalogue';
import { database } from '$lib/server/db';
import { areaShapes } from '$lib/server/db/queries/areas';
import { qrDataUrl } from '$lib/server/qr';
import type { PageServerLoad } from './$types';

/**
 * The orientation sheet reads only its URL and stores nothing: the places, the language and the
 * needs are all the sheet knows, so the share link carries no personal data.
 */

const MAX_PLACES = MAX_SHEET_PLACES;

/** Repeated parameters (a form's checkboxes) and comma lists (a typed link) both work. */
function listParam(params: URLSearchParams, name: string): string[] {
	return params
		.getAll(name)
		.flatMap((value) => value.split(','))
		.map((value) => value.trim())
		.filter(Boolean);
}

const schema = z.object({
	lieux: z
		.array(z.string().regex(/^\d{1,9}$/, { error: (issue) => `« ${String(issue.input)} » n’est pas un numéro de lieu.` }))
		.min(1, { error: 'Choisissez au moins un lieu pour la fiche (paramètre « lieux »).' })
		.max(MAX_PLACES, { error: `Une fiche contient au plus ${MAX_PLACES} lieux.` })
		.transform((ids) => [...new Set(ids.map(Number))]),
	langue: z
		.enum(SHEET_LANGUAGES, { error: (issue) => `Langue inconnue : « ${String(issue.input)} ». Choisissez fr, falc, en ou ar.` })
		.default('fr'),
	besoin: z.array(z.enum(SHEET_NEED_CODES, { error: (issue) => `Besoin inconnu : « ${String(issue.input)} ».` }))
});

export interface SheetPlace {
	id: number;
	name: string;
	address: string;
	addressComplement: string | null;
	postalCode: string;
	commune: string;
	description: string | null;
	levels: { level: LevelOrUnknown; rank: number; inferred: boolean }[];
	access: AccessStep[];
	/** Open days only, Monday = 0; null when the hours are unknown. */
	week: { day: number; intervals: OpenInterval[] }[] | null;
	closure: { until: string | null; message: string | null } | null;
	closedForGood: boolean;
	qr: string;
	map: SheetMap;
}

export interface SheetMap {
	src: string;
	width: number;
	height: number;
	/** Where the place is on the image, in % of its size; null when the point is off the map. */
	marker: { x: number; y: number } | null;
}

/** The width /carte.svg draws at; its height follows the commune's shape. */
const MAP_WIDTH = 800;
let mapFrame: Promise<Projection | null> | null = null;

/**
 * The projection /carte.svg uses (the commune's bounding box fitted into its width), so the sheet
 * can ring the place's dot: at 4 cm wide on paper the map's own dot is under a millimetre.
 * Areas never change while the server runs, hence computed once.
 */
function mapProjection(): Promise<Projection | null> {
	mapFrame ??= areaShapes(database().db).then((shapes) => {
		const communes = shapes.filter((s) => s.kind === 'commune');
		if (communes.length === 0) return null;
		const bbox: [number, number, number, number] = [
			Math.min(...communes.map((c) => c.bbox[0])),
			Math.min(...communes.map((c) => c.bbox[1])),
			Math.max(...communes.map((c) => c.bbox[2])),
			Math.max(...communes.map((c) => c.bbox[3]))
		];
		return fitProjection(bbox, MAP_WIDTH);
	});
	return mapFrame;
}

async function sheetMap(place: CataloguePlace): Promise<SheetMap> {
	const projection = await mapProjection();
	const src = `/carte.svg?lieu=${place.id}`;
	if (!projection) return { src, width: MAP_WIDTH, height: MAP_WIDTH, marker: null };
	const [x, y] = projection.project(place.lon, place.lat);
	const inside = x >= 0 && y >= 0 && x <= projection.width && y <= projection.height;
	const percent = (value: number, size: number) => Math.round((value / size) * 10_000) / 100;
	return {
		src,
		width: projection.width,
		height: projection.height,
		marker: inside ? { x: percent(x, projection.width), y: percent(y, projection.height) } : null
	};
}

/** « +33320662929 » → « 03 20 66 29 29 »: the way a French number is read aloud and dialled. */
function displayPhone(phone: string): string {
	const digits = phone.replace(/[^\d+]/g, '');
	const national = /^\+33\d{9}$/.test(digits) ? `0${digits.slice(3)}` : digits;
	return /^0\d{9}$/.test(national) ? national.replace(/(\d{2})(?=\d)/g, '$1 ') : phone;
}

const accessCode = (value: string) => ACCESS_MODES.find((m) => m.value === value)?.code ?? null;

async function sheetPlace(place: CataloguePlace, origin: string, lang: SheetLanguage, now: Date): Promise<SheetPlace> {
	const open = place.offers.filter((o) => o.status !== 'closed');
	const levels = new Map<LevelOrUnknown, { level: LevelOrUnknown; rank: number; inferred: boolean }>();
	for (const offer of open) {
		const level = offerLevel(offer);
		const known = levels.get(level);
		// A level is inferred only if no offer at that level declares it.
		levels.set(level, { level, rank: LEVEL_INFO[level].rank, inferred: (known?.inferred ?? true) && offer.levelInferred });
	}
	const modes = [...new Set(open.flatMap((o) => o.accessModes).map(accessCode).filter((c): c is string => c !== null))];
	const withHours = open.map((o) => describeWeek(o.hours, now)).find((week) => week !== null) ?? null;
	const closing = open.length > 0 && open.every((o) => o.status === 'temporarily_closed') ? open[0]! : null;
	return {
		id: place.id,
		name: place.name,
		address: place.address,
		addressComplement: place.addressComplement,
		postalCode: place.postalCode,
		commune: place.commune,
		description: place.description,
		levels: [...levels.values()].sort((a, b) => (a.rank || 9) - (b.rank || 9)),
		access: accessSteps({
			modes,
			phone: place.phone ? displayPhone(place.phone) : null,
			email: place.email,
			bookingUrl: open.find((o) => o.bookingUrl)?.bookingUrl ?? null
		}),
		week: withHours
			? withHours.map((d, day) => ({ day, intervals: d.intervals })).filter((d) => d.intervals.length > 0)
			: null,
		closure: closing
			? { until: closing.closedUntil ? formatSheetDay(lang, closing.closedUntil) : null, message: closing.closureMessage }
			: null,
		closedForGood: place.offers.length > 0 && open.length === 0,
		qr: await qrDataUrl(`${origin}/lieux/${place.id}`),
		map: await sheetMap(place)
	};
}

export const load: PageServerLoad = async ({ url }) => {
	const parsed = schema.safeParse({
		// The same place twice is no mistake worth refusing a sheet for.
		lieux: [...new Set(listParam(url.searchParams, 'lieux'))],
		langue: url.searchParams.get('langue') || undefined,
		besoin: listParam(url.searchParams, 'besoin')
	});
	if (!parsed.success) {
		const messages = [...new Set(parsed.error.issues.map((issue) => issue.message))];
		error(400, `Impossible de préparer la fiche. ${messages.join(' ')}`);
	}
	const { lieux: ids, langue: lang } = parsed.data;
	const needs = [...new Set(parsed.data.besoin)];
	const catalogue = await loadCatalogue();
	const missing = ids.filter((id) => !catalogue.byId.has(id));
	if (missing.length > 0) {
		const which = missing.map((id) => `n° ${id}`).join(', ');
		error(400, `Impossible de préparer la fiche. ${missing.length > 1 ? `Les lieux ${which} n’existent pas.` : `Le lieu ${which} n’existe pas.`}`);
	}
	const now = new Date();
	const places = await Promise.all(ids.map((id) => sheetPlace(catalogue.byId.get(id)!, url.origin, lang, now)));
	const path = url.pathname;
	return {
		lang,
		needs,
		// Formatted here, not in the browser: Node's and the browser's Intl data may word a date differently.
		date: formatSheetDate(lang, now),
		places,
		shareUrl: `${url.origin}${path}${sheetSearch(ids, lang, needs)}`,
		languageLinks: SHEET_LANGUAGES.map((code) => ({ code, href: `${path}${sheetSearch(ids, code, needs)}` }))
	};
};
