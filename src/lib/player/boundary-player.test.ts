import { describe, expect, it } from 'vitest';
import { BoundaryPlayer } from './boundary-player.svelte';
import { fakeAudio, fakeSessions, fakeWorld, flush } from './testing/fakes';

/** A player on a hand-moved clock, slow speed from 5 m. */
function setup() {
	const world = fakeWorld();
	const sound = fakeAudio();
	const store = fakeSessions();
	const player = new BoundaryPlayer({ speed: 'slow', startDistanceM: 5, side: 'front' }, world.env);
	player.attachAudio(sound.audio);
	player.attachSessions(store.sessions);
	return { world, sound, store, player };
}

describe('BoundaryPlayer', () => {
	it('walks toward the person at its speed, and freezes on Stop with nothing moving after', () => {
		const { world, player } = setup();
		player.begin();
		world.advance(2000);
		expect(player.distanceM).toBeCloseTo(4.4, 1);
		player.stop();
		const frozen = player.distanceM;
		world.advance(10_000);
		expect(player.status).toBe('stopped');
		expect(player.distanceM).toBe(frozen);
		expect(player.rounds[0]?.stopDistanceM).toBeCloseTo(frozen, 2);
	});

	it('plays footsteps only while walking, and silences them the instant Stop is pressed', () => {
		const { world, sound, player } = setup();
		player.begin();
		world.advance(3000);
		const steps = sound.scheduled.filter((s) => s.sound === 'step');
		// Slow is 0.3 m/s with 0.6 m steps: one step every 2 s, half a step in.
		expect(steps.map((s) => Math.round(s.at - steps[0]!.at))).toEqual([0, 2000]);
		const cancelledBefore = sound.cancelled();
		player.stop();
		expect(sound.cancelled()).toBeGreaterThan(cancelledBefore);
		const count = sound.scheduled.length;
		world.advance(10_000);
		expect(sound.scheduled).toHaveLength(count);
	});

	it('goes back slowly to where it started when sent back, then stands still', () => {
		const { world, player } = setup();
		player.begin();
		world.advance(4000);
		player.goBack();
		world.advance(1000);
		expect(player.status).toBe('retreating');
		world.advance(10_000);
		expect(player.status).toBe('back');
		expect(player.distanceM).toBe(5);
		expect(player.rounds[0]).toMatchObject({ wentBack: true });
	});

	it('stops by itself at the closest distance when the person does nothing', () => {
		const { world, player } = setup();
		player.begin();
		world.advance(20_000);
		expect(player.status).toBe('waiting');
		expect(player.distanceM).toBe(1);
		expect(player.rounds[0]).toMatchObject({ reachedMinimum: true });
		expect(player.rounds[0]?.stopDistanceM).toBeUndefined();
	});

	it('writes the session at the first round, keeps its rounds, and completes it on finish', async () => {
		const { world, store, player } = setup();
		player.begin();
		world.advance(2000);
		player.stop();
		player.begin();
		world.advance(1000);
		player.stop();
		await player.finish();
		await flush();
		const start = store.writes[0] as { start: { exerciseId: string } };
		expect(start.start.exerciseId).toBe('boundary');
		const last = store.writes.at(-1) as { status: string; details: { rounds: unknown[] } };
		expect(last.status).toBe('completed');
		expect(last.details.rounds).toHaveLength(2);
	});

	it('writes nothing when the person leaves before a first round', async () => {
		const { store, player } = setup();
		await player.leave();
		expect(store.writes).toEqual([]);
	});

	it('keeps the rounds as stopped when the person leaves mid-way', async () => {
		const { world, store, player } = setup();
		player.begin();
		world.advance(1000);
		await player.leave();
		await flush();
		expect((store.writes.at(-1) as { status: string }).status).toBe('stopped');
	});
});

describe('BoundaryPlayer when the page is hidden', () => {
	it('holds the figure where it is, so it never arrives unseen, and records no stop', () => {
		const { world, player } = setup();
		player.begin();
		world.advance(2000);
		player.hold();
		const held = player.distanceM;
		world.sleep(60_000);
		world.advance(1000);
		expect(player.distanceM).toBe(held);
		expect(player.status).toBe('stopped');
		expect(player.rounds[0]?.stopDistanceM).toBeUndefined();
	});

	it('keeps a finished session completed, whatever is written after', async () => {
		const { world, store, player } = setup();
		player.begin();
		world.advance(1000);
		const finishing = player.finish();
		await player.checkpoint();
		await finishing;
		await flush();
		expect((store.writes.at(-1) as { status: string }).status).toBe('completed');
	});
});
