import type { SignedInUser } from '$lib/server/auth/users';

declare global {
	namespace App {
		interface Locals {
			/** Set by the hook from the session cookie; every action checks it again. */
			user: SignedInUser | null;
		}
		interface Error {
			message: string;
		}
	}
}

export {};
