/** Sign-in, invitation and confirmation links with their secret part hidden. */
export function maskTokens(text: string): string {
	return text.replace(/(jeton=)[A-Za-z0-9_-]+/g, '$1[masqué]').replace(/(\/confirmer\/)[A-Za-z0-9_-]+/g, '$1[masqué]').replace(/(\/reseau\/(?:annuler|enquete)\/)[A-Za-z0-9_-]+/g, '$1[masqué]');
}
