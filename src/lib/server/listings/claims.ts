import { audit } from '../audit';
import { issueToken } from '../auth/tokens';
import { addMembership, coordinatorEmails, ensureUser, type SignedInUser } from '../auth/users';
import type { DB } from '../db/connect';
import { claimReceivedMail, claimRefusedMail, invitationMail } from '../mail/messages';
import { sendMailSafely } from '../mail/transport';

/** Invites an e-mail to manage an actor: account and membership now, a 7-day sign-in link by mail. */
export async function inviteMember(db: DB, coordinator: SignedInUser, email: string, actorId: number, origin: string, now = new Date()) {
	const actor = await db.selectFrom('actors').select(['id', 'name']).where('id', '=', actorId).executeTakeFirst();
	if (!actor) return { ok: false as const, message: 'Cette structure n’existe pas.' };
	const token = await db.transaction().execute(async (trx) => {
		const userId = await ensureUser(trx, email, 'member', now);
		await addMembership(trx, userId, actorId, now);
		await audit(trx, { userId: coordinator.id, action: 'member.invited', entity: 'actor', entityId: actorId, detail: { user: userId } }, now);
		return issueToken(trx, 'invitation', { userId, actorId }, now);
	});
	await sendMailSafely(db, invitationMail(email, actor.name, `${origin}/connexion/lien?jeton=${token}`));
	return { ok: true as const, actorName: actor.name };
}

export interface ClaimInput {
	actorId: number;
	name: string;
	email: string;
	message: string | null;
}

export async function fileClaim(db: DB, input: ClaimInput, origin: string, now = new Date()) {
	const actor = await db.selectFrom('actors').select(['id', 'name']).where('id', '=', input.actorId).executeTakeFirst();
	if (!actor) return { ok: false as const };
	const id = await db.transaction().execute(async (trx) => {
		const row = await trx
			.insertInto('claims')
			.values({
				actor_id: input.actorId,
				email: input.email,
				name: input.name,
				message: input.message,
				status: 'pending',
				created_at: now.toISOString()
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await audit(trx, { userId: null, action: 'claim.filed', entity: 'actor', entityId: input.actorId, detail: { claim: row.id } }, now);
		return row.id;
	});
	for (const to of await coordinatorEmails(db)) {
		await sendMailSafely(db, claimReceivedMail(to, actor.name, `${origin}/admin/demandes#demande-${id}`));
	}
	return { ok: true as const, actorName: actor.name };
}

export async function decideClaim(
	db: DB,
	coordinator: SignedInUser,
	claimId: number,
	decision: { approve: true } | { approve: false; reason: string },
	origin: string,
	now = new Date()
): Promise<{ ok: boolean }> {
	const claim = await db.selectFrom('claims').selectAll().where('id', '=', claimId).where('status', '=', 'pending').executeTakeFirst();
	if (!claim) return { ok: false };
	const actor = await db.selectFrom('actors').select('name').where('id', '=', claim.actor_id).executeTakeFirstOrThrow();
	const stamp = now.toISOString();
	if (decision.approve) {
		const token = await db.transaction().execute(async (trx) => {
			await trx.updateTable('claims').set({ status: 'approved', decided_by: coordinator.id, decided_at: stamp }).where('id', '=', claimId).execute();
			const userId = await ensureUser(trx, claim.email, 'member', now);
			await addMembership(trx, userId, claim.actor_id, now);
			await audit(trx, { userId: coordinator.id, action: 'claim.approved', entity: 'actor', entityId: claim.actor_id, detail: { claim: claimId, user: userId } }, now);
			return issueToken(trx, 'invitation', { userId, actorId: claim.actor_id }, now);
		});
		await sendMailSafely(db, invitationMail(claim.email, actor.name, `${origin}/connexion/lien?jeton=${token}`));
	} else {
		await db.transaction().execute(async (trx) => {
			await trx
				.updateTable('claims')
				.set({ status: 'refused', reason: decision.reason, decided_by: coordinator.id, decided_at: stamp })
				.where('id', '=', claimId)
				.execute();
			await audit(trx, { userId: coordinator.id, action: 'claim.refused', entity: 'actor', entityId: claim.actor_id, detail: { claim: claimId, reason: decision.reason } }, now);
		});
		await sendMailSafely(db, claimRefusedMail(claim.email, actor.name, decision.reason));
	}
	return { ok: true };
}
