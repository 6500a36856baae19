// Fakes of the world outside a player (clock, frames, timers, sound, storage) for unit tests.
import type { PlayerAudio, PlayerSessions } from '../gateway';

/** A clock, frame loop and timers the test moves by hand. */
export function fakeWorld() {
	let now = 10_000;
	let epoch = 1_700_000_000_000;
	let nextFrame: (() => void) | null = null;
	let nextTimer: { at: number; cb: () => void } | null = null;
	const phases: string[] = [];
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
				nextTimer = { at: now + ms, cb };
				return 2;
			},
			clearTimer: () => {
				nextTimer = null;
			},
			newId: () => 'session-1',
			onPhase: (kind: string) => void phases.push(kind),
			onStart: () => undefined
		},
		phases,
		/** Moves time on in 16 ms steps, running animation frames and timers as they fall due. */
		advance(ms: number) {
			const end = now + ms;
			while (now < end) {
				now = Math.min(end, now + 16);
				epoch += 16;
				const frame = nextFrame;
				nextFrame = null;
				frame?.();
				if (nextTimer && nextTimer.at <= now) {
					const { cb } = nextTimer;
					nextTimer = null;
					cb();
				}
			}
		},
		/** Moves the clock without frames or timers, as when the phone sleeps. */
		sleep(ms: number) {
			now += ms;
			epoch += ms;
		}
	};
}

/** Records what would be played; `ready` false plays the part of a suspended context. */
export function fakeAudio() {
	const scheduled: { sound: string; at: number }[] = [];
	let cancelled = 0;
	let ready = true;
	const audio: PlayerAudio = {
		schedule: (sound, at) => {
			if (!ready) return false;
			scheduled.push({ sound, at });
			return true;
		},
		cancelAll: () => void cancelled++
	};
	return {
		audio,
		scheduled,
		cancelled: () => cancelled,
		setReady: (value: boolean) => void (ready = value)
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
