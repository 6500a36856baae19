// Fakes of the world outside a player (clock, frames, timers, sound, storage) for unit tests.
import type { PlayerAudio, PlayerSessions } from '../gateway';

/** A clock, frame loop and timers the test moves by hand. */
export function fakeWorld() {
	const startMs = 10_000;
	let now = startMs;
	let epoch = 1_700_000_000_000;
	let nextFrame: (() => void) | null = null;
	let nextTimerId = 1;
	const timers = new Map<number, { at: number; cb: () => void }>();
	const phases: string[] = [];
	/** When timers ran, in ms since the world began (what woke a player, and when). */
	const wakes: number[] = [];
	let frames = 0;
	const moveTo = (t: number) => {
		epoch += t - now;
		now = t;
	};
	/** The timer due first, if it is due by `t`. */
	const dueBy = (t: number) => {
		let first: [number, { at: number; cb: () => void }] | undefined;
		for (const entry of timers) if (!first || entry[1].at < first[1].at) first = entry;
		return first && first[1].at <= t ? first : undefined;
	};
	return {
		env: {
			now: () => now,
			epochNow: () => epoch,
			requestFrame: (cb: () => void) => {
				nextFrame = cb;
				return 1;
			},
			cancelFrame: () => {
				nextFrame = null;
			},
			setTimer: (cb: () => void, ms: number) => {
				const id = nextTimerId++;
				timers.set(id, { at: now + ms, cb });
				return id;
			},
			clearTimer: (id: number) => void timers.delete(id),
			newId: () => 'session-1',
			onPhase: (kind: string) => void phases.push(kind),
			onStart: () => undefined
		},
		phases,
		wakes,
		/** How many animation frames ran a callback. */
		frames: () => frames,
		/**
		 * Moves time on in 16 ms frames, running animation frames as they come and timers at
		 * the moment they fall due.
		 */
		advance(ms: number) {
			const end = now + ms;
			while (now < end) {
				const frameAt = Math.min(end, now + 16);
				for (let due = dueBy(frameAt); due; due = dueBy(frameAt)) {
					const [id, timer] = due;
					timers.delete(id);
					moveTo(Math.max(now, timer.at));
					wakes.push(now - startMs);
					timer.cb();
				}
				moveTo(frameAt);
				const frame = nextFrame;
				nextFrame = null;
				if (frame) frames++;
				frame?.();
			}
		},
		/** Moves the clock without frames or timers, as when the phone sleeps. */
		sleep(ms: number) {
			moveTo(now + ms);
		}
	};
}

/** Records what would be played; `ready` false plays the part of a suspended context. */
export function fakeAudio() {
	const scheduled: { sound: string; at: number }[] = [];
	let onReady = () => {};
	let cancelled = 0;
	let ready = true;
	const audio: PlayerAudio = {
		schedule: (sound, at) => {
			if (!ready) return false;
			scheduled.push({ sound, at });
			return true;
		},
		cancelAll: () => void cancelled++,
		onReady: (listener) => void (onReady = listener)
	};
	return {
		audio,
		scheduled,
		cancelled: () => cancelled,
		/** Like a context that resumes: a player listening hears it can play again. */
		setReady: (value: boolean) => {
			ready = value;
			if (ready) onReady();
		}
	};
}

export function fakeSessions() {
	const writes: unknown[] = [];
	const sessions: PlayerSessions = {
		start: async (record) => void writes.push({ start: record }),
		update: async (id, progress) => void writes.push({ update: id, ...progress })
	};
	return { sessions, writes };
}

export const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
