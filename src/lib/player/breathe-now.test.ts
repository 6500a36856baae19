// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { encodeShareCode } from '../engine/own-pattern';

// The paces come from a build-time module; two exercises stand in for them here (a guided
// practice is not among them: only breathing exercises have a pace).
vi.mock('../content/paces', () => {
	const breathing = (id: string) => ({ id, kind: 'breathing', defaultMinutes: 3 });
	const paces = [breathing('extended-exhale'), breathing('coherent')];
	return { findPace: (id: string) => paces.find((p) => p.id === id) };
});

const pattern = {
	name: 'Zee',
	inhale: 4,
	inhaleTop: 0,
	holdIn: 0,
	exhale: 8,
	holdOut: 0,
	length: { kind: 'cycles', cycles: 6 }
} as const;

async function fresh() {
	vi.resetModules();
	return import('./breathe-now');
}

// Each test loads the modules afresh (and the messages with them): slow on a busy machine.
describe('what “breathe now” starts', { timeout: 30_000 }, () => {
	beforeEach(() => localStorage.clear());

	it('is the built-in default when nothing was chosen', async () => {
		const { breatheNowChoice } = await fresh();
		expect(breatheNowChoice()).toMatchObject({
			kind: 'built-in',
			exercise: { id: 'extended-exhale' }
		});
	});

	it('is a chosen built-in exercise, and the default when the choice names none', async () => {
		localStorage.setItem('rustpunt:settings', JSON.stringify({ breatheNow: 'coherent' }));
		expect((await fresh()).breatheNowChoice()).toMatchObject({ exercise: { id: 'coherent' } });
		localStorage.setItem('rustpunt:settings', JSON.stringify({ breatheNow: 'body-scan-3' }));
		expect((await fresh()).breatheNowChoice()).toMatchObject({
			exercise: { id: 'extended-exhale' }
		});
	});

	it('is a chosen own pattern, read from its quick copy and run by the same rules', async () => {
		localStorage.setItem('rustpunt:settings', JSON.stringify({ breatheNow: 'own:p1' }));
		localStorage.setItem('rustpunt:breathe-now-code', encodeShareCode(pattern));
		const { breatheNowChoice, ownBreatheNow } = await fresh();
		const choice = breatheNowChoice();
		if (choice.kind !== 'own') throw new Error('expected an own pattern');
		const exercise = await ownBreatheNow(choice);
		expect(exercise).toMatchObject({ id: 'own:p1', maxCycles: 6, hasHolds: false });
		expect(exercise.pattern.phases).toEqual([
			{ kind: 'inhale', durationMs: 4000 },
			{ kind: 'exhale', durationMs: 8000 }
		]);
	});

	it('falls back to the built-in default when the quick copy is damaged', async () => {
		localStorage.setItem('rustpunt:settings', JSON.stringify({ breatheNow: 'own:p1' }));
		localStorage.setItem('rustpunt:breathe-now-code', '1zzzzzc9999.x');
		const { breatheNowChoice, ownBreatheNow } = await fresh();
		const choice = breatheNowChoice();
		if (choice.kind !== 'own') throw new Error('expected an own pattern');
		expect(await ownBreatheNow(choice)).toMatchObject({ id: 'extended-exhale' });
	});
});
