/**
 * DOM content of the map's popups. Place names and links come from actors' listings, so they are
 * only ever set through textContent and the href property: never through innerHTML.
 */
export interface PopupPlace {
	id: number;
	name: string;
	href: string;
	/** The place's levels in words ("Niveaux 2, 3"). */
	levels: string;
}

/** Only site paths and http(s) links: a `javascript:` URL in the data must never become a link. */
function safeHref(href: string): string {
	return /^(\/(?!\/)|https?:\/\/)/i.test(href) ? href : '#';
}

function placeLink(doc: Document, place: PopupPlace): HTMLAnchorElement {
	const a = doc.createElement('a');
	a.href = safeHref(place.href);
	a.textContent = place.name;
	return a;
}

function levels(doc: Document, place: PopupPlace): HTMLElement {
	const span = doc.createElement('span');
	span.className = 'map-popup-levels';
	span.textContent = place.levels;
	return span;
}

/** One place: its name as a link to its page, and its levels in words. */
export function placePopupContent(doc: Document, place: PopupPlace): HTMLElement {
	const root = doc.createElement('div');
	root.className = 'map-popup';
	const p = doc.createElement('p');
	p.append(placeLink(doc, place), doc.createElement('br'), levels(doc, place));
	root.append(p);
	return root;
}

/** Places that share a spot (a cluster that zooming cannot split), each as a link. */
export function placeListPopupContent(doc: Document, places: readonly PopupPlace[]): HTMLElement {
	const root = doc.createElement('div');
	root.className = 'map-popup';
	const title = doc.createElement('p');
	title.className = 'map-popup-title';
	title.textContent = `${places.length} lieux à cet endroit :`;
	const list = doc.createElement('ul');
	for (const place of [...places].sort((a, b) => a.name.localeCompare(b.name, 'fr'))) {
		const li = doc.createElement('li');
		li.append(placeLink(doc, place), doc.createTextNode(' — '), levels(doc, place));
		list.append(li);
	}
	root.append(title, list);
	return root;
}
