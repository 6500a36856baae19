import { describe, expect, it } from 'vitest';
import {
	createUrgeFlow,
	reduceUrgeFlow,
	type UrgeFlowEvent,
	type UrgeFlowState
} from './urge-flow.svelte';

/** "Not now" to writing the message. */
const NOT_NOW = { type: 'wrote', written: false } as const;

const walk = (state: UrgeFlowState, ...events: UrgeFlowEvent[]) =>
	events.reduce(reduceUrgeFlow, state);

describe('urge flow', () => {
	it('breathes first, offers to write, then asks the strength, the questions and the reality list', () => {
		const stages = [createUrgeFlow()];
		for (const event of [
			{ type: 'breathed' },
			{ type: 'wrote', written: false },
			{ type: 'rated' },
			{ type: 'answered' },
			{ type: 'next' }
		] as const) {
			stages.push(reduceUrgeFlow(stages.at(-1)!, event));
		}
		expect(stages.map((s) => s.stage)).toEqual([
			'breathe',
			'unsent',
			'strength',
			'questions',
			'reality',
			'instead'
		]);
	});

	it('breathing again instead comes back to the choice of something kind', () => {
		const instead = walk(createUrgeFlow(), { type: 'breathed' }, NOT_NOW, { type: 'rated' });
		const atInstead = walk(instead, { type: 'answered' }, { type: 'next' });
		const again = reduceUrgeFlow(atInstead, { type: 'breatheAgain' });
		expect(again.stage).toBe('breathe-again');
		expect(reduceUrgeFlow(again, { type: 'breathed' }).stage).toBe('instead');
	});

	it('keeps what helped, the wait and the answer about contact', () => {
		const instead = walk(
			createUrgeFlow(),
			{ type: 'breathed' },
			NOT_NOW,
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
			NOT_NOW,
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
			{ type: 'answer', contact: 'yes' },
			{ type: 'wrote', written: true },
			{ type: 'chooseUnsent', choice: 'letGo' }
		] as const) {
			expect(reduceUrgeFlow(start, event)).toBe(start);
		}
		const unsent = reduceUrgeFlow(start, { type: 'breathed' });
		expect(reduceUrgeFlow(unsent, { type: 'breathed' })).toBe(unsent);
		expect(reduceUrgeFlow(unsent, { type: 'rated' })).toBe(unsent);
		const strength = reduceUrgeFlow(unsent, NOT_NOW);
		expect(reduceUrgeFlow(strength, { type: 'wrote', written: true })).toBe(strength);
		const instead = walk(strength, { type: 'rated' }, { type: 'answered' }, { type: 'next' });
		expect(reduceUrgeFlow(instead, { type: 'wait', waitMs: 0 })).toBe(instead);
		const chosen = reduceUrgeFlow(instead, { type: 'chooseHelp', choice: 'someone' });
		expect(reduceUrgeFlow(chosen, { type: 'chooseHelp', choice: 'someone' })).toBe(chosen);
	});

	describe('the unsent message', () => {
		/** The flow at the choice of something kind, with or without a message written. */
		const insteadAfter = (written: boolean) =>
			walk(
				createUrgeFlow(),
				{ type: 'breathed' },
				{ type: 'wrote', written },
				{ type: 'rated' },
				{ type: 'answered' },
				{ type: 'next' }
			);

		it('comes back after the wait, and the choice for it ends the flow instead of the contact question', () => {
			const waiting = reduceUrgeFlow(insteadAfter(true), { type: 'wait', waitMs: 600_000 });
			const reread = reduceUrgeFlow(waiting, { type: 'waited' });
			expect(reread).toMatchObject({ stage: 'unsent-reread', unsentWritten: true });
			// The contact question is not asked on top of it.
			expect(reduceUrgeFlow(reread, { type: 'answer', contact: 'yes' })).toBe(reread);
			const done = reduceUrgeFlow(reread, { type: 'chooseUnsent', choice: 'keep' });
			expect(done).toMatchObject({ stage: 'done', unsentChoice: 'keep', contact: null });
		});

		it('comes back also when the wait is skipped', () => {
			expect(reduceUrgeFlow(insteadAfter(true), { type: 'skipWait' }).stage).toBe('unsent-reread');
		});

		it('is not offered again when nothing was written: the contact question follows the wait', () => {
			const waiting = reduceUrgeFlow(insteadAfter(false), { type: 'wait', waitMs: 600_000 });
			const after = reduceUrgeFlow(waiting, { type: 'waited' });
			expect(after.stage).toBe('contact');
			expect(reduceUrgeFlow(after, { type: 'chooseUnsent', choice: 'send' })).toBe(after);
		});

		it('takes one choice only: a second one changes nothing', () => {
			const done = reduceUrgeFlow(reduceUrgeFlow(insteadAfter(true), { type: 'skipWait' }), {
				type: 'chooseUnsent',
				choice: 'letGo'
			});
			expect(reduceUrgeFlow(done, { type: 'chooseUnsent', choice: 'send' })).toBe(done);
		});
	});
});
