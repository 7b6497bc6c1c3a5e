import { config } from '../config';

/**
 * With an https ORIGIN the site is only ever served over https: the browser is told to come back
 * over https only, for a year. Not over http (a local run), where it would lock the browser out.
 * No includeSubDomains: the app cannot know the rest of the city's domain (see the README).
 */
export const HSTS = 'max-age=31536000';

export function strictTransportSecurity(response: Response, origin = config.origin): void {
	if (origin?.toLowerCase().startsWith('https://')) response.headers.set('Strict-Transport-Security', HSTS);
}
