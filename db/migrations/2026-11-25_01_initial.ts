import { sql, type Kysely } from 'kysely';
import { floatType, idColumn, idType } from './dialect';

// Frozen: never edit a migration that has shipped; add a new dated file instead.

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('areas')
		.addColumn('code', 'text', (c) => c.primaryKey())
		.addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('commune', 'grand_quartier', 'iris', 'qpv')`))
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('parent_code', 'text')
		.addColumn('geometry', 'text', (c) => c.notNull())
		.addColumn('bbox', 'text', (c) => c.notNull())
		.addColumn('qpv_share', floatType(db))
		.addColumn('indicators', 'text')
		.addColumn('source', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('areas_kind').on('areas').column('kind').execute();

	await db.schema
		.createTable('actors')
		.addColumn('id', idType(db), idColumn(db))
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('name_key', 'text', (c) => c.notNull().unique())
		.addColumn('siret', 'text')
		.addColumn('website', 'text')
		.addColumn('email', 'text')
		.addColumn('phone', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('places')
		.addColumn('id', idType(db), idColumn(db))
		.addColumn('actor_id', 'integer', (c) => c.notNull().references('actors.id'))
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('address', 'text', (c) => c.notNull())
		.addColumn('address_complement', 'text')
		.addColumn('postal_code', 'text', (c) => c.notNull())
		.addColumn('commune', 'text', (c) => c.notNull())
		.addColumn('code_insee', 'text')
		.addColumn('lat', floatType(db), (c) => c.notNull())
		.addColumn('lon', floatType(db), (c) => c.notNull())
		.addColumn('phone', 'text')
		.addColumn('email', 'text')
		.addColumn('website', 'text')
		.addColumn('description', 'text')
		.addColumn('source', 'text', (c) => c.notNull())
		.addColumn('source_id', 'text')
		.addColumn('source_updated_on', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('places_source').unique().on('places').columns(['source', 'source_id']).execute();
	await db.schema.createIndex('places_actor').on('places').column('actor_id').execute();

	// Computed from the point with turf whenever a place is written; never typed by hand.
	await db.schema
		.createTable('place_areas')
		.addColumn('place_id', 'integer', (c) => c.notNull().references('places.id').onDelete('cascade'))
		.addColumn('area_code', 'text', (c) => c.notNull().references('areas.code'))
		.addPrimaryKeyConstraint('place_areas_pk', ['place_id', 'area_code'])
		.execute();
	await db.schema.createIndex('place_areas_area').on('place_areas').column('area_code').execute();

	await db.schema
		.createTable('offers')
		.addColumn('id', idType(db), idColumn(db))
		.addColumn('actor_id', 'integer', (c) => c.notNull().references('actors.id'))
		.addColumn('place_id', 'integer', (c) => c.references('places.id').onDelete('cascade'))
		.addColumn('level', 'text', (c) => c.check(sql`level in ('discover', 'learn', 'support', 'reinforced')`))
		.addColumn('level_inferred', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('themes', 'text', (c) => c.notNull().defaultTo('[]'))
		.addColumn('tags', 'text', (c) => c.notNull().defaultTo('[]'))
		.addColumn('publics', 'text', (c) => c.notNull().defaultTo('[]'))
		.addColumn('specific_support', 'text', (c) => c.notNull().defaultTo('[]'))
		.addColumn('fees', 'text', (c) => c.notNull().defaultTo('[]'))
		.addColumn('access_modes', 'text', (c) => c.notNull().defaultTo('[]'))
		.addColumn('programmes', 'text', (c) => c.notNull().defaultTo('[]'))
		.addColumn('other_labels', 'text', (c) => c.notNull().defaultTo('[]'))
		.addColumn('languages', 'text', (c) => c.notNull().defaultTo('["fr"]'))
		.addColumn('hours', 'text')
		.addColumn('booking_url', 'text')
		.addColumn('remote', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('description', 'text')
		.addColumn('status', 'text', (c) =>
			c.notNull().defaultTo('active').check(sql`status in ('active', 'temporarily_closed', 'closed')`)
		)
		.addColumn('closed_from', 'text')
		.addColumn('closed_until', 'text')
		.addColumn('closure_message', 'text')
		.addColumn('source', 'text', (c) => c.notNull())
		.addColumn('source_id', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.addColumn('verified_at', 'text')
		.addColumn('verified_how', 'text', (c) =>
			c.check(sql`verified_how in ('import', 'structure', 'telephone', 'coordinator')`)
		)
		.execute();
	await db.schema.createIndex('offers_source').unique().on('offers').columns(['source', 'source_id']).execute();
	await db.schema.createIndex('offers_place').on('offers').column('place_id').execute();

	// Data-quality flags are raised by the importer and shown to everyone; they never hide a place.
	await db.schema
		.createTable('quality_flags')
		.addColumn('id', idType(db), idColumn(db))
		.addColumn('place_id', 'integer', (c) => c.notNull().references('places.id').onDelete('cascade'))
		.addColumn('code', 'text', (c) => c.notNull())
		.addColumn('detail', 'text', (c) => c.notNull())
		.addColumn('related_place_id', 'integer')
		.execute();
	await db.schema.createIndex('quality_flags_place').on('quality_flags').column('place_id').execute();

	await db.schema
		.createTable('imports')
		.addColumn('id', idType(db), idColumn(db))
		.addColumn('file_name', 'text', (c) => c.notNull())
		.addColumn('sha256', 'text', (c) => c.notNull())
		.addColumn('format', 'text', (c) => c.notNull())
		.addColumn('imported_at', 'text', (c) => c.notNull())
		.addColumn('rows_total', 'integer', (c) => c.notNull())
		.addColumn('accepted', 'integer', (c) => c.notNull())
		.addColumn('summary', 'text', (c) => c.notNull())
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const table of ['imports', 'quality_flags', 'offers', 'place_areas', 'places', 'actors', 'areas']) {
		await db.schema.dropTable(table).execute();
	}
}
