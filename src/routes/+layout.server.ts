import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => ({
	account: locals.user ? { email: locals.user.email, role: locals.user.role } : null
});
