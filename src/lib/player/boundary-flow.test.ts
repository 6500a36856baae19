import { describe, expect, it } from 'vitest';
import { TogetherRecorder } from './boundary-together';
import { reduceBoundaryFlow, type BoundaryFlowState } from './boundary-flow.svelte';
import type { RunResult } from './practice-run.svelte';

const result: RunResult = {
	sessionId: 's',
	status: 'completed',
	activeMs: 60_000,
	isUnsaved: () => false,
	saved: Promise.resolve()
};
const choose: BoundaryFlowState = { stage: 'choose' };

describe('boundary flow', () => {
	it('practises on the screen, then looks back at the rounds', () => {
		const solo = reduceBoundaryFlow(choose, { type: 'practiseSolo', atMs: 7 });
		expect(solo).toEqual({ stage: 'solo', runId: 7 });
		const after = reduceBoundaryFlow(solo, { type: 'ended', result, rounds: [] });
		expect(after).toEqual({ stage: 'after', result, rounds: [], together: false });
	});

	it('remembers that the rounds were practised with someone', () => {
		const recorder = new TogetherRecorder(0);
		const together = reduceBoundaryFlow(choose, { type: 'practiseTogether', recorder });
		expect(together).toEqual({ stage: 'together', recorder });
		const after = reduceBoundaryFlow(together, { type: 'ended', result, rounds: [] });
		expect(after).toMatchObject({ stage: 'after', together: true });
	});

	it('goes back to the choices for another practice', () => {
		const after = reduceBoundaryFlow(
			reduceBoundaryFlow(choose, { type: 'practiseSolo', atMs: 1 }),
			{ type: 'ended', result, rounds: [] }
		);
		expect(reduceBoundaryFlow(after, { type: 'again' })).toEqual(choose);
	});

	it('an invalid step returns the same state', () => {
		expect(reduceBoundaryFlow(choose, { type: 'again' })).toBe(choose);
		expect(reduceBoundaryFlow(choose, { type: 'ended', result, rounds: [] })).toBe(choose);
		const solo = reduceBoundaryFlow(choose, { type: 'practiseSolo', atMs: 1 });
		expect(reduceBoundaryFlow(solo, { type: 'practiseSolo', atMs: 2 })).toBe(solo);
		expect(
			reduceBoundaryFlow(solo, { type: 'practiseTogether', recorder: new TogetherRecorder(0) })
		).toBe(solo);
		expect(reduceBoundaryFlow(solo, { type: 'again' })).toBe(solo);
		const after = reduceBoundaryFlow(solo, { type: 'ended', result, rounds: [] });
		expect(reduceBoundaryFlow(after, { type: 'ended', result, rounds: [] })).toBe(after);
		expect(reduceBoundaryFlow(after, { type: 'practiseSolo', atMs: 3 })).toBe(after);
	});
});
