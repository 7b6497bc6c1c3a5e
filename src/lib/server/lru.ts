/**
 * A bounded map that forgets its least recently used entry. The caches of derived answers (home
 * page views, API bodies, compressed bodies) key their entries by the directory's version, so a
 * change makes old entries unreachable and this bound is what finally frees them; it also caps
 * what a client cycling through random parameters can make the server keep.
 */
export class Lru<V> {
	readonly #entries = new Map<string, V>();

	constructor(readonly maxEntries: number) {}

	get(key: string): V | undefined {
		const hit = this.#entries.get(key);
		if (hit === undefined) return undefined;
		// Refresh its place: a Map iterates oldest first, which is what `set` trims.
		this.#entries.delete(key);
		this.#entries.set(key, hit);
		return hit;
	}

	set(key: string, value: V): V {
		this.#entries.delete(key);
		this.#entries.set(key, value);
		if (this.#entries.size > this.maxEntries) this.#entries.delete(this.#entries.keys().next().value!);
		return value;
	}

	delete(key: string): void {
		this.#entries.delete(key);
	}

	getOrSet(key: string, build: () => V): V {
		return this.get(key) ?? this.set(key, build());
	}

	get size(): number {
		return this.#entries.size;
	}
}
