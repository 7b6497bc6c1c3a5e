import type { CoverageAreaKind } from '$lib/domain/coverage/indicators';
import { LANGUAGES } from '$lib/domain/orientation/choices';
import { needLabel } from '$lib/domain/themes';
import { SPECIFIC_SUPPORT, termLabel } from '$lib/domain/vocabulary';

/** French names of the things the planners' tables list. */

export const KIND_LABELS: Record<CoverageAreaKind, string> = {
	commune: 'Commune',
	qpv: 'Quartier prioritaire (QPV)',
	iris_in_qpv: 'IRIS en QPV (ensemble)',
	iris_outside_qpv: 'IRIS hors QPV (ensemble)',
	grand_quartier: 'Grand quartier',
	iris: 'IRIS'
};

export const KIND_ORDER: readonly CoverageAreaKind[] = ['commune', 'qpv', 'iris_in_qpv', 'iris_outside_qpv', 'grand_quartier', 'iris'];

export function themeLabel(code: string): string {
	return needLabel(code);
}

export function languageLabel(code: string): string {
	return LANGUAGES.find((l) => l.code === code)?.label ?? code;
}

export function specificSupportLabel(value: string): string {
	return termLabel(SPECIFIC_SUPPORT, value);
}
