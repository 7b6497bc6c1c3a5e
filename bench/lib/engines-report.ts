/** The engine bench's text: one table per data set, one column per engine, and their ratio. */
import type { Engine } from '../../src/lib/server/db/connect';
import { ENGINE_TARGETS, type DatasetFigures, type EngineBenchOptions, type EngineBenchResult, type Measured } from './engines';
import { heading, int, kb, ms, num1, seconds, table } from './format';

type Value = Measured<number> | null;
interface Row {
	label: string;
	value: (d: DatasetFigures) => Value;
	format: (n: number) => string;
	/** Shown, and judged, on the synthetic (national) data set only. */
	target?: number;
}

const of = <T>(m: Measured<T>, pick: (v: T) => number | null): Value => {
	if (!m.ok) return m;
	const n = pick(m.value);
	return n === null ? null : { ok: true, value: n };
};

function rows(options: EngineBenchOptions, synthetic: boolean): Row[] {
	const perResident = Math.max(10, Math.round(options.requests / 4));
	const importRows: Row[] = synthetic
		? [
				{ label: 'import (npm run import : scripts/import.ts entier)', value: (d) => of(d.import, (v) => v.totalMs), format: seconds, target: ENGINE_TARGETS.nationalImportMs },
				{ label: '  avant l’écriture (démarrage, lecture et contrôle du fichier)', value: (d) => of(d.import, (v) => v.beforeWriteMs), format: seconds },
				{ label: '  écriture des lieux et des offres, un par un', value: (d) => of(d.import, (v) => v.writeMs), format: seconds },
				{ label: '  signalements qualité, puis validation (commit)', value: (d) => of(d.import, (v) => v.qualityAndCommitMs), format: seconds }
			]
		: [{ label: 'import des 39 lieux (importSchemaFile, après migrations et géographie)', value: (d) => of(d.import, (v) => v.totalMs), format: ms }];
	return [
		...importRows,
		{ label: 'serveur : démarrage → 1re réponse', value: (d) => of(d.server, (v) => v.startMs), format: ms },
		{ label: '  dont 1re requête (catalogue construit en mémoire)', value: (d) => of(d.server, (v) => v.firstRequestMs), format: ms },
		{ label: 'arrêt du serveur (SIGTERM → fin du processus) (²)', value: (d) => of(d.server, (v) => v.stopMs ?? null), format: ms },
		{ label: 'lecture de tout l’annuaire (loadCatalogue, hors serveur)', value: (d) => d.catalogueMs, format: ms },
		{ label: `/api/v1/offers p50 (5 requêtes × ${options.requests})`, value: (d) => of(d.api, (v) => v.overall.p50), format: ms },
		{ label: '/api/v1/offers p95', value: (d) => of(d.api, (v) => v.overall.p95), format: ms, target: ENGINE_TARGETS.apiP95Ms },
		{ label: '/api/v1/offers p95 de la pire requête', value: (d) => of(d.api, (v) => Math.max(...v.perQuery.map((q) => q.p95))), format: ms },
		{ label: `rendu serveur de / (${options.connections} connexions, ${options.durationS} s)`, value: (d) => of(d.ssr, (v) => v.requestsPerSecond), format: (n) => `${num1(n)} req/s` },
		{ label: '  p99 de /', value: (d) => of(d.ssr, (v) => v.p99), format: ms },
		{ label: `1er rendu de / pour ${HOME_RENDERS} jeux de filtres (rien en cache) : médiane`, value: (d) => of(d.homeFirstRender, (v) => v.median), format: ms, target: ENGINE_TARGETS.homeRenderMs },
		{ label: '  le pire des 1ers rendus', value: (d) => of(d.homeFirstRender, (v) => v.max), format: ms, target: ENGINE_TARGETS.homeRenderMs },
		{ label: '  CPU du serveur par 1er rendu (/proc ; insensible à l’attente) (⁴)', value: (d) => of(d.homeFirstRender, (v) => v.cpuMs), format: ms, target: ENGINE_TARGETS.homeRenderMs },
		{ label: '  CPU du serveur par requête de / (autocannon)', value: (d) => of(d.ssr, (v) => v.cpuMsPerRequest), format: ms },
		{ label: '1er chargement de la carte : données sur le fil (brotli) (³)', value: (d) => of(d.mapFirstLoad, (v) => v.total), format: kb, target: ENGINE_TARGETS.mapFirstLoadBytes },
		{ label: '  dont /api/v1/places.geojson', value: (d) => of(d.mapFirstLoad, (v) => v.parts.find((p) => p.path.startsWith('/api/v1/places'))?.wireBytes ?? null), format: kb },
		{ label: `/orienter étape 5 p50 (${RESIDENT_COUNT} habitants × ${perResident}, orientation enregistrée une fois, puis retrouvée)`, value: (d) => of(d.orientationHttp, (v) => v.p50), format: ms },
		{ label: '/orienter étape 5 p95', value: (d) => of(d.orientationHttp, (v) => v.p95), format: ms },
		{ label: 'orientation, classement seul en mémoire p95 (¹)', value: (d) => of(d.orientationRanking, (v) => v.p95), format: ms },
		{ label: '/pilotage, 1re visite (indicateurs calculés à froid)', value: (d) => d.pilotageHttpFirstMs, format: ms },
		{ label: 'pilotage, recalcul complet médian en mémoire (¹)', value: (d) => of(d.pilotage, (v) => v.recomputeMedianMs), format: ms },
		{ label: 'pilotage, « Et si… » en mémoire (¹)', value: (d) => of(d.pilotage, (v) => v.whatIfMs), format: ms }
	];
}
const RESIDENT_COUNT = 5;
const HOME_RENDERS = 7;

export function engineReport(result: EngineBenchResult, options: EngineBenchOptions): string {
	const engines = options.engines;
	const both = engines.length === 2;
	const notes: string[] = [];
	const cell = (v: Value, format: (n: number) => string) => {
		if (v === null) return '—';
		if (v.ok) return format(v.value);
		const note = v.error.split('\n').slice(0, 3).join(' ').slice(0, 400);
		// One note per distinct error: a failed import fails every measurement after it alike.
		if (!notes.includes(note)) notes.push(note);
		return `ÉCHEC (${notes.indexOf(note) + 1})`;
	};
	const out = [heading(`Moteurs de base de données : ${engines.join(' et ')}`)];
	if (result.file) {
		const f = result.file;
		out.push(
			`  Fichier synthétique : ${int(f.places)} lieux « Lieu synthétique n° … » (source synthetique), ${int(f.offers)} offres, ` +
				`${int(f.streets)} voies synthétiques, ${kb(f.bytes)} de CSV, généré en ${seconds(f.ms)} ; importé dans la base du banc après les données réelles.`
		);
	}
	out.push(
		`  Cibles à l’échelle nationale : p95 de /api/v1/offers ≤ ${ENGINE_TARGETS.apiP95Ms} ms, import ≤ ${seconds(ENGINE_TARGETS.nationalImportMs)}, ` +
			`1er rendu de / < ${ENGINE_TARGETS.homeRenderMs} ms, données du 1er chargement de la carte ≤ ${kb(ENGINE_TARGETS.mapFirstLoadBytes)}.`
	);
	if (both) out.push('  Rapport = postgres ÷ sqlite (au-dessus de 1 : postgres prend plus de temps ; pour req/s, au-dessus de 1 : postgres sert plus).');
	const names = [...new Set(result.datasets.map((d) => d.dataset))];
	for (const name of names) {
		const sets = new Map(result.datasets.filter((d) => d.dataset === name).map((d) => [d.engine, d] as [Engine, DatasetFigures]));
		const any = [...sets.values()][0]!;
		const head = ['mesure', ...engines];
		if (both) head.push('rapport');
		head.push('cible', 'verdict');
		const lines = [head];
		const count = (d: DatasetFigures | undefined) =>
			d ? `${d.places === null ? '?' : int(d.places)} lieux, ${d.offers === null ? '?' : int(d.offers)} offres` : '—';
		lines.push(['données', ...engines.map((e) => count(sets.get(e))), ...(both ? [''] : []), '', '']);
		for (const row of rows(options, any.synthetic)) {
			const values = engines.map((e) => { const d = sets.get(e); return d ? row.value(d) : null; });
			const target = any.synthetic ? row.target : undefined;
			const line = [row.label, ...values.map((v) => cell(v, row.format))];
			if (both) {
				const [a, b] = values;
				line.push(a?.ok && b?.ok && a.value > 0 ? `× ${num1(b.value / a.value)}` : '');
			}
			line.push(target === undefined ? '' : `≤ ${row.format(target)}`);
			line.push(
				target === undefined
					? ''
					: values.map((v, i) => `${engines[i]} ${v?.ok ? (v.value <= target ? 'atteint' : 'MANQUÉ') : '?'}`).join(', ')
			);
			lines.push(line);
		}
		const loads = engines.map((e) => sets.get(e)).filter((d): d is DatasetFigures => !!d);
		out.push('', `  ${name} — charge 1 min ${loads.map((d) => `${d.engine} ${num1(d.load[0])} → ${num1(d.load[1])}`).join(', ')}`, table(lines, '    '));
	}
	out.push(
		'',
		'  (¹) calcul en mémoire sur ce que la base a rendu : le même code sur les deux moteurs, seule la charge de la machine varie.',
		'  (²) au-delà de 10 s, le banc tue le serveur (SIGKILL)' +
			(result.datasets.some((d) => d.server.ok && d.server.value.killed)
				? ` : tué ici pour ${result.datasets.filter((d) => d.server.ok && d.server.value.killed).map((d) => `${d.engine} (${d.dataset})`).join(', ')}.`
				: '.'),
		'  (³) ce que la carte télécharge à son 1er chargement : les points (/api/v1/places.geojson), les territoires, les rues et les deux\n      fichiers de glyphes, chacun avec l’Accept-Encoding d’un navigateur (le JavaScript de MapLibre est compté à part, section 1 du banc complet).',
		'  (⁴) temps CPU du processus serveur (tous ses fils, ramasse-miettes compris) ÷ rendus : ce que coûte un rendu à un cœur libre ; la durée\n      mesurée par le client y ajoute l’attente d’un cœur quand la machine est chargée.',
		'  /orienter et /pilotage passent par le serveur (node build) : lecture en base, calcul, rendu ; /orienter enregistre chaque orientation\n  nouvelle et retrouve en base une orientation identique des 30 dernières minutes (les requêtes répétées du banc).'
	);
	if (notes.length) out.push('', '  Échecs :', ...notes.map((n, i) => `    (${i + 1}) ${n}`));
	return out.join('\n');
}
