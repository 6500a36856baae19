import { describe, expect, it, vi } from 'vitest';
import { MAX_PLAN_ITEMS, PLAN_STEPS, type PlanStep } from '../records/safety-plan';
import type { SafetyPlan } from '../storage';

/** A store that keeps the plan in memory; `failing` makes its next saves fail. */
const store = vi.hoisted(() => ({
	steps: {} as Record<string, string[]>,
	failing: false,
	saves: 0
}));

vi.mock('./gateway', () => ({
	loadPlanStore: () =>
		Promise.resolve({
			read: (): Promise<SafetyPlan> =>
				Promise.resolve({
					steps: Object.fromEntries(
						PLAN_STEPS.map((step) => [step, [...(store.steps[step] ?? [])]])
					) as Record<PlanStep, string[]>,
					onLockScreen: false,
					unreadable: false
				}),
			saveStep: (step: PlanStep, entries: string[]) => {
				store.saves += 1;
				if (store.failing) return Promise.reject(new Error('disk full'));
				store.steps[step] = [...entries];
				return Promise.resolve();
			}
		}),
	loadUrges: () => Promise.resolve({ between: () => Promise.resolve([]) })
}));

const { SafetyPlanState } = await import('./safety-plan.svelte');

/** A plan read from the store as `steps` says, ready to change. */
async function started(steps: Partial<Record<PlanStep, string[]>> = {}) {
	store.steps = { ...steps };
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
});
