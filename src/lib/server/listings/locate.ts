import { searchStreets, streetOfAddress } from '$lib/domain/streets';
import { streetDirectory } from '../streets';

/**
 * "Placer le point": the City's street file has no house numbers, so the point goes on the street
 * named in the address; the person then moves it on the map or types the coordinates.
 */
export function locateAddress(form: FormData) {
	const values: Record<string, string> = {};
	for (const [key, value] of form) if (typeof value === 'string') values[key] = value.slice(0, 5000);
	const address = values.address ?? '';
	const matches = searchStreets(streetDirectory(), streetOfAddress(address) || address, 5);
	const chosen = matches.find((m) => m.name === values.street) ?? matches[0];
	if (!chosen) {
		return {
			values,
			errors: { address: 'Rue introuvable dans le fichier des voies de Roubaix : vérifiez l’orthographe, ou placez le point sur la carte.' }
		};
	}
	return {
		values: { ...values, lat: chosen.lat.toFixed(6), lon: chosen.lon.toFixed(6) },
		located: { street: chosen.name, others: matches.filter((m) => m !== chosen).map((m) => m.name) }
	};
}
