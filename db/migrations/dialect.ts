import { PostgresAdapter, type ColumnDefinitionBuilder, type Kysely } from 'kysely';

// The few places where the two engines' DDL differ. Migrations stay frozen: these helpers only
// choose, per engine, the column types that the SQLite files already created have.

export const isPostgres = (db: Kysely<any>): boolean => db.getExecutor().adapter instanceof PostgresAdapter;

/** An auto-increment id: `integer primary key autoincrement` on SQLite, `serial primary key` on PostgreSQL. */
export const idType = (db: Kysely<any>): 'integer' | 'serial' => (isPostgres(db) ? 'serial' : 'integer');

export const idColumn =
	(db: Kysely<any>) =>
	(c: ColumnDefinitionBuilder): ColumnDefinitionBuilder =>
		isPostgres(db) ? c.primaryKey() : c.primaryKey().autoIncrement();

/** A float: SQLite's `real` is 8 bytes, PostgreSQL's only 4 (coordinates would lose a metre). */
export const floatType = (db: Kysely<any>): 'real' | 'double precision' => (isPostgres(db) ? 'double precision' : 'real');
