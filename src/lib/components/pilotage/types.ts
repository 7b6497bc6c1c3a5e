/**
 * The shapes the planners' pages receive from the server: plain, serialisable tables whose cells
 * are already written in French. The server builds them (src/lib/server/pilotage/tables.ts), the
 * components only lay them out, so the page, the CSV and the tests read the same figures.
 */

export interface TableCell {
	/** What the reader sees: « 53 % », « 1 234 », « n.d. ». */
	text: string;
	/** The raw number behind the text (a share 0–1, a count…), for tests and sorting. */
	value?: number | null;
	href?: string;
	/** Read by screen readers after the text, e.g. which row a « Voir sur la carte » link is for. */
	hiddenSuffix?: string;
}

export interface TableColumn {
	key: string;
	label: string;
	/** Right-aligned figures. */
	numeric?: boolean;
	/** This column's cells are the row headers (`<th scope="row">`). */
	rowHeader?: boolean;
}

export interface TableRow {
	/** Stable identifier (an area key, a figure id…), written as `data-key`. */
	key: string;
	cells: TableCell[];
	/** Drawn with emphasis: the chosen zone, a changed figure, a total. */
	emphasis?: boolean;
}

export interface TableModel {
	id: string;
	caption: string;
	columns: TableColumn[];
	rows: TableRow[];
	/** Short notes printed under the table (sources, what « n.d. » means…). */
	notes?: string[];
}

export interface LegendClass {
	colour: string;
	label: string;
	/** Drawn hatched as well (missing values, « plus de 15 min »): never colour alone. */
	hatched?: boolean;
}

export interface ChoroplethIris {
	code: string;
	name: string;
	/** Legend class index, or -1 when the value is missing. */
	cls: number;
	colour: string;
	text: string;
	/** Where its value is written: a point on its surface. */
	point: [number, number];
}

/** What the interactive map needs to draw the same choropleth as the SVG. */
export interface ChoroplethModel {
	indicator: string;
	title: string;
	legend: LegendClass[];
	missingColour: string;
	iris: ChoroplethIris[];
}
