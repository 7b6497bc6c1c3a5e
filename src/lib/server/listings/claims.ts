import { audit } from '../audit';
import { issueToken } from '../auth/tokens';
import { addMembership, coordinatorEmails, ensureUser, type SignedInUser } from '../auth/users';
import type { DB } from '../db/connect';
import * as actors from '../db/queries/actors';
import * as claims from '../db/queries/claims';
import { inTransaction } from '../db/transaction';
import { claimReceivedMail, claimRefusedMail, invitationMail } from '../mail/messages';
import { sendMailSafely } from '../mail/transport';

/** Invites an e-mail to manage an actor: account and membership now, a 7-day sign-in link by mail. */
export async function inviteMember(db: DB, coordinator: SignedInUser, email: string, actorId: number, origin: string, now = new Date()) {
	const actor = await actors.summary(db, actorId);
	if (!actor) return { ok: false as const, message: 'Cette structure n’existe pas.' };
	const token = await inTransaction(db, async (trx) => {
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
	const actor = await actors.summary(db, input.actorId);
	if (!actor) return { ok: false as const };
	const id = await inTransaction(db, async (trx) => {
		const claimId = await claims.create(trx, { ...input, createdAt: now.toISOString() });
		await audit(trx, { userId: null, action: 'claim.filed', entity: 'actor', entityId: input.actorId, detail: { claim: claimId } }, now);
		return claimId;
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
	const claim = await claims.pending(db, claimId);
	if (!claim) return { ok: false };
	const stamp = now.toISOString();
	if (decision.approve) {
		const token = await inTransaction(db, async (trx) => {
			if (!(await claims.decide(trx, claimId, { status: 'approved', by: coordinator.id, at: stamp, reason: null }))) return null;
			const userId = await ensureUser(trx, claim.email, 'member', now);
			await addMembership(trx, userId, claim.actorId, now);
			await audit(trx, { userId: coordinator.id, action: 'claim.approved', entity: 'actor', entityId: claim.actorId, detail: { claim: claimId, user: userId } }, now);
			return issueToken(trx, 'invitation', { userId, actorId: claim.actorId }, now);
		});
		// Another coordinator decided it between the read and the write.
		if (token === null) return { ok: false };
		await sendMailSafely(db, invitationMail(claim.email, claim.actorName, `${origin}/connexion/lien?jeton=${token}`));
	} else {
		const decided = await inTransaction(db, async (trx) => {
			if (!(await claims.decide(trx, claimId, { status: 'refused', by: coordinator.id, at: stamp, reason: decision.reason }))) return false;
			await audit(trx, { userId: coordinator.id, action: 'claim.refused', entity: 'actor', entityId: claim.actorId, detail: { claim: claimId, reason: decision.reason } }, now);
			return true;
		});
		if (!decided) return { ok: false };
		await sendMailSafely(db, claimRefusedMail(claim.email, claim.actorName, decision.reason));
	}
	return { ok: true };
}
