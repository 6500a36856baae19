import { describe, expect, it } from 'vitest';
import {
	createUrgeFlow,
	reduceUrgeFlow,
	type UrgeFlowEvent,
	type UrgeFlowState
} from './urge-flow.svelte';

const walk = (state: UrgeFlowState, ...events: UrgeFlowEvent[]) =>
	events.reduce(reduceUrgeFlow, state);

describe('urge flow', () => {
	it('breathes first, then asks the strength, the questions and the reality list', () => {
		const stages = [createUrgeFlow()];
		for (const type of ['breathed', 'rated', 'answered', 'next'] as const) {
			stages.push(reduceUrgeFlow(stages.at(-1)!, { type }));
		}
		expect(stages.map((s) => s.stage)).toEqual([
			'breathe',
			'strength',
			'questions',
			'reality',
			'instead'
		]);
	});

	it('breathing again instead comes back to the choice of something kind', () => {
		const instead = walk(createUrgeFlow(), { type: 'breathed' }, { type: 'rated' });
		const atInstead = walk(instead, { type: 'answered' }, { type: 'next' });
		const again = reduceUrgeFlow(atInstead, { type: 'breatheAgain' });
		expect(again.stage).toBe('breathe-again');
		expect(reduceUrgeFlow(again, { type: 'breathed' }).stage).toBe('instead');
	});

	it('keeps what helped, the wait and the answer about contact', () => {
		const instead = walk(
			createUrgeFlow(),
			{ type: 'breathed' },
			{ type: 'rated' },
			{ type: 'answered' },
			{ type: 'next' },
			{ type: 'chooseHelp', choice: 'body' }
		);
		expect(instead).toMatchObject({ stage: 'instead', helped: 'body' });
		const waiting = reduceUrgeFlow(instead, { type: 'wait', waitMs: 600_000 });
		expect(waiting).toMatchObject({ stage: 'wait', waitMs: 600_000 });
		const done = walk(waiting, { type: 'waited' }, { type: 'answer', contact: 'no' });
		expect(done).toMatchObject({ stage: 'done', helped: 'body', contact: 'no' });
	});

	it('can skip the wait and go straight to the question about contact', () => {
		const instead = walk(
			createUrgeFlow(),
			{ type: 'breathed' },
			{ type: 'rated' },
			{ type: 'answered' },
			{ type: 'next' }
		);
		expect(reduceUrgeFlow(instead, { type: 'skipWait' }).stage).toBe('contact');
	});

	it('an invalid step returns the same state', () => {
		const start = createUrgeFlow();
		for (const event of [
			{ type: 'rated' },
			{ type: 'answered' },
			{ type: 'next' },
			{ type: 'breatheAgain' },
			{ type: 'chooseHelp', choice: 'write' },
			{ type: 'wait', waitMs: 1000 },
			{ type: 'skipWait' },
			{ type: 'waited' },
			{ type: 'answer', contact: 'yes' }
		] as const) {
			expect(reduceUrgeFlow(start, event)).toBe(start);
		}
		const strength = reduceUrgeFlow(start, { type: 'breathed' });
		expect(reduceUrgeFlow(strength, { type: 'breathed' })).toBe(strength);
		const instead = walk(strength, { type: 'rated' }, { type: 'answered' }, { type: 'next' });
		expect(reduceUrgeFlow(instead, { type: 'wait', waitMs: 0 })).toBe(instead);
		const chosen = reduceUrgeFlow(instead, { type: 'chooseHelp', choice: 'someone' });
		expect(reduceUrgeFlow(chosen, { type: 'chooseHelp', choice: 'someone' })).toBe(chosen);
	});
});
