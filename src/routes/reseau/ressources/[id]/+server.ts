import { error } from '@sveltejs/kit';
import { FILE_KINDS } from '$lib/domain/network/file-type';
import { database } from '$lib/server/db';
import * as resources from '$lib/server/db/queries/network-resources';
import type { RequestHandler } from './$types';

/**
 * A resource's file, from the database (any instance serves it). The type is the one detected at
 * upload; nosniff stops a browser from guessing another; slides are downloaded, PDFs and images
 * open; the sandbox keeps anything inside a PDF from running as this site.
 */
export const GET: RequestHandler = async ({ params }) => {
	if (!/^[1-9]\d{0,8}$/.test(params.id)) error(404, 'Cette ressource n’existe pas.');
	const file = await resources.file(database().db, Number(params.id));
	if (!file) error(404, 'Cette ressource n’existe pas.');
	const kind = FILE_KINDS.find((k) => k.contentType === file.contentType);
	const ascii = file.name.replace(/[^\x20-\x7e]/g, '_').replace(/[\\"]/g, '_');
	return new Response(new Uint8Array(file.content), {
		headers: {
			'content-type': file.contentType,
			'content-length': String(file.content.length),
			'content-disposition': `${kind?.inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
			'x-content-type-options': 'nosniff',
			'content-security-policy': "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'",
			'cache-control': 'public, max-age=300',
			etag: `"${file.sha256}"`
		}
	});
};
