import type { DB } from '../connect';

/** Files and links shared with the network; a file's bytes are read only when it is served. */

export interface Resource {
	id: number;
	title: string;
	description: string | null;
	themes: string[];
	editionId: number | null;
	editionNumber: number | null;
	editionTitle: string | null;
	linkUrl: string | null;
	fileName: string | null;
	contentType: string | null;
	size: number | null;
	createdAt: string;
}

export interface NewResource {
	title: string;
	description: string | null;
	themes: string[];
	editionId: number | null;
	linkUrl: string | null;
	file: { name: string; contentType: string; content: Buffer; sha256: string } | null;
	createdBy: number;
	createdAt: string;
}

export async function all(db: DB): Promise<Resource[]> {
	const rows = await db
		.selectFrom('network_resources as r')
		.leftJoin('network_editions as e', 'e.id', 'r.edition_id')
		.select([
			'r.id',
			'r.title',
			'r.description',
			'r.themes',
			'r.edition_id',
			'e.number as edition_number',
			'e.title as edition_title',
			'r.link_url',
			'r.file_name',
			'r.content_type',
			'r.size',
			'r.created_at'
		])
		.orderBy('r.created_at', 'desc')
		.orderBy('r.id', 'desc')
		.execute();
	return rows.map((r) => ({
		id: r.id,
		title: r.title,
		description: r.description,
		themes: JSON.parse(r.themes) as string[],
		editionId: r.edition_id,
		editionNumber: r.edition_number,
		editionTitle: r.edition_title,
		linkUrl: r.link_url,
		fileName: r.file_name,
		contentType: r.content_type,
		size: r.size === null ? null : Number(r.size),
		createdAt: r.created_at
	}));
}

export async function file(db: DB, id: number): Promise<{ name: string; contentType: string; content: Buffer; sha256: string } | null> {
	const row = await db
		.selectFrom('network_resources')
		.select(['file_name', 'content_type', 'content', 'sha256'])
		.where('id', '=', id)
		.where('content', 'is not', null)
		.executeTakeFirst();
	if (!row || !row.content) return null;
	return { name: row.file_name ?? 'ressource', contentType: row.content_type ?? 'application/octet-stream', content: Buffer.from(row.content), sha256: row.sha256 ?? '' };
}

export async function insert(db: DB, r: NewResource): Promise<number> {
	const row = await db
		.insertInto('network_resources')
		.values({
			title: r.title,
			description: r.description,
			themes: JSON.stringify(r.themes),
			edition_id: r.editionId,
			link_url: r.file ? null : r.linkUrl,
			file_name: r.file?.name ?? null,
			content_type: r.file?.contentType ?? null,
			size: r.file ? r.file.content.length : null,
			content: r.file?.content ?? null,
			sha256: r.file?.sha256 ?? null,
			created_by: r.createdBy,
			created_at: r.createdAt
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

export async function remove(db: DB, id: number): Promise<boolean> {
	const result = await db.deleteFrom('network_resources').where('id', '=', id).executeTakeFirst();
	return Number(result.numDeletedRows) === 1;
}

export async function editionChoices(db: DB): Promise<{ id: number; number: number; title: string }[]> {
	return db.selectFrom('network_editions').select(['id', 'number', 'title']).orderBy('number', 'desc').execute();
}

/** The network themes that have at least one resource (for the links from places and needs). */
export async function themesInUse(db: DB): Promise<Set<string>> {
	const rows = await db.selectFrom('network_resources').select('themes').execute();
	return new Set(rows.flatMap((r) => JSON.parse(r.themes) as string[]));
}
