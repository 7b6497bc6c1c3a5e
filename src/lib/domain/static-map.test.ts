import { describe, expect, it } from 'vitest';
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { escapeXml, fitProjection, renderStaticMapSvg, type StaticMapPoint } from './static-map';
import { LEVEL_INFO } from './levels';

function square(
	kind: string,
	code: string,
	[w, s, e, n]: [number, number, number, number]
): Feature<Polygon> {
	return {
		type: 'Feature',
		properties: { code, kind, name: code },
		geometry: {
			type: 'Polygon',
			coordinates: [
				[
					[w, s],
					[e, s],
					[e, n],
					[w, n],
					[w, s]
				]
			]
		}
	};
}

const areas: FeatureCollection = {
	type: 'FeatureCollection',
	features: [
		square('commune', '59512', [3.151, 50.669, 3.218, 50.71]),
		square('iris', '595120101', [3.151, 50.669, 3.18, 50.69]),
		square('grand_quartier', '5951201', [3.151, 50.669, 3.18, 50.69]),
		square('qpv', 'QN05980M', [3.16, 50.675, 3.2, 50.7])
	]
};

const point = (over: Partial<StaticMapPoint>): StaticMapPoint => ({
	id: 1,
	name: 'Médiathèque',
	lon: 3.18,
	lat: 50.69,
	ranks: [1],
	href: '/lieux/1',
	...over
});

function circles(svg: string) {
	return [...svg.matchAll(/<circle cx="([\d.-]+)" cy="([\d.-]+)" r="[\d.]+" fill="([^"]+)"/g)].map(
		(m) => ({ x: Number(m[1]), y: Number(m[2]), fill: m[3] })
	);
}

function viewBox(svg: string) {
	const m = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg);
	if (!m) throw new Error('no viewBox');
	return { width: Number(m[1]), height: Number(m[2]) };
}

describe('fitProjection', () => {
	const bbox: [number, number, number, number] = [3.151, 50.669, 3.218, 50.71];
	const projection = fitProjection(bbox, 800, 16);

	it('keeps north up and east right', () => {
		const [, yNorth] = projection.project(3.18, 50.7);
		const [, ySouth] = projection.project(3.18, 50.68);
		const [xWest] = projection.project(3.16, 50.69);
		const [xEast] = projection.project(3.2, 50.69);
		expect(yNorth).toBeLessThan(ySouth);
		expect(xWest).toBeLessThan(xEast);
	});

	it('fits the bbox into the box, padding included', () => {
		const [x0, y0] = projection.project(3.151, 50.71);
		const [x1, y1] = projection.project(3.218, 50.669);
		expect(x0).toBeCloseTo(16);
		expect(y0).toBeCloseTo(16);
		expect(x1).toBeCloseTo(784);
		expect(y1).toBeCloseTo(projection.height - 16, 0);
	});

	it('scales longitudes by cos(latitude) so distances keep their proportions', () => {
		const kx = Math.cos((50.6895 * Math.PI) / 180);
		const expectedRatio = (50.71 - 50.669) / ((3.218 - 3.151) * kx);
		expect((projection.height - 32) / (800 - 32)).toBeCloseTo(expectedRatio, 2);
	});
});

describe('renderStaticMapSvg', () => {
	it('is a standalone, labelled SVG document', () => {
		const svg = renderStaticMapSvg({ areas, points: [], title: 'Carte', description: 'Les lieux' });
		expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
		expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
		expect(svg).toContain('role="img"');
		expect(svg).toMatch(/<title[^>]*>Carte<\/title>/);
		expect(svg).toMatch(/<desc[^>]*>Les lieux<\/desc>/);
		const { width, height } = viewBox(svg);
		expect(width).toBe(800);
		expect(height).toBeGreaterThan(300);
		expect(height).toBeLessThan(800);
	});

	it('draws the commune, the IRIS and the QPV with a hatch pattern', () => {
		const svg = renderStaticMapSvg({ areas, points: [], title: 't', description: 'd' });
		expect(svg).toMatch(/<pattern id="qpv-hatch"/);
		expect(svg).toContain('fill="url(#qpv-hatch)"');
		expect(svg.match(/<path class="qpv"/g)).toHaveLength(1);
		expect(svg.match(/<path class="iris"/g)).toHaveLength(1);
		expect(svg.match(/<path class="commune"/g)).toHaveLength(1);
		// Grand quartiers are not drawn.
		expect(svg).not.toContain('5951201');
	});

	it('rounds coordinates to one decimal', () => {
		const svg = renderStaticMapSvg({ areas, points: [point({})], title: 't', description: 'd' });
		const numbers = [...svg.matchAll(/d="([^"]+)"/g)].flatMap((m) => m[1]!.match(/[\d.]+/g) ?? []);
		expect(numbers.length).toBeGreaterThan(0);
		for (const n of numbers) expect(n).toMatch(/^\d+(\.\d)?$/);
	});

	it('draws each point once, coloured by its highest level, with its numbers as text', () => {
		const svg = renderStaticMapSvg({
			areas,
			points: [
				point({ id: 1, ranks: [1], lat: 50.7 }),
				point({ id: 2, ranks: [2, 3], lat: 50.68, href: '/lieux/2' }),
				point({ id: 3, ranks: [0], lon: 3.2, href: '/lieux/3' })
			],
			title: 't',
			description: 'd'
		});
		const drawn = circles(svg);
		expect(drawn).toHaveLength(3);
		expect(drawn.map((c) => c.fill)).toEqual([
			LEVEL_INFO.discover.colour,
			LEVEL_INFO.support.colour,
			LEVEL_INFO.unknown.colour
		]);
		// North up: the first point (further north) is higher on the page.
		expect(drawn[0]!.y).toBeLessThan(drawn[1]!.y);
		const texts = [...svg.matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
		expect(texts).toEqual(['1', '2 3', '?']);
		expect(svg.match(/<a href="\/lieux\/\d"/g)).toHaveLength(3);
		for (const c of drawn) {
			expect(c.x).toBeGreaterThanOrEqual(0);
			expect(c.x).toBeLessThanOrEqual(800);
		}
	});

	it('leaves out points outside the frame (suspicious coordinates)', () => {
		const svg = renderStaticMapSvg({
			areas,
			points: [point({ id: 1 }), point({ id: 2, lon: 2.35, lat: 48.85 })],
			title: 't',
			description: 'd'
		});
		expect(circles(svg)).toHaveLength(1);
	});

	it('escapes every piece of text and every link', () => {
		const evil = `<script>alert("x")</script> & 'Café' "Le Nautilus"`;
		const svg = renderStaticMapSvg({
			areas,
			points: [point({ name: evil, href: '/lieux/1?a=1&b="2"' })],
			title: `Titre <b>& "co"`,
			description: `<desc>'`
		});
		expect(svg).not.toContain('<script>');
		expect(svg).not.toContain('<b>');
		expect(svg).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &apos;Café&apos;');
		expect(svg).toContain('href="/lieux/1?a=1&amp;b=&quot;2&quot;"');
		expect(svg).toContain('Titre &lt;b&gt;&amp; &quot;co&quot;');
		// No stray ampersand: every & starts an entity.
		expect(svg).not.toMatch(/&(?!(amp|lt|gt|quot|apos);)/);
	});
});

describe('escapeXml', () => {
	it('escapes the five XML specials', () => {
		expect(escapeXml(`<a href="x">'&'</a>`)).toBe(
			'&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;'
		);
	});
});
