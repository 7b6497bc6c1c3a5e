import { error } from '@sveltejs/kit';

/**
 * The submitted form, or a French 400 when the body cannot be read as one (a truncated or
 * forged multipart body): never a 500.
 */
export async function submittedForm(request: Request): Promise<FormData> {
	try {
		return await request.formData();
	} catch {
		error(400, 'Formulaire illisible : rechargez la page et envoyez-le de nouveau. Rien n’a été enregistré.');
	}
}
