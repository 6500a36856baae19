import { expect, expectNoAxeViolations, test } from './fixtures';

// Playwright's trace takes its snapshots with what Chromium counts as a touch on the page, and
// a touch lets the page make sound: these tests need a page that has had none.
test.use({ trace: 'off' });

// Opened from the home screen's icon or shortcut, the page has had no touch, and the browser
// holds its sound back until one. The sound is readied after the first breaths (5 s), in real
// time here; the cue sounds being fetched say when.
async function openUntouched(page: import('@playwright/test').Page) {
	const cues = page.waitForResponse((response) => response.url().endsWith('/audio/bell.wav'), {
		timeout: 15_000
	});
	await page.goto('/nu', { waitUntil: 'commit' });
	await cues;
}

test.describe('Sound that waits for a touch', () => {
	test('the switch says so while sound that is on waits, and axe finds nothing', async ({
		page
	}) => {
		await openUntouched(page);
		const sound = page.getByRole('button', { name: 'Geluid' });
		await expect(sound).toHaveAccessibleDescription('Tik op het scherm voor geluid.');
		await expect(page.getByRole('status')).toHaveText(/Adem (in|uit)/);
		await expectNoAxeViolations(page);

		await page.keyboard.press('Tab');
		await expect(sound).not.toHaveAccessibleDescription(/geluid/);
	});

	test('the first tap of a finger lets the sound go, and the line goes with it', async ({
		page
	}) => {
		// Nothing may look into the page before the tap (Playwright's queries count as a touch
		// too), so the page notes when the line comes and goes, and says when it came.
		await page.addInitScript(() => {
			const log: string[] = [];
			Object.assign(window, { __soundNote: log });
			let shown = false;
			new MutationObserver(() => {
				if (shown === (document.getElementById('sound-note') !== null)) return;
				shown = !shown;
				log.push(shown ? 'shown' : 'gone');
				if (shown) console.debug('sound note shown');
			}).observe(document, { childList: true, subtree: true });
			addEventListener('touchend', () => log.push('tap'), { capture: true });
		});
		const noteShown = page.waitForEvent('console', {
			predicate: (message) => message.text() === 'sound note shown',
			timeout: 20_000
		});
		await openUntouched(page);
		await noteShown;
		await page.touchscreen.tap(195, 330);

		await expect(page.getByRole('button', { name: 'Geluid' })).not.toHaveAccessibleDescription(
			/geluid/
		);
		expect(
			await page.evaluate(() => (window as unknown as { __soundNote: string[] }).__soundNote)
		).toEqual(['shown', 'tap', 'gone']);
	});
});
