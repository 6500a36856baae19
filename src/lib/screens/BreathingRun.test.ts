// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BreathingExercise } from '$lib/content/types';
import type { RunResult } from '$lib/player/practice-run.svelte';
import BreathingRun from './BreathingRun.svelte';

// The disc moves on the compositor, which happy-dom has not: a stand-in animation.
HTMLElement.prototype.animate = () =>
	({ pause() {}, cancel() {}, currentTime: 0, startTime: null, playState: 'paused' }) as never;

const exercise: BreathingExercise = {
	id: 'extended-exhale',
	kind: 'breathing',
	order: 1,
	title: { nl: 'Lange uitademing', en: 'Long exhale' },
	summary: { nl: '-', en: '-' },
	guidance: { nl: '-', en: '-' },
	defaultMinutes: 3,
	hasHolds: false,
	pattern: {
		phases: [
			{ kind: 'inhale', durationMs: 4000 },
			{ kind: 'exhale', durationMs: 6000 }
		]
	}
};

afterEach(() => {
	cleanup();
	vi.useRealTimers();
});

describe('BreathingRun', () => {
	it('stops at the first tap on Stop, also in the moment before the session has started', async () => {
		vi.useFakeTimers();
		const ended = vi.fn<(result: RunResult) => void>();
		render(BreathingRun, {
			exercise,
			minutes: 3,
			holds: false,
			onended: ended
		});
		// The session starts in the task after the one that drew the screen: the tap comes first.
		await fireEvent.click(screen.getByRole('button', { name: 'Stop' }));
		await vi.advanceTimersByTimeAsync(0);
		expect(ended).toHaveBeenCalledOnce();
		expect(ended.mock.calls[0]![0]).toMatchObject({ status: 'stopped' });
		await vi.dynamicImportSettled();
	});

	it('pauses at a tap on Pause in the moment before the session has started', async () => {
		vi.useFakeTimers();
		render(BreathingRun, { exercise, minutes: 3, holds: false, onended: vi.fn() });
		await fireEvent.click(screen.getByRole('button', { name: 'Pauze' }));
		await vi.advanceTimersByTimeAsync(0);
		expect(screen.getByRole('button', { name: 'Verder' })).toBeTruthy();
		await vi.dynamicImportSettled();
	});

	it('applies a tap on Stop or Pause made on the page before its code ran', async () => {
		vi.useFakeTimers();
		const ended = vi.fn<(result: RunResult) => void>();
		document.documentElement.setAttribute('data-early-control', 'stop');
		render(BreathingRun, { exercise, minutes: 3, holds: false, onended: ended });
		await vi.advanceTimersByTimeAsync(0);
		expect(ended.mock.calls[0]![0]).toMatchObject({ status: 'stopped' });
		expect(document.documentElement.hasAttribute('data-early-control')).toBe(false);
		cleanup();

		document.documentElement.setAttribute('data-early-control', 'pause');
		render(BreathingRun, { exercise, minutes: 3, holds: false, onended: vi.fn() });
		await vi.advanceTimersByTimeAsync(0);
		expect(screen.getByRole('button', { name: 'Verder' })).toBeTruthy();
		await vi.dynamicImportSettled();
	});
});
