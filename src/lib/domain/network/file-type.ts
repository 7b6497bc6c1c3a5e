/**
 * What an uploaded resource really is, read from its first bytes (« magic bytes »), never from its
 * name: a `.pdf` that is a PNG, or a program renamed `.pdf`, is refused. The name's extension must
 * then be one of the detected type's, so what people download is what its name says.
 */

export interface FileKind {
	code: 'pdf' | 'png' | 'jpeg' | 'gif' | 'webp' | 'pptx' | 'odp';
	contentType: string;
	/** In French, for the messages: « un PDF », « une image PNG ». */
	words: string;
	extensions: readonly string[];
	/** Images and PDFs open in the browser; slides are downloaded. */
	inline: boolean;
}

export const FILE_KINDS: readonly FileKind[] = [
	{ code: 'pdf', contentType: 'application/pdf', words: 'un PDF', extensions: ['pdf'], inline: true },
	{ code: 'png', contentType: 'image/png', words: 'une image PNG', extensions: ['png'], inline: true },
	{ code: 'jpeg', contentType: 'image/jpeg', words: 'une image JPEG', extensions: ['jpg', 'jpeg'], inline: true },
	{ code: 'gif', contentType: 'image/gif', words: 'une image GIF', extensions: ['gif'], inline: true },
	{ code: 'webp', contentType: 'image/webp', words: 'une image WebP', extensions: ['webp'], inline: true },
	{
		code: 'pptx',
		contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
		words: 'une présentation PowerPoint',
		extensions: ['pptx'],
		inline: false
	},
	{ code: 'odp', contentType: 'application/vnd.oasis.opendocument.presentation', words: 'une présentation OpenDocument', extensions: ['odp'], inline: false }
];

export const MAX_RESOURCE_BYTES = 10 * 1024 * 1024;

const ascii = (bytes: Uint8Array, from: number, to: number) => String.fromCharCode(...bytes.subarray(from, Math.min(to, bytes.length)));
const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0) => prefix.every((b, i) => bytes[at + i] === b);

/** Known kinds the network never accepts, named so the refusal says what the file is. */
function refusedKind(bytes: Uint8Array): string | null {
	if (startsWith(bytes, [0x4d, 0x5a])) return 'un programme Windows (exécutable)';
	if (startsWith(bytes, [0x7f, 0x45, 0x4c, 0x46])) return 'un programme (exécutable ELF)';
	if (startsWith(bytes, [0xcf, 0xfa, 0xed, 0xfe]) || startsWith(bytes, [0xfe, 0xed, 0xfa, 0xcf])) return 'un programme macOS (exécutable)';
	if (startsWith(bytes, [0x23, 0x21])) return 'un script exécutable';
	if (/^\s*<(!doctype html|html|svg|\?xml)/i.test(ascii(bytes, 0, 200))) return 'une page web ou un document XML';
	return null;
}

/** A ZIP container's slides: ODF names its type in a first, uncompressed `mimetype` entry; OOXML has a `ppt/` folder. */
function zipKind(bytes: Uint8Array): FileKind['code'] | null {
	if (!startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return null;
	if (ascii(bytes, 30, 38) === 'mimetype' && ascii(bytes, 38, 100).startsWith('application/vnd.oasis.opendocument.presentation')) return 'odp';
	// Entry names are plain bytes in the local headers and the central directory.
	const names = new TextDecoder('latin1').decode(bytes);
	if (names.includes('ppt/presentation.xml') && names.includes('[Content_Types].xml')) return 'pptx';
	return null;
}

export function detectKind(bytes: Uint8Array): FileKind | null {
	let code: FileKind['code'] | null = null;
	if (ascii(bytes, 0, 5) === '%PDF-') code = 'pdf';
	else if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) code = 'png';
	else if (startsWith(bytes, [0xff, 0xd8, 0xff])) code = 'jpeg';
	else if (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a') code = 'gif';
	else if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') code = 'webp';
	else code = zipKind(bytes);
	return FILE_KINDS.find((k) => k.code === code) ?? null;
}

export type FileCheck = { ok: true; kind: FileKind } | { ok: false; message: string };

const ACCEPTED = 'Les fichiers acceptés sont les PDF, les présentations (PowerPoint .pptx, OpenDocument .odp) et les images (PNG, JPEG, GIF, WebP).';

export function checkResourceFile(name: string, bytes: Uint8Array): FileCheck {
	if (bytes.length === 0) return { ok: false, message: 'Le fichier est vide.' };
	if (bytes.length > MAX_RESOURCE_BYTES) return { ok: false, message: 'Le fichier dépasse 10 Mo : réduisez-le (en PDF, par exemple) ou publiez un lien.' };
	const refused = refusedKind(bytes);
	if (refused) return { ok: false, message: `Ce fichier est ${refused}, quel que soit son nom : il est refusé. ${ACCEPTED}` };
	const kind = detectKind(bytes);
	if (!kind) return { ok: false, message: `Le contenu de ce fichier n’est d’aucun type accepté. ${ACCEPTED}` };
	const extension = /\.([A-Za-z0-9]{1,8})$/.exec(name)?.[1]?.toLowerCase() ?? '';
	if (!kind.extensions.includes(extension)) {
		const claimed = FILE_KINDS.find((k) => k.extensions.includes(extension));
		return {
			ok: false,
			message: claimed
				? `Ce fichier n’est pas ${claimed.words} comme son nom l’indique : son contenu est ${kind.words}. Renommez-le en .${kind.extensions[0]} ou choisissez le bon fichier.`
				: `Le nom du fichier doit finir par .${kind.extensions[0]} : son contenu est ${kind.words}.`
		};
	}
	return { ok: true, kind };
}

/** A name safe in a Content-Disposition header and on any disk: no path, no quote, no control character. */
export function safeFileName(name: string): string {
	const base = name.split(/[\\/]/).pop() ?? '';
	const cleaned = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim().slice(-120);
	return cleaned || 'ressource';
}
