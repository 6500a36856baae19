// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import UnsentReread from './UnsentReread.svelte';

afterEach(cleanup);

const WORDS = 'Ik mis je. Mag ik je vanavond bellen?';

describe('Reading the unsent message again', () => {
	it('shows the words only when asked', async () => {
		render(UnsentReread, { text: WORDS, onchoose: vi.fn() });
		expect(screen.queryByText(WORDS)).toBeNull();
		await fireEvent.click(screen.getByRole('button', { name: 'Lees het nog eens' }));
		expect(screen.getByText(WORDS)).toBeTruthy();
	});

	it('never offers the words once the app locked itself during the wait, yet lets the person choose', async () => {
		const onchoose = vi.fn();
		render(UnsentReread, { text: undefined, onchoose });
		expect(screen.queryByRole('button', { name: 'Lees het nog eens' })).toBeNull();
		expect(screen.getByText(/op slot gegaan/)).toBeTruthy();
		await fireEvent.click(screen.getByRole('button', { name: 'Loslaten en wissen' }));
		expect(onchoose).toHaveBeenCalledWith('letGo');
	});
});
