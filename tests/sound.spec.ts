import { expect, expectNoAxeViolations, test } from './fixtures';

// Playwright's trace takes its snapshots with what Chromium counts as a touch on the page, and
// a touch lets the page make sound: these tests need a page that has had none.
test.use({ trace: 'off' });

test.describe('Sound that waits for a touch', () => {
	// Opened from the home screen's icon or shortcut, the page has had no touch, and the browser
	// holds its sound back until one. The sound is readied after the first breaths (5 s), in real
	// time here.
	test('opened as a page, sound that is on asks for a touch until the first one', async ({
		page
	}) => {
		// Nothing may look into the page before its sound is readied: Playwright's queries count as
		// a touch too. The cue sounds being fetched say when.
		const cues = page.waitForResponse((response) => response.url().endsWith('/audio/bell.wav'), {
			timeout: 15_000
		});
		await page.goto('/nu', { waitUntil: 'commit' });
		await cues;
		const note = page.getByText('Tik op het scherm voor geluid.');
		await expect(note).toBeVisible();
		await expect(page.getByRole('status')).toHaveText(/Adem (in|uit)/);
		await expectNoAxeViolations(page);

		const pacer = await page.locator('[data-pacer-disc]').boundingBox();
		await page.mouse.click(pacer!.x + pacer!.width / 2, pacer!.y + pacer!.height / 2);
		await expect(note).toBeHidden();
		await expect(page.getByRole('button', { name: 'Pauze' })).toBeVisible();
	});
});
