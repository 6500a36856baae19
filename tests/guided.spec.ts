import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { parse } from 'yaml';
import {
	controlTime,
	expect,
	expectNoAxeViolations,
	expectSessions,
	openAdjust,
	test,
	visitUntilOffline,
	waitForApp
} from './fixtures';

interface FileStep {
	id: string;
	seconds: number;
	when?: Record<string, string>;
	text: { nl: string; en: string };
}

/** The steps of a practice file as written, for the default choices (sitting, eyes open, feet). */
function stepsOf(id: string): FileStep[] {
	const file = parse(readFileSync(`exercises/${id}.yaml`, 'utf8')) as { steps: FileStep[] };
	const defaults: Record<string, string> = { posture: 'sitting', eyes: 'open', anchor: 'feet' };
	return file.steps.filter((s) =>
		Object.entries(s.when ?? {}).every(([k, v]) => defaults[k] === v)
	);
}

/** Replaces the device's speech synthesis with one that writes down what it is asked to say. */
async function stubSpeech(page: Page, voices: { id: string; lang: string }[]) {
	await page.addInitScript((list) => {
		const spoken: { text: string; lang: string }[] = [];
		(window as unknown as { spoken: typeof spoken }).spoken = spoken;
		class Utterance {
			text: string;
			lang = '';
			rate = 1;
			voice: unknown = null;
			onend: (() => void) | null = null;
			onerror: (() => void) | null = null;
			constructor(text: string) {
				this.text = text;
			}
		}
		const synth = {
			getVoices: () =>
				list.map((v, i) => ({
					voiceURI: v.id,
					name: v.id,
					lang: v.lang,
					localService: true,
					default: i === 0
				})),
			speak(u: Utterance) {
				spoken.push({ text: u.text, lang: u.lang });
				setTimeout(() => u.onend?.(), 50);
			},
			cancel() {},
			addEventListener() {},
			removeEventListener() {}
		};
		Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
		Object.defineProperty(window, 'SpeechSynthesisUtterance', {
			value: Utterance,
			configurable: true
		});
	}, voices);
}

function spoken(page: Page): Promise<{ text: string; lang: string }[]> {
	return page.evaluate(
		() => (window as unknown as { spoken: { text: string; lang: string }[] }).spoken
	);
}

test.describe('Guided practices', () => {
	test('a body scan advances through its steps, can be paused, skipped and stopped, and is saved', async ({
		page
	}) => {
		const steps = stepsOf('body-scan-3');
		await controlTime(page, '/oefening/body-scan-3');
		await openAdjust(page);
		await page.getByRole('radio', { name: 'Liggend' }).check({ force: true });
		await page.getByRole('button', { name: '5 van 10' }).click();

		const region = page.locator('[aria-live="polite"]').filter({ hasText: /\w/ });
		// Lying: the first step is the lying one, not the sitting one the defaults would give.
		await expect(page.getByText(/^Stap 1 van \d+/)).toBeVisible();
		await expect(region).toContainText('Ga liggen');
		// The lock screen's media controls name the practice.
		expect(await page.evaluate(() => navigator.mediaSession.metadata?.title)).toBe(
			'Bodyscan, 3 minuten'
		);

		// Each step lasts its own time on the clock.
		await page.clock.runFor(steps[0]!.seconds * 1000 + 1000);
		await expect(page.getByText(/^Stap 2 van/)).toBeVisible();

		// Paused, nothing moves on.
		await page.getByRole('button', { name: 'Pauze' }).click();
		await page.clock.runFor(120_000);
		await expect(page.getByText(/^Stap 2 van/)).toBeVisible();
		await page.getByRole('button', { name: 'Verder' }).click();

		await page.getByRole('button', { name: 'Volgende stap' }).click();
		await expect(page.getByText(/^Stap 3 van/)).toBeVisible();
		await page.getByRole('button', { name: 'Vorige stap' }).click();
		await expect(page.getByText(/^Stap 2 van/)).toBeVisible();
		// The keyboard does the same.
		await page.keyboard.press('ArrowRight');
		await expect(page.getByText(/^Stap 3 van/)).toBeVisible();

		await page.getByRole('button', { name: 'Stop' }).click();
		await expect(page.getByRole('heading', { name: 'Gestopt' })).toBeVisible();
		await expectSessions(
			page,
			([s]) =>
				s?.exerciseId === 'body-scan-3' &&
				s.status === 'stopped' &&
				s.distressBefore === 5 &&
				s.choices?.posture === 'lying' &&
				s.stepsDone?.[0] === 'settle-lying' &&
				s.tooMuch === 0 &&
				s.activeMs > 20_000 &&
				s.activeMs < 40_000
		);
	});

	test('a body-scan step shows the body with its own region lit, hidden from assistive tech', async ({
		page
	}) => {
		const steps = stepsOf('body-scan-10') as (FileStep & { focus?: string })[];
		const chest = steps.findIndex((s) => s.focus === 'chest');
		await controlTime(page, '/oefening/body-scan-10');
		await page.getByRole('button', { name: 'Begin', exact: true }).click();
		await page.clock.runFor(3000);
		const visual = page.locator('[data-guided-visual]');
		// The welcome names no region: a calm light stands in the same place.
		await expect(visual).toHaveAttribute('data-guided-visual', 'none');
		for (let i = 0; i < chest; i++)
			await page.getByRole('button', { name: 'Volgende stap' }).click();
		await expect(page.getByText(new RegExp(`^Stap ${chest + 1} van`))).toBeVisible();
		await expect(visual).toHaveAttribute('data-guided-visual', 'chest');
		await expect(visual).toBeVisible();
		// A screen reader hears the step's words, not the picture.
		await expect(visual).toHaveAttribute('aria-hidden', 'true');
		await expect(page.locator('[aria-live="polite"]')).toContainText(steps[chest]!.text.nl);
		// The next region lights when the time of this step is up.
		await page.clock.runFor(steps[chest]!.seconds * 1000 + 1000);
		await expect(visual).toHaveAttribute('data-guided-visual', steps[chest + 1]!.focus!);
	});

	test('on small phones every step’s words sit above Pause and Stop, in Dutch and English', async ({
		page
	}) => {
		const runs = [
			{
				size: [320, 568],
				path: '/oefening/protector',
				id: 'protector',
				pause: 'Pauze',
				next: 'Volgende stap'
			},
			{
				size: [375, 667],
				path: '/en/oefening/safe-place',
				id: 'safe-place',
				pause: 'Pause',
				next: 'Next step'
			}
		];
		for (const run of runs) {
			await page.setViewportSize({ width: run.size[0]!, height: run.size[1]! });
			await page.goto(run.path);
			await waitForApp(page);
			await page.getByRole('button', { name: 'Begin', exact: true }).click();
			// Paused, the longest a step's card gets: its words and the note that it waits.
			await page.getByRole('button', { name: run.pause, exact: true }).click();
			for (let i = 0; i < stepsOf(run.id).length; i++) {
				if (i > 0) await page.getByRole('button', { name: run.next }).click();
				const gap = await page.evaluate(() => {
					window.scrollTo(0, 0);
					const words = document.querySelector('[aria-live="polite"]')!.getBoundingClientRect();
					const stop = document.querySelector('.lower')!.getBoundingClientRect();
					return stop.top - words.bottom;
				});
				expect(gap, `step ${i + 1} of ${run.id} at ${run.size.join('x')}`).toBeGreaterThanOrEqual(
					0
				);
			}
		}
	});

	test('a practice left to run completes on its own, step after step', async ({ page }) => {
		await controlTime(page, '/en/oefening/grounding-cold');
		await page.getByRole('button', { name: 'Begin', exact: true }).click();
		const total = stepsOf('grounding-cold').reduce((sum, s) => sum + s.seconds, 0);
		for (let t = 0; t < total + 5; t += 4) await page.clock.runFor(4000);
		await expect(page.getByRole('heading', { name: 'Done' })).toBeVisible();
		await expectSessions(
			page,
			([s]) => s?.status === 'completed' && s.stepsDone?.length === stepsOf('grounding-cold').length
		);
	});

	test('"too much?" pauses at once and leads into breath-free grounding', async ({ page }) => {
		await controlTime(page, '/oefening/body-scan-10');
		await page.getByRole('button', { name: 'Begin', exact: true }).click();
		await page.clock.runFor(3000);
		await page.getByRole('button', { name: 'Te veel?' }).click();

		await expect(page.getByRole('heading', { name: 'Even op de pauzeknop' })).toBeFocused();
		// One way back in, the offer's own; the player's Pause/Resume steps aside meanwhile.
		await expect(page.getByRole('button', { name: 'Toch verder met deze oefening' })).toBeVisible();
		await expect(page.getByRole('button', { name: /^(Verder|Pauze)$/ })).toHaveCount(0);
		await expect(page.getByRole('button', { name: 'Stop' })).toBeVisible();
		await expectNoAxeViolations(page);

		await page.getByRole('button', { name: /5-4-3-2-1/ }).click();
		await expect(page).toHaveURL(/\/oefening\/grounding-senses$/);
		// It starts straight away: no rating, no options in between.
		await expect(page.getByRole('button', { name: 'Pauze' })).toBeVisible();
		await expect(page.getByText(/^Stap 1 van/)).toBeVisible();
		await expectSessions(
			page,
			(s) =>
				s.some(
					(x) => x.exerciseId === 'body-scan-10' && x.status === 'stopped' && x.tooMuch === 1
				) && s.some((x) => x.exerciseId === 'grounding-senses' && x.status === 'running')
		);
	});

	test('5-4-3-2-1 accepts a count and typed words, and never needs them', async ({ page }) => {
		const steps = stepsOf('grounding-senses');
		const see = steps.findIndex((s) => /see/.test(s.text.en));
		await controlTime(page, '/en/oefening/grounding-senses');
		await page.getByRole('button', { name: 'Begin', exact: true }).click();
		for (let i = 0; i < see; i++) await page.getByRole('button', { name: 'Next step' }).click();

		await page.getByRole('button', { name: 'I noticed one' }).click();
		await page.getByRole('button', { name: 'I noticed one' }).click();
		await expect(page.getByText('2 of 5')).toBeVisible();
		await page.getByRole('textbox', { name: /What do you notice/ }).fill('the lamp, a blue mug');

		// Without any input the next step still comes when its time is up.
		await page.clock.runFor(steps[see]!.seconds * 1000 + 1000);
		await expect(page.getByText('0 of 4')).toBeVisible();

		await page.getByRole('button', { name: 'Stop' }).click();
		await expectSessions(
			page,
			([s]) =>
				s?.noticed?.length === 1 &&
				s.noticed[0]!.count === 2 &&
				s.noticed[0]!.text === 'the lamp, a blue mug'
		);
	});

	test('orientation shows today’s date and time', async ({ page }) => {
		await page.clock.install({ time: new Date('2026-11-21T14:05:00') });
		await page.goto('/oefening/grounding-orientation');
		await waitForApp(page);
		await page.getByRole('button', { name: 'Begin', exact: true }).click();
		const steps = stepsOf('grounding-orientation');
		const now = steps.findIndex((s) => (s as { show?: string }).show === 'now');
		for (let i = 0; i < now; i++) await page.getByRole('button', { name: 'Volgende stap' }).click();
		await expect(page.getByText('zaterdag 21 november 2026')).toBeVisible();
		await expect(page.getByText('14:05')).toBeVisible();
	});

	test('the voice speaks the step texts in the app’s language, on the engine’s clock', async ({
		page
	}) => {
		await stubSpeech(page, [
			{ id: 'voice-nl', lang: 'nl-NL' },
			{ id: 'voice-en', lang: 'en-GB' }
		]);
		const steps = stepsOf('grounding-feet');
		await controlTime(page, '/en/oefening/grounding-feet');
		await page.getByRole('button', { name: 'Begin', exact: true }).click();
		await expect.poll(async () => (await spoken(page)).length).toBeGreaterThan(0);
		await page.clock.runFor(steps[0]!.seconds * 1000 + 1000);
		await expect
			.poll(async () => (await spoken(page)).map((s) => s.text).join(' '))
			.toBe(`${steps[0]!.text.en} ${steps[1]!.text.en}`);
		expect(new Set((await spoken(page)).map((s) => s.lang))).toEqual(new Set(['en-GB']));
	});

	test('Dutch is spoken in Dutch', async ({ page }) => {
		await stubSpeech(page, [
			{ id: 'voice-en', lang: 'en-GB' },
			{ id: 'voice-nl', lang: 'nl-NL' }
		]);
		const steps = stepsOf('grounding-feet');
		await controlTime(page, '/oefening/grounding-feet');
		await page.getByRole('button', { name: 'Begin', exact: true }).click();
		await expect
			.poll(async () => (await spoken(page)).map((s) => s.text).join(' '))
			.toBe(steps[0]!.text.nl);
		expect((await spoken(page))[0]!.lang).toBe('nl-NL');
	});

	test('without a voice for the language, the practice says why and runs with text and bells', async ({
		page
	}) => {
		await stubSpeech(page, [{ id: 'voice-de', lang: 'de-DE' }]);
		await controlTime(page, '/oefening/safe-place');
		await openAdjust(page);
		await expect(page.getByRole('note')).toContainText('geen Nederlandse stem');
		await expectNoAxeViolations(page);
		await page.getByRole('button', { name: 'Begin', exact: true }).click();
		await expect(page.getByText(/^Stap 1 van/)).toBeVisible();
		expect(await spoken(page)).toEqual([]);
		await expectNoAxeViolations(page);
	});

	test('soothing touch paces its strokes, and axe finds nothing on it', async ({ page }) => {
		await controlTime(page, '/oefening/soothing-touch');
		await page.getByRole('button', { name: 'Begin', exact: true }).click();
		const steps = stepsOf('soothing-touch');
		const stroke = steps.findIndex((s) => (s as { rhythmSeconds?: number }).rhythmSeconds);
		for (let i = 0; i < stroke; i++)
			await page.getByRole('button', { name: 'Volgende stap' }).click();
		await expect(page.getByText('Streel langzaam mee met de stip.')).toBeVisible();
		await expectNoAxeViolations(page);
	});

	test('a guided practice works offline, background sound included', async ({ page, context }) => {
		await page.clock.install();
		await visitUntilOffline(page);
		await context.setOffline(true);
		await page.goto('/oefening/safe-place');
		await waitForApp(page);
		await page.getByRole('button', { name: 'Begin', exact: true }).click();
		await expect(page.getByText(/^Stap 1 van/)).toBeVisible();
		await page.clock.runFor(stepsOf('safe-place')[0]!.seconds * 1000 + 1000);
		await expect(page.getByText(/^Stap 2 van/)).toBeVisible();
		const sizes = await page.evaluate(() =>
			Promise.all(
				['brown', 'drone'].map(async (n) => (await (await fetch(`/audio/bg-${n}.wav`)).blob()).size)
			)
		);
		for (const size of sizes) expect(size).toBeGreaterThan(100_000);
	});
});
