import type { Programme } from './types';

export type { Programme, ProgrammeDayContent, ProgrammePractice } from './types';

let programmes: Promise<readonly Programme[]> | undefined;

/** Every programme shipped with the app, loaded once and only by the screens that need them. */
export function loadProgrammes(): Promise<readonly Programme[]> {
	programmes ??= import('virtual:rustpunt-programmes').then((m) => m.default);
	return programmes;
}

/** The programme with this id, or undefined. */
export async function loadProgramme(id: string): Promise<Programme | undefined> {
	return (await loadProgrammes()).find((p) => p.id === id);
}
