import { invalidateAll } from '$app/navigation';
import type { SubmitFunction } from '@sveltejs/kit';

/**
 * After a save refused because someone else changed the record, the page reloads its data: the
 * form then shows the current version, as the notice says, and the next save can succeed.
 */
export const reloadOnConflict: SubmitFunction = () => {
	return async ({ result, update }) => {
		await update({ reset: false });
		if (result.type === 'failure' && result.status === 409) await invalidateAll();
	};
};
