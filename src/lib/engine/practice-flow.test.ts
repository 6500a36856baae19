import { describe, expect, it } from 'vitest';
import {
	createPracticeFlow,
	reducePracticeFlow,
	type PracticeFlowEvent,
	type PracticeFlowState
} from './practice-flow';

type State = PracticeFlowState<string>;
const reduce = (state: State, event: PracticeFlowEvent<string>) => reducePracticeFlow(state, event);
const begin = (leadInSeconds: number, immediate = false) =>
	({ type: 'begin', distressBefore: 6, leadInSeconds, immediate, atMs: 100 }) as const;

describe('practice flow', () => {
	it('starts with choosing the options', () => {
		expect(createPracticeFlow()).toEqual({ stage: 'choose' });
	});

	it('runs at once after the rating when no lead-in is set', () => {
		expect(reduce(createPracticeFlow(), begin(0))).toEqual({
			stage: 'run',
			distressBefore: 6,
			runId: 100
		});
	});

	it('counts the lead-in down first, then runs with the rating given before it', () => {
		const leadIn = reduce(createPracticeFlow(), begin(5));
		expect(leadIn).toEqual({ stage: 'lead-in', distressBefore: 6 });
		expect(reduce(leadIn, { type: 'leadInDone', atMs: 5100 })).toEqual({
			stage: 'run',
			distressBefore: 6,
			runId: 5100
		});
	});

	it('skips the lead-in when asked to start at once', () => {
		expect(reduce(createPracticeFlow(), begin(5, true)).stage).toBe('run');
	});

	it('shows the run’s end after it, and "again" starts a new run without a lead-in', () => {
		const run = reduce(createPracticeFlow(), begin(0));
		const after = reduce(run, { type: 'ended', result: 'done' });
		expect(after).toEqual({ stage: 'after', result: 'done' });
		const again = reduce(after, { ...begin(5), distressBefore: undefined, atMs: 900 });
		expect(again).toEqual({ stage: 'run', distressBefore: undefined, runId: 900 });
	});

	it('an invalid step returns the same state', () => {
		const choose: State = createPracticeFlow();
		expect(reduce(choose, { type: 'leadInDone', atMs: 1 })).toBe(choose);
		expect(reduce(choose, { type: 'ended', result: 'x' })).toBe(choose);
		const leadIn = reduce(choose, begin(5));
		expect(reduce(leadIn, begin(5))).toBe(leadIn);
		expect(reduce(leadIn, { type: 'ended', result: 'x' })).toBe(leadIn);
		const run = reduce(leadIn, { type: 'leadInDone', atMs: 2 });
		expect(reduce(run, begin(0))).toBe(run);
		expect(reduce(run, { type: 'leadInDone', atMs: 3 })).toBe(run);
		const after = reduce(run, { type: 'ended', result: 'x' });
		expect(reduce(after, { type: 'ended', result: 'y' })).toBe(after);
	});
});
