import { describe, expect, it, vi } from 'vitest';
import type { BreathingExercise } from '../content/types';
import { BreathingPlayer } from './breathing-player.svelte';
import { fakeAudio, fakeSessions, fakeWorld, flush } from './testing/fakes';

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

describe('BreathingPlayer', () => {
	it('changes phase on the timeline, at the boundary', () => {
		const world = fakeWorld();
		const player = new BreathingPlayer({ exercise, minutes: 1, holds: false, env: world.env });
		player.start();
		world.advance(3990);
		expect(player.position.phase.kind).toBe('inhale');
		world.advance(20);
		expect(player.position.phase.kind).toBe('exhale');
		expect(world.phases).toEqual(['inhale', 'exhale']);
	});

	it('can start from a moment already past, when the pacer was breathing before the code ran', () => {
		const world = fakeWorld();
		const player = new BreathingPlayer({ exercise, minutes: 1, holds: false, env: world.env });
		player.start(3000);
		expect(player.activeElapsedMs).toBe(3000);
		world.advance(1100);
		expect(player.position.phase.kind).toBe('exhale');
	});

	it('schedules every cue ahead, at the time the timeline says', () => {
		const world = fakeWorld();
		const { audio, scheduled } = fakeAudio();
		const player = new BreathingPlayer({ exercise, minutes: 1, holds: false, env: world.env });
		player.attachAudio(audio);
		player.start();
		world.advance(60_100);
		const start = 10_000;
		const cues = scheduled.map((c) => `${c.sound}@${Math.round(c.at - start)}`);
		expect(cues.slice(0, 4)).toEqual(['bell@0', 'inhale@0', 'exhale@4000', 'inhale@10000']);
		expect(cues.at(-1)).toBe('bell@60000');
		expect(cues.filter((c) => c.startsWith('exhale'))).toHaveLength(6);
		expect(player.status).toBe('completed');
	});

	it('still rings the start bell when the sound loads just after the start', () => {
		const world = fakeWorld();
		const { audio, scheduled } = fakeAudio();
		const player = new BreathingPlayer({ exercise, minutes: 1, holds: false, env: world.env });
		player.start();
		world.advance(120);
		player.attachAudio(audio);
		world.advance(16);
		expect(scheduled.slice(0, 2).map((c) => c.sound)).toEqual(['bell', 'inhale']);
	});

	it('rings the start bell late rather than not at all when the sound was slow to load', () => {
		const world = fakeWorld();
		const { audio, scheduled } = fakeAudio();
		const player = new BreathingPlayer({ exercise, minutes: 1, holds: false, env: world.env });
		player.start();
		world.advance(900);
		player.attachAudio(audio);
		world.advance(16);
		expect(scheduled[0]).toMatchObject({ sound: 'bell', at: 10_900 });
		expect(scheduled.filter((c) => c.sound === 'bell')).toHaveLength(1);
	});

	it('offers a cue again while the sound is still suspended', () => {
		const world = fakeWorld();
		const fake = fakeAudio();
		const player = new BreathingPlayer({ exercise, minutes: 1, holds: false, env: world.env });
		player.attachAudio(fake.audio);
		fake.setReady(false);
		player.start();
		world.advance(3000);
		expect(fake.scheduled).toEqual([]);
		fake.setReady(true);
		world.advance(16);
		expect(fake.scheduled.map((c) => c.sound)).toContain('exhale');
	});

	it('lets the end bell ring out after completion, even when the screen closes', () => {
		const world = fakeWorld();
		const fake = fakeAudio();
		const player = new BreathingPlayer({ exercise, minutes: 1, holds: false, env: world.env });
		player.attachAudio(fake.audio);
		player.start();
		world.advance(60_100);
		player.destroy();
		expect(player.status).toBe('completed');
		expect(fake.cancelled()).toBe(0);
	});

	it('silences scheduled sound on pause and carries on where it was', () => {
		const world = fakeWorld();
		const fake = fakeAudio();
		const player = new BreathingPlayer({ exercise, minutes: 1, holds: false, env: world.env });
		player.attachAudio(fake.audio);
		player.start();
		world.advance(2000);
		player.pause();
		expect(fake.cancelled()).toBe(1);
		world.sleep(30_000);
		player.resume();
		world.advance(2500);
		expect(player.activeElapsedMs).toBeCloseTo(4500, -1);
		expect(player.position.phase.kind).toBe('exhale');
	});

	it('does not count the time the phone slept', () => {
		const world = fakeWorld();
		const player = new BreathingPlayer({ exercise, minutes: 1, holds: false, env: world.env });
		player.start();
		world.advance(3000);
		world.sleep(120_000);
		world.advance(1000);
		expect(player.activeElapsedMs).toBeLessThan(4100);
		expect(player.status).toBe('running');
	});

	it('keeps time and sound going, a tick a second, while the page is hidden', () => {
		const world = fakeWorld();
		const { audio, scheduled } = fakeAudio();
		const player = new BreathingPlayer({ exercise, minutes: 1, holds: false, env: world.env });
		player.attachAudio(audio);
		player.start();
		world.advance(1000);
		player.setHidden(true);
		world.advance(20_000);
		expect(player.activeElapsedMs).toBeGreaterThanOrEqual(20_000);
		// Sound is scheduled well ahead, so a late background tick leaves no gap.
		const last = Math.max(...scheduled.map((c) => c.at)) - 10_000;
		expect(last).toBeGreaterThanOrEqual(24_000);
		player.setHidden(false);
		world.advance(1000);
		expect(player.activeElapsedMs).toBeGreaterThanOrEqual(21_900);
	});

	it('drops sound planned before a sleep and plans it again from where it resumes', () => {
		const world = fakeWorld();
		const fake = fakeAudio();
		const player = new BreathingPlayer({ exercise, minutes: 1, holds: false, env: world.env });
		player.attachAudio(fake.audio);
		player.start();
		world.advance(3000);
		world.sleep(600_000);
		world.advance(100);
		expect(fake.cancelled()).toBe(1);
		const resumed = fake.scheduled.at(-1)!;
		expect(resumed).toMatchObject({ sound: 'exhale' });
	});

	it('writes the session at start, on pause and on stop', async () => {
		const world = fakeWorld();
		const { sessions, writes } = fakeSessions();
		const player = new BreathingPlayer({
			exercise,
			minutes: 3,
			holds: false,
			distressBefore: 6,
			env: world.env
		});
		player.attachSessions(sessions);
		player.start();
		world.advance(1000);
		player.pause();
		player.resume();
		world.advance(1000);
		player.stop();
		await flush();
		expect(writes[0]).toEqual({
			start: {
				id: 'session-1',
				exerciseId: 'extended-exhale',
				startedAt: 1_700_000_000_000,
				plannedMs: 180_000,
				holds: false,
				distressBefore: 6
			}
		});
		expect(writes.at(-1)).toMatchObject({ update: 'session-1', status: 'stopped' });
		expect((writes.at(-1) as { activeMs: number }).activeMs).toBeCloseTo(2000, -1);
	});

	it('writes a session already under way when storage arrives late', async () => {
		const world = fakeWorld();
		const { sessions, writes } = fakeSessions();
		const player = new BreathingPlayer({ exercise, minutes: 3, holds: false, env: world.env });
		player.start();
		world.advance(500);
		player.attachSessions(sessions);
		await flush();
		expect(writes[0]).toHaveProperty('start');
	});

	it('writes a checkpoint every few seconds while running', async () => {
		const world = fakeWorld();
		const { sessions, writes } = fakeSessions();
		const player = new BreathingPlayer({ exercise, minutes: 3, holds: false, env: world.env });
		player.attachSessions(sessions);
		player.start();
		world.advance(16_000);
		await flush();
		expect(writes.filter((w) => (w as { status?: string }).status === 'running')).toHaveLength(3);
	});

	it('keeps running and says it is not saved when the phone is full, however the error is wrapped', async () => {
		const world = fakeWorld();
		const full = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
		// Dexie hands it over inside an AbortError.
		const wrapped = Object.assign(new Error('Transaction aborted'), {
			name: 'AbortError',
			inner: full
		});
		const sessions = {
			start: () => Promise.reject(wrapped),
			update: () => Promise.reject(wrapped)
		};
		const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
		const player = new BreathingPlayer({ exercise, minutes: 3, holds: false, env: world.env });
		player.attachSessions(sessions);
		player.start();
		await flush();
		expect(player.unsaved).toBe(true);
		world.advance(12_000);
		await flush();
		expect(player.status).toBe('running');
		expect(player.activeElapsedMs).toBeGreaterThanOrEqual(12_000);
		warn.mockRestore();
	});

	it('does not claim the phone is full for other storage failures', async () => {
		const world = fakeWorld();
		const sessions = {
			start: () => Promise.reject(new Error('Database closed')),
			update: () => Promise.resolve()
		};
		const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
		const player = new BreathingPlayer({ exercise, minutes: 3, holds: false, env: world.env });
		player.attachSessions(sessions);
		player.start();
		await flush();
		expect(player.unsaved).toBe(false);
		error.mockRestore();
	});

	it('takes a longer length while running, without a jump in the breath', () => {
		const world = fakeWorld();
		const player = new BreathingPlayer({ exercise, minutes: 1, holds: false, env: world.env });
		player.start();
		world.advance(15_000);
		const before = player.position.phase;
		player.setMinutes(10);
		expect(player.position.phase).toEqual(before);
		expect(player.timeline.durationMs).toBe(600_000);
		world.advance(60_000);
		expect(player.status).toBe('running');
	});

	it('stores the new length with the session', async () => {
		const world = fakeWorld();
		const { sessions, writes } = fakeSessions();
		const player = new BreathingPlayer({ exercise, minutes: 3, holds: false, env: world.env });
		player.attachSessions(sessions);
		player.start();
		player.setMinutes(5);
		world.advance(500);
		player.stop();
		await player.saved;
		expect(writes.at(-1)).toMatchObject({ status: 'stopped', plannedMs: 300_000 });
	});

	it('records a session still under way as stopped when the page goes away', async () => {
		const world = fakeWorld();
		const { sessions, writes } = fakeSessions();
		const player = new BreathingPlayer({ exercise, minutes: 3, holds: false, env: world.env });
		player.attachSessions(sessions);
		player.start();
		world.advance(2000);
		player.destroy();
		await flush();
		expect(writes.at(-1)).toMatchObject({ status: 'stopped' });
	});
});

describe('waking only when the screen changes', () => {
	const resonance: BreathingExercise = {
		...exercise,
		id: 'resonance',
		pattern: {
			phases: [
				{ kind: 'inhale', durationMs: 5500 },
				{ kind: 'exhale', durationMs: 5500 }
			]
		}
	};

	it('wakes at whole seconds and at phase boundaries, not every frame', () => {
		const world = fakeWorld();
		const player = new BreathingPlayer({ exercise, minutes: 1, holds: false, env: world.env });
		player.start();
		world.advance(10_000);
		expect(world.frames()).toBe(0);
		expect(world.wakes).toEqual([1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000, 10_000]);
		expect(world.phases).toEqual(['inhale', 'exhale', 'inhale']);
	});

	it('meets a phase boundary between two whole seconds on its moment', () => {
		const world = fakeWorld();
		const player = new BreathingPlayer({
			exercise: resonance,
			minutes: 1,
			holds: false,
			env: world.env
		});
		player.start();
		world.advance(5499);
		expect(player.position.phase.kind).toBe('inhale');
		world.advance(1);
		expect(player.position.phase.kind).toBe('exhale');
		// The countdown of the phase turns on the half second, the time remaining on the whole.
		expect(world.wakes.slice(0, 6)).toEqual([500, 1000, 1500, 2000, 2500, 3000]);
	});

	it('offers a refused cue again the moment the sound can play, without polling', () => {
		const world = fakeWorld();
		const fake = fakeAudio();
		const player = new BreathingPlayer({ exercise, minutes: 1, holds: false, env: world.env });
		player.attachAudio(fake.audio);
		fake.setReady(false);
		player.start();
		world.advance(3000);
		expect(world.wakes).toEqual([1000, 2000, 3000]);
		fake.setReady(true);
		expect(fake.scheduled).toContainEqual({ sound: 'exhale', at: 14_000 });
	});

	it('counts a new length from this moment, not from the last wake', () => {
		const world = fakeWorld();
		const player = new BreathingPlayer({ exercise, minutes: 1, holds: false, env: world.env });
		player.start();
		world.advance(10_500);
		player.setMinutes(3);
		expect(player.position.remainingMs).toBe(180_000 - 10_500);
		expect(player.activeElapsedMs).toBe(10_500);
	});

	it('gives animations an origin that holds from wake to wake and moves by a pause', () => {
		const world = fakeWorld();
		const player = new BreathingPlayer({ exercise, minutes: 1, holds: false, env: world.env });
		// The prerendered pacer began breathing 1.2 s before the code ran.
		player.start(1200);
		expect(player.originAtMs).toBe(10_000 - 1200);
		world.advance(5000);
		expect(player.originAtMs).toBe(10_000 - 1200);
		player.pause();
		expect(player.originAtMs).toBeNull();
		expect(player.positionMs).toBe(6200);
		world.advance(30_000);
		player.resume();
		expect(player.originAtMs).toBe(10_000 - 1200 + 30_000);
	});
});

describe('an exercise advised in small doses', () => {
	it('always runs its full number of breaths', () => {
		const world = fakeWorld();
		const fourSevenEight: BreathingExercise = {
			...exercise,
			id: '4-7-8',
			maxCycles: 4,
			hasHolds: true,
			pattern: {
				phases: [
					{ kind: 'inhale', durationMs: 4000 },
					{ kind: 'hold-in', durationMs: 7000 },
					{ kind: 'exhale', durationMs: 8000 }
				]
			}
		};
		const withHolds = new BreathingPlayer({
			exercise: fourSevenEight,
			minutes: 1,
			holds: true,
			env: world.env
		});
		expect(withHolds.timeline.durationMs).toBe(76_000);
		const withoutHolds = new BreathingPlayer({
			exercise: fourSevenEight,
			minutes: 10,
			holds: false,
			env: world.env
		});
		expect(withoutHolds.timeline.durationMs).toBe(48_000);
	});
});
