import type { Migration } from 'kysely';
import * as initial from './2026-11-25_01_initial';
import * as orientations from './2026-11-25_02_orientations';
import * as accounts from './2026-11-25_03_accounts';
import * as importReviews from './2026-11-26_04_import_reviews';
import * as directoryVersion from './2026-12-01_05_directory_version';
import * as revisionOrigin from './2026-12-01_06_revision_origin';
import * as serverSecrets from './2026-12-01_07_server_secrets';
import * as importRawValues from './2026-12-01_08_import_raw_values';
import * as structures from './2026-12-01_09_structures';
import * as network from './2026-12-01_10_network';
import * as referrals from './2026-12-01_11_referrals';

/**
 * Listed by hand rather than read from the folder, so the same list works in the bundled
 * server (adapter-node) and in the command-line scripts run with tsx.
 */
export const migrations: Record<string, Migration> = {
	'2026-11-25_01_initial': initial,
	'2026-11-25_02_orientations': orientations,
	'2026-11-25_03_accounts': accounts,
	'2026-11-26_04_import_reviews': importReviews,
	'2026-12-01_05_directory_version': directoryVersion,
	'2026-12-01_06_revision_origin': revisionOrigin,
	'2026-12-01_07_server_secrets': serverSecrets,
	'2026-12-01_08_import_raw_values': importRawValues,
	'2026-12-01_09_structures': structures,
	'2026-12-01_10_network': network,
	'2026-12-01_11_referrals': referrals
};
