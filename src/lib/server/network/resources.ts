import { createHash } from 'node:crypto';
import { z } from 'zod';
import { checkResourceFile, safeFileName } from '$lib/domain/network/file-type';
import { isNetworkTheme, type NetworkThemeCode } from '$lib/domain/network/themes';
import { textField } from '../admin/input';
import { audit } from '../audit';
import type { SignedInUser } from '../auth/users';
import type { DB } from '../db/connect';
import * as resources from '../db/queries/network-resources';
import { inTransaction } from '../db/transaction';

/** Publishing a file or a link for the network, and finding them by theme and words. */

export const RESOURCE_FIELDS = ['titre', 'description', 'edition', 'lien'] as const;

const schema = z.object({
	titre: z.string().trim().min(3, { error: 'Donnez un titre (3 caractères au moins).' }).max(200, { error: '200 caractères au plus.' }),
	description: z
		.string()
		.trim()
		.max(2000, { error: '2 000 caractères au plus.' })
		.transform((v) => v || null),
	edition: z
		.string()
		.trim()
		.regex(/^(|[1-9]\d{0,8})$/, { error: 'Choisissez une édition de la liste.' })
		.transform((v) => (v === '' ? null : Number(v))),
	lien: z
		.string()
		.trim()
		.max(2000, { error: 'Lien trop long.' })
		.refine((v) => v === '' || (/^https?:\/\//i.test(v) && URL.canParse(v)), { error: 'Un lien complet, qui commence par https://.' })
		.transform((v) => v || null)
});

export type ResourceForm =
	| { ok: true; values: Record<string, string | string[]>; data: Omit<resources.NewResource, 'createdBy' | 'createdAt'> }
	| { ok: false; values: Record<string, string | string[]>; errors: Record<string, string> };

export async function readResourceForm(form: FormData): Promise<ResourceForm> {
	const themes = form.getAll('themes').filter((t): t is string => typeof t === 'string').slice(0, 20);
	const values: Record<string, string | string[]> = { ...Object.fromEntries(RESOURCE_FIELDS.map((f) => [f, textField(form, f, 3000)])), themes };
	const errors: Record<string, string> = {};
	const parsed = schema.safeParse(values);
	if (!parsed.success) for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
	if (themes.length === 0 || !themes.every(isNetworkTheme)) errors.themes = 'Cochez au moins une thématique de la liste.';
	const upload = form.get('fichier');
	const file = upload instanceof File && upload.size > 0 ? upload : null;
	const link = parsed.success ? parsed.data.lien : null;
	let stored: resources.NewResource['file'] = null;
	if (file && link) errors.fichier = 'Un fichier ou un lien, pas les deux : videz l’un des deux champs.';
	else if (!file && !link && !errors.lien) errors.fichier = 'Choisissez un fichier ou indiquez un lien.';
	else if (file) {
		const content = Buffer.from(await file.arrayBuffer());
		const check = checkResourceFile(file.name, content);
		if (!check.ok) errors.fichier = check.message;
		else stored = { name: safeFileName(file.name), contentType: check.kind.contentType, content, sha256: createHash('sha256').update(content).digest('hex') };
	}
	if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, values, errors };
	return {
		ok: true,
		values,
		data: { title: parsed.data.titre, description: parsed.data.description, themes: themes as NetworkThemeCode[], editionId: parsed.data.edition, linkUrl: stored ? null : link, file: stored }
	};
}

export async function publishResource(db: DB, user: SignedInUser, data: ResourceForm & { ok: true }, now = new Date()): Promise<number> {
	return inTransaction(db, async (trx) => {
		const id = await resources.insert(trx, { ...data.data, createdBy: user.id, createdAt: now.toISOString() });
		await audit(trx, { userId: user.id, action: 'network.resource.publish', entity: 'network_resource', entityId: id, detail: { title: data.data.title, file: data.data.file?.name ?? null } }, now);
		return id;
	});
}

export async function removeResource(db: DB, user: SignedInUser, id: number, now = new Date()): Promise<boolean> {
	return inTransaction(db, async (trx) => {
		if (!(await resources.remove(trx, id))) return false;
		await audit(trx, { userId: user.id, action: 'network.resource.remove', entity: 'network_resource', entityId: id }, now);
		return true;
	});
}

/** Words without accents or case, so « sante » finds « Numérique en santé ». */
export const fold = (text: string) => text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();

export function searchResources(list: readonly resources.Resource[], filters: { theme: string | null; q: string }): resources.Resource[] {
	const words = fold(filters.q).split(/\s+/).filter(Boolean);
	return list.filter((r) => {
		if (filters.theme && !r.themes.includes(filters.theme)) return false;
		const haystack = fold([r.title, r.description ?? '', r.fileName ?? '', r.editionTitle ?? ''].join(' '));
		return words.every((w) => haystack.includes(w));
	});
}
