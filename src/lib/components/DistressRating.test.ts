// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import DistressRating from './DistressRating.svelte';

afterEach(cleanup);

describe('DistressRating', () => {
	it('answers with the value tapped, in one tap', async () => {
		const onrate = vi.fn();
		render(DistressRating, {
			question: 'Hoe gespannen?',
			skipLabel: 'Overslaan',
			onrate,
			onskip: vi.fn()
		});
		expect(screen.getAllByRole('button')).toHaveLength(12);
		await fireEvent.click(screen.getByRole('button', { name: '7 van 10' }));
		expect(onrate).toHaveBeenCalledWith(7);
	});

	it('can always be skipped', async () => {
		const onskip = vi.fn();
		const onrate = vi.fn();
		render(DistressRating, { question: 'Hoe gespannen?', skipLabel: 'Overslaan', onrate, onskip });
		await fireEvent.click(screen.getByRole('button', { name: 'Overslaan' }));
		expect(onskip).toHaveBeenCalledOnce();
		expect(onrate).not.toHaveBeenCalled();
	});
});
