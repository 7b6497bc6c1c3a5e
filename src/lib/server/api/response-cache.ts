/**
 * Serialised API answers, kept while the directory does not change. Building a 10,000-feature
 * GeoJSON costs hundreds of milliseconds; sending the same one again costs nothing. The key
 * holds the catalogue's version, so any write makes old entries unreachable.
 */
const MAX_ENTRIES = 200;
const entries = new Map<string, string>();

export function cachedBody(key: string, build: () => string): string {
	const hit = entries.get(key);
	if (hit !== undefined) {
		// Refresh its place: the map is iterated oldest first when trimming.
		entries.delete(key);
		entries.set(key, hit);
		return hit;
	}
	const body = build();
	entries.set(key, body);
	if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
	return body;
}

/** "Open now" answers change with the clock: such keys carry the current minute. */
export function timeBucket(search: URLSearchParams, now: Date): string {
	return search.get('quand') === 'maintenant' ? String(Math.floor(now.getTime() / 60_000)) : '';
}
