import { describe, expect, it, vi } from 'vitest';
import { MAX_PLAN_ITEMS, PLAN_STEPS, type PlanStep } from '../records/safety-plan';
import type { SafetyPlan } from '../storage';

/** A store that keeps the plan in memory; `failing` makes its next saves fail. */
const store = vi.hoisted(() => ({
	steps: {} as Record<string, string[]>,
	failing: false,
	saves: 0,
	/** Body signals in the journal's urge moments. */
	urges: [] as { bodyPlace: string }[],
	/** The plan's read waits for this. */
	readable: Promise.resolve()
}));

vi.mock('./gateway', () => ({
	loadPlanStore: () =>
		Promise.resolve({
			read: (): Promise<SafetyPlan> =>
				store.readable.then(() => ({
					steps: Object.fromEntries(
						PLAN_STEPS.map((step) => [step, [...(store.steps[step] ?? [])]])
					) as Record<PlanStep, string[]>,
					onLockScreen: false,
					unreadable: false
				})),
			saveStep: (step: PlanStep, entries: string[]) => {
				store.saves += 1;
				if (store.failing) return Promise.reject(new Error('disk full'));
				store.steps[step] = [...entries];
				return Promise.resolve();
			}
		}),
	loadUrges: () => Promise.resolve({ between: () => Promise.resolve(store.urges) })
}));

const { SafetyPlanState } = await import('./safety-plan.svelte');

/** A plan read from the store as `steps` says, ready to change. */
async function started(steps: Partial<Record<PlanStep, string[]>> = {}) {
	store.steps = { ...steps };
	store.urges = [];
	store.readable = Promise.resolve();
	store.failing = false;
	store.saves = 0;
	const plan = new SafetyPlanState();
	plan.start();
	await vi.waitFor(() => expect(plan.ready).toBe(true));
	return plan;
}

describe('the safety plan on the screen', () => {
	it('refuses an entry for a full step before anything is written', async () => {
		const full = Array.from({ length: MAX_PLAN_ITEMS }, (_, i) => `regel ${i + 1}`);
		const plan = await started({ safer: full });
		expect(plan.isFull('safer')).toBe(true);
		expect(plan.add('safer', 'nog een')).toBe('full');
		expect(plan.steps.safer).toEqual(full);
		expect(store.saves).toBe(0);
	});

	it('changes an entry in place and saves the step', async () => {
		const plan = await started({ signs: ['slecht slapen', 'piekeren'] });
		expect(plan.edit('signs', 1, '  veel piekeren ')).toBe('changed');
		expect(plan.steps.signs).toEqual(['slecht slapen', 'veel piekeren']);
		await vi.waitFor(() => expect(plan.saveState).toBe('saved'));
		expect(store.steps.signs).toEqual(['slecht slapen', 'veel piekeren']);
	});

	it('shows what is really stored after a save fails, and says it failed', async () => {
		const plan = await started({ signs: ['slecht slapen'] });
		store.failing = true;
		plan.add('signs', 'piekeren');
		// Meanwhile the stored plan changed (another tab): the screen follows the store.
		store.steps.signs = ['slecht slapen', 'uit een ander venster'];
		await vi.waitFor(() => expect(plan.saveState).toBe('failed'));
		await vi.waitFor(() =>
			expect(plan.steps.signs).toEqual(['slecht slapen', 'uit een ander venster'])
		);
	});

	it('suggests body signals only once the plan is read, and none it already holds', async () => {
		store.steps = { signs: ['koude handen'] };
		store.urges = [{ bodyPlace: 'koude handen' }, { bodyPlace: ' druk op mijn borst ' }];
		let read = () => {};
		store.readable = new Promise<void>((resolve) => (read = resolve));
		const plan = new SafetyPlanState();
		plan.start();
		// The journal answered first: still nothing to tap while the plan is unread.
		await new Promise((resolve) => setTimeout(resolve, 20));
		expect(plan.ready).toBe(false);
		expect(plan.suggestions).toEqual([]);
		read();
		await vi.waitFor(() => expect(plan.ready).toBe(true));
		expect(plan.suggestions).toEqual(['druk op mijn borst']);
	});
});
