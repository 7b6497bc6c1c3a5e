/**
 * npm run user:create -- --coordinator EMAIL
 * npm run user:create -- --member EMAIL --actor ACTOR_ID
 * Creates (or promotes) an account in the database named by DATABASE_PATH and prints a one-time
 * sign-in link, valid 15 minutes, for when no mail server is configured yet.
 */
import { z } from 'zod';
import { audit } from '../src/lib/server/audit';
import { issueToken } from '../src/lib/server/auth/tokens';
import { addMembership, ensureUser } from '../src/lib/server/auth/users';
import { config } from '../src/lib/server/config';
import { inTransaction } from '../src/lib/server/db/transaction';
import * as actors from '../src/lib/server/db/queries/actors';
import { prepareDatabase } from '../src/lib/server/seed/index';
import { openCommandDatabase } from './open-database';

const args = process.argv.slice(2).filter((a) => a !== '--');
const usage = 'Usage : npm run user:create -- --coordinator EMAIL\n        npm run user:create -- --member EMAIL --actor NUMÉRO_DE_STRUCTURE';
const option = (name: string) => {
	const i = args.indexOf(name);
	return i >= 0 ? args[i + 1] : undefined;
};
const role = args.includes('--coordinator') ? 'coordinator' : args.includes('--member') ? 'member' : null;
const email = z.email().safeParse(option(role === 'coordinator' ? '--coordinator' : '--member'));
if (!role || !email.success) {
	console.error(`Adresse e-mail manquante ou invalide.\n${usage}`);
	process.exit(2);
}
const actorId = role === 'member' ? Number(option('--actor')) : null;
if (role === 'member' && !Number.isInteger(actorId)) {
	console.error(`Indiquez la structure avec --actor.\n${usage}`);
	process.exit(2);
}

const { db } = openCommandDatabase('Création du compte impossible');
await prepareDatabase(db, config.seedDir, (line) => console.log(line));
if (actorId !== null && !(await actors.summary(db, actorId))) {
	console.error(`La structure n° ${actorId} n’existe pas.`);
	process.exit(2);
}
const token = await inTransaction(db, async (trx) => {
	const userId = await ensureUser(trx, email.data, role);
	if (actorId !== null) await addMembership(trx, userId, actorId);
	await audit(trx, { userId: null, action: 'user.created_from_cli', entity: 'user', entityId: userId, detail: { role, actor: actorId } });
	return issueToken(trx, 'sign_in', { userId });
});
const origin = process.env.ORIGIN ?? `http://localhost:${process.env.PORT ?? 3000}`;
console.log(`Compte ${role === 'coordinator' ? 'coordination' : 'structure'} prêt pour ${email.data}.`);
console.log(`Lien de connexion (une seule fois, 15 minutes) : ${origin}/connexion/lien?jeton=${token}`);
console.log(`Ensuite, demandez un lien à tout moment sur ${origin}/connexion`);
// A PostgreSQL pool keeps the process alive until it is closed.
await db.destroy();
