import { describe, expect, it } from 'vitest';
import type { GuidedPractice } from '../content/types';
import { fakeAudio, fakeSessions, fakeWorld, flush } from './testing/fakes';
import { GuidedPlayer, type PlayerVoice } from './guided-player.svelte';

const practice: GuidedPractice = {
	id: 'scan',
	kind: 'guided',
	category: 'body-scan',
	order: 20,
	title: { nl: 'Scan', en: 'Scan' },
	summary: { nl: '-', en: '-' },
	guidance: { nl: '-', en: '-' },
	choices: ['eyes'],
	breathFree: false,
	durationMs: 50_000,
	steps: [
		{ id: 'arrive', durationMs: 10_000, text: { nl: 'Kom aan.', en: 'Arrive.' } },
		{
			id: 'close',
			durationMs: 10_000,
			when: { eyes: 'closed' },
			text: { nl: 'Ogen dicht.', en: 'Eyes closed.' }
		},
		{ id: 'feet', durationMs: 20_000, text: { nl: 'Je voeten.', en: 'Your feet.' } },
		{ id: 'end', durationMs: 20_000, text: { nl: 'Terug.', en: 'Back.' } }
	]
};

/** A voice that writes down what it was asked to say, and whether it was still talking. */
function fakeVoice() {
	const said: string[] = [];
	let talking = false;
	const voice: PlayerVoice = {
		say: (text) => {
			said.push(text);
			talking = true;
		},
		silence: () => {
			const was = talking;
			talking = false;
			return was;
		}
	};
	return { voice, said, finish: () => void (talking = false) };
}

function makePlayer(eyes = 'open') {
	const world = fakeWorld();
	const player = new GuidedPlayer({
		practice,
		choices: { eyes },
		textOf: (step) => step.text.en,
		env: world.env
	});
	return { world, player };
}

describe('GuidedPlayer', () => {
	it('runs only the steps for the choices made, each for its own length', () => {
		const open = makePlayer('open').player;
		expect(open.steps.map((s) => s.id)).toEqual(['arrive', 'feet', 'end']);
		expect(open.timeline.durationMs).toBe(50_000);
		const closed = makePlayer('closed').player;
		expect(closed.steps.map((s) => s.id)).toEqual(['arrive', 'close', 'feet', 'end']);
	});

	it('moves to the next step when its time is up, and completes at the end', () => {
		const { world, player } = makePlayer();
		player.start();
		world.advance(9_990);
		expect(player.step.id).toBe('arrive');
		world.advance(20);
		expect(player.step.id).toBe('feet');
		world.advance(40_000);
		expect(player.status).toBe('completed');
	});

	it('speaks each step as it begins, on the clock, whatever the voice is doing', () => {
		const { world, player } = makePlayer();
		const { voice, said } = fakeVoice();
		player.attachVoice(voice);
		player.start();
		world.advance(10_010);
		// The voice never finished "Arrive." here; the step still changed on time.
		expect(said).toEqual(['Arrive.', 'Your feet.']);
		expect(player.step.id).toBe('feet');
	});

	it('pauses, silencing the voice, and says the cut-off step again on resume', () => {
		const { world, player } = makePlayer();
		const { voice, said } = fakeVoice();
		player.attachVoice(voice);
		player.start();
		world.advance(1000);
		player.pause();
		world.advance(30_000);
		expect(player.step.id).toBe('arrive');
		player.resume();
		expect(said).toEqual(['Arrive.', 'Arrive.']);
	});

	it('does not repeat a step on resume when its text was already spoken', () => {
		const { world, player } = makePlayer();
		const { voice, said, finish } = fakeVoice();
		player.attachVoice(voice);
		player.start();
		world.advance(3000);
		finish();
		player.pause();
		player.resume();
		expect(said).toEqual(['Arrive.']);
	});

	it('skips forward and back, speaking the step it lands on, without counting skipped time', () => {
		const { world, player } = makePlayer();
		const { voice, said } = fakeVoice();
		player.attachVoice(voice);
		player.start();
		world.advance(2000);
		player.next();
		expect(player.step.id).toBe('feet');
		player.next();
		expect(player.step.id).toBe('end');
		expect(player.hasNext).toBe(false);
		player.next();
		expect(player.step.id).toBe('end');
		player.previous();
		expect(player.step.id).toBe('feet');
		expect(said).toEqual(['Arrive.', 'Your feet.', 'Back.', 'Your feet.']);
		expect(player.activeElapsedMs).toBe(2000);
	});

	it('says the step again when going back to its start', () => {
		const { world, player } = makePlayer();
		const { voice, said } = fakeVoice();
		player.attachVoice(voice);
		player.start();
		world.advance(5000);
		player.previous();
		expect(player.step.id).toBe('arrive');
		expect(said).toEqual(['Arrive.', 'Arrive.']);
	});

	it('rings a bell at the start and at every new step, and again after a skip', () => {
		const { world, player } = makePlayer();
		const sound = fakeAudio();
		player.attachAudio(sound.audio);
		player.start();
		world.advance(10_500);
		expect(sound.scheduled.map((s) => s.sound)).toEqual(['bell', 'bell']);
		player.next();
		world.advance(100);
		expect(sound.cancelled()).toBeGreaterThan(0);
		expect(sound.scheduled).toHaveLength(3);
	});

	it('pauses on "too much?" and records that it was used', async () => {
		const { world, player } = makePlayer();
		const store = fakeSessions();
		player.attachSessions(store.sessions);
		player.start();
		world.advance(3000);
		player.tooMuch();
		expect(player.status).toBe('paused');
		expect(player.tooMuchCount).toBe(1);
		await flush();
		expect(store.writes.at(-1)).toMatchObject({ status: 'running', details: { tooMuch: 1 } });
	});

	it('wakes at whole seconds and when a step ends, not every frame', () => {
		const { world, player } = makePlayer();
		player.start();
		world.advance(12_000);
		expect(world.frames()).toBe(0);
		expect(world.wakes).toEqual(Array.from({ length: 12 }, (_, i) => (i + 1) * 1000));
		expect(player.step.id).toBe('feet');
	});

	it('goes back from where the practice is now, not from where it last woke', () => {
		const { world, player } = makePlayer();
		player.start();
		// 3.5 s into "feet": back goes to its start, not to the step before.
		world.advance(13_500);
		player.previous();
		expect(player.step.id).toBe('feet');
		expect(player.positionMs).toBe(10_000);
	});

	it('counts the time up to a step’s end in that step, though it woke only at the end', async () => {
		const world = fakeWorld();
		const store = fakeSessions();
		const short: GuidedPractice = {
			...practice,
			durationMs: 11_500,
			steps: [
				{ id: 'arrive', durationMs: 1500, text: { nl: 'Kom aan.', en: 'Arrive.' } },
				{ id: 'feet', durationMs: 10_000, text: { nl: 'Je voeten.', en: 'Your feet.' } }
			]
		};
		const player = new GuidedPlayer({
			practice: short,
			choices: { eyes: 'open' },
			textOf: (step) => step.text.en,
			env: world.env
		});
		player.attachSessions(store.sessions);
		player.start();
		world.advance(3000);
		player.stop();
		await flush();
		expect(store.writes.at(-1)).toMatchObject({ details: { stepsDone: ['arrive'] } });
	});

	it('records the steps done, the choices and what was noticed with the session', async () => {
		const { world, player } = makePlayer();
		const store = fakeSessions();
		player.attachSessions(store.sessions);
		player.start();
		world.advance(10_010);
		player.setCount('feet', 3);
		player.setText('feet', '  warm, tingling ');
		player.next();
		world.advance(1000);
		player.stop();
		await flush();
		expect(store.writes[0]).toMatchObject({ start: { exerciseId: 'scan', plannedMs: 50_000 } });
		expect(store.writes.at(-1)).toMatchObject({
			status: 'stopped',
			details: {
				stepsDone: ['arrive'],
				tooMuch: 0,
				choices: { eyes: 'open' },
				noticed: [{ step: 'feet', count: 3, text: 'warm, tingling' }]
			}
		});
	});
});
