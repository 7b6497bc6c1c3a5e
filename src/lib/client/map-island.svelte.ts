import { mount } from 'svelte';
import OfferMap from '$lib/components/map/OfferMap.svelte';
import type { MapPoint } from '$lib/components/map/style';

interface Options {
	query: string;
	/** Given for one place; otherwise fetched for the page's filters. */
	points: MapPoint[] | null;
	selectedId: number | null;
	label: string;
	onselect: (id: number) => void;
	onloaded: () => void;
	onunavailable: () => void;
}

interface PlacesCollection {
	features: { geometry: { coordinates: [number, number] }; properties: Omit<MapPoint, 'lon' | 'lat'> }[];
}

/** Mounts the MapLibre map in `host` and returns the handles the list uses to talk to it. */
export function mountMap(host: HTMLElement, options: Options) {
	let points = $state.raw<MapPoint[]>(options.points ?? []);
	let hoveredId = $state<number | null>(null);
	let selectedId = $state<number | null>(options.selectedId);

	if (!options.points) {
		// The points travel apart from the page: the list must not wait for thousands of map features.
		const url = options.query ? `/api/v1/places.geojson?${options.query}` : '/api/v1/places.geojson';
		fetch(url)
			.then((r) => (r.ok ? (r.json() as Promise<PlacesCollection>) : Promise.reject(new Error(`HTTP ${r.status}`))))
			.then((collection) => {
				points = collection.features.map((f) => ({
					...f.properties,
					lon: f.geometry.coordinates[0],
					lat: f.geometry.coordinates[1]
				}));
			})
			.catch(options.onunavailable);
	}

	mount(OfferMap, {
		target: host,
		props: {
			get points() {
				return points;
			},
			get hoveredId() {
				return hoveredId;
			},
			get selectedId() {
				return selectedId;
			},
			set selectedId(id: number | null) {
				selectedId = id;
			},
			label: options.label,
			onselect: options.onselect,
			onloaded: options.onloaded,
			onunavailable: options.onunavailable
		}
	});

	return {
		setHovered(id: number | null) {
			hoveredId = id;
		},
		setSelected(id: number | null) {
			selectedId = id;
		}
	};
}
