/**
 * The only script of the directory's pages (/, /lieux/[id]): they are rendered on the server and
 * complete without JavaScript. This file adds, when JavaScript runs:
 * - the interactive map, loaded after the page with MapLibre (src/lib/client/map-island.svelte.ts);
 * - the link between the list and the map (hover or keyboard focus on a card highlights its point,
 *   a click on a point brings its card into view and focuses it);
 * - the print button of a place's page.
 * Kept tiny on purpose: it is all the JavaScript a list page needs before the map is requested.
 */

interface MapController {
	setHovered(id: number | null): void;
	setSelected(id: number | null): void;
}

function enhancePrintButtons(): void {
	for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-print]')) {
		button.hidden = false;
		button.addEventListener('click', () => window.print());
		document.querySelector<HTMLElement>('[data-print-hint]')?.setAttribute('hidden', '');
	}
}

function linkListAndMap(map: MapController): void {
	const cardOf = (target: EventTarget | null) => (target instanceof Element ? target.closest<HTMLElement>('[data-place-id]') : null);
	const hover = (event: Event) => {
		const card = cardOf(event.target);
		if (card) map.setHovered(Number(card.dataset.placeId));
	};
	const leave = (event: Event) => {
		const card = cardOf(event.target);
		if (card && !card.contains((event as MouseEvent | FocusEvent).relatedTarget as Node | null)) map.setHovered(null);
	};
	document.addEventListener('mouseover', hover);
	document.addEventListener('focusin', hover);
	document.addEventListener('mouseout', leave);
	document.addEventListener('focusout', leave);
}

/** A place chosen on the map is brought into view in the list and focused, for keyboard users too. */
function showInList(id: number): void {
	document.querySelectorAll('[data-place-id].selected').forEach((el) => el.classList.remove('selected'));
	const card = document.querySelector<HTMLElement>(`[data-place-id="${id}"]`);
	if (!card) return;
	card.classList.add('selected');
	card.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
	card.querySelector<HTMLAnchorElement>('a')?.focus({ preventScroll: true });
}

async function enhanceMap(panel: HTMLElement): Promise<void> {
	const host = panel.querySelector<HTMLElement>('[data-map-host]');
	if (!host) return;
	const unavailable = () => panel.querySelector<HTMLElement>('[data-map-unavailable]')?.removeAttribute('hidden');
	try {
		const { mountMap } = await import('./map-island.svelte');
		const map = mountMap(host, {
			query: panel.dataset.query ?? '',
			points: panel.dataset.points ? JSON.parse(panel.dataset.points) : null,
			selectedId: panel.dataset.selected ? Number(panel.dataset.selected) : null,
			label: panel.dataset.label ?? 'Carte des lieux',
			onselect: showInList,
			onloaded: () => panel.setAttribute('data-interactive', ''),
			onunavailable: unavailable
		});
		linkListAndMap(map);
	} catch (error) {
		console.warn('Carte interactive indisponible :', error);
		unavailable();
	}
}

enhancePrintButtons();
for (const panel of document.querySelectorAll<HTMLElement>('[data-map-panel]')) void enhanceMap(panel);
// As the layout does on hydrated pages: the page's own behaviour is attached (the map loads on its own).
document.documentElement.setAttribute('data-hydrated', '');
