import { z } from 'zod';
import { normalizeText } from '$lib/domain/vocabulary';
import { cap, cleanLine, MAX_LIST_ENTRIES } from './form-input';
import { MAX, MSG } from './listing-messages';
import { LANGUAGES as ORIENTATION_LANGUAGES } from '$lib/domain/orientation/choices';

/** The languages an offer is given in: ISO 639-1 codes or their French names, French always included. */

/** ISO 639-1 (without `bh`, withdrawn), plus any code the orientation form lets a worker ask for (`ber`, which 639-1 lacks). */
const ISO_639_1 =
	'aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu';

export const LANGUAGE_CODES: readonly string[] = [
	...new Set([...ISO_639_1.split(' '), ...ORIENTATION_LANGUAGES.map((language) => language.code)])
];

/** French names read as their code, so « arabe, anglais » works as well as « ar, en ». */
const LANGUAGE_BY_NAME: ReadonlyMap<string, string> = (() => {
	const names = new Map<string, string>(ORIENTATION_LANGUAGES.map((language) => [normalizeText(language.label), language.code]));
	names.set('berbere', 'ber');
	names.set('kabyle', 'ber');
	try {
		const display = new Intl.DisplayNames(['fr'], { type: 'language', fallback: 'none' });
		for (const code of LANGUAGE_CODES) {
			const name = code.length === 2 ? display.of(code) : undefined;
			if (name && !names.has(normalizeText(name))) names.set(normalizeText(name), code);
		}
	} catch {
		// Without locale data, codes still work.
	}
	return names;
})();

/** Checkboxes and a free text field share the name `languages`; French is always spoken. */
export const languagesField = z.array(z.string()).transform((raw, ctx): string[] => {
	if (raw.length > MAX_LIST_ENTRIES) {
		ctx.addIssue({ code: 'custom', message: MSG.tooManyChoices });
		return ['fr'];
	}
	const languages = ['fr'];
	for (const entry of raw) {
		for (const word of cleanLine(entry).split(/[\s,;/]+/)) {
			if (word === '') continue;
			const key = normalizeText(word);
			const code = LANGUAGE_CODES.includes(key) ? key : LANGUAGE_BY_NAME.get(key);
			if (code === undefined) {
				ctx.addIssue({ code: 'custom', message: MSG.language(cap(word, 40)) });
				return languages;
			}
			if (!languages.includes(code)) languages.push(code);
		}
	}
	if (languages.length > MAX.languages) ctx.addIssue({ code: 'custom', message: MSG.tooManyLanguages(MAX.languages) });
	return languages;
});
