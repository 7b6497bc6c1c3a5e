import QRCode from 'qrcode';

/**
 * A QR code as an SVG document, made on the server: the sheet must show it without JavaScript and
 * print it sharp at any size. Level M survives a folded or slightly stained sheet while keeping the
 * modules large enough for an old phone camera; a one-module margin is enough on a white page.
 */
export async function qrSvg(url: string): Promise<string> {
	return QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
}

/**
 * The same code as a data URL for an <img>: the markup is ours, but an <img> keeps it out of the
 * DOM (no {@html}) and lets it carry an alt text.
 */
export async function qrDataUrl(url: string): Promise<string> {
	return `data:image/svg+xml;base64,${Buffer.from(await qrSvg(url)).toString('base64')}`;
}
