// The background loops and the footstep written by `npm run gen:audio`
// (src/build/synth-audio.js). They are read from static/audio, so a regenerated
// file is checked as shipped.
import { readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const RATE = 8000;
/** Precached on phones: each loop may take at most ~140 KB. */
const MAX_BYTES = 140 * 1024;
const STEP_RATE = 11025;
/** The footstep is a tiny one-shot: it may take at most 12 KB. */
const STEP_MAX_BYTES = 12 * 1024;
/** The fastest walking pace the footstep is played at, in steps per second. */
const FASTEST_STEPS_PER_SECOND = 1.3;

interface Wav {
	bytes: number;
	format: number;
	channels: number;
	rate: number;
	byteRate: number;
	blockAlign: number;
	bits: number;
	samples: Float64Array;
}

/** Parses a RIFF/WAVE file by walking its chunks (no dependency needed). */
function parseWav(buf: Buffer): Wav {
	expect(buf.toString('ascii', 0, 4)).toBe('RIFF');
	expect(buf.readUInt32LE(4)).toBe(buf.length - 8);
	expect(buf.toString('ascii', 8, 12)).toBe('WAVE');
	let fmt: Omit<Wav, 'bytes' | 'samples'> | undefined;
	let samples: Float64Array | undefined;
	for (let at = 12; at + 8 <= buf.length;) {
		const id = buf.toString('ascii', at, at + 4);
		const size = buf.readUInt32LE(at + 4);
		const body = at + 8;
		expect(body + size).toBeLessThanOrEqual(buf.length);
		if (id === 'fmt ') {
			fmt = {
				format: buf.readUInt16LE(body),
				channels: buf.readUInt16LE(body + 2),
				rate: buf.readUInt32LE(body + 4),
				byteRate: buf.readUInt32LE(body + 8),
				blockAlign: buf.readUInt16LE(body + 12),
				bits: buf.readUInt16LE(body + 14)
			};
		} else if (id === 'data') {
			samples = new Float64Array(size / 2);
			for (let i = 0; i < samples.length; i++) samples[i] = buf.readInt16LE(body + i * 2) / 32768;
		}
		at = body + size + (size % 2); // chunks are padded to an even length
	}
	if (!fmt || !samples) throw new Error('missing fmt or data chunk');
	return { bytes: buf.length, ...fmt, samples };
}

/** Value at quantile q (0..1) of the absolute values, by sorting a copy. */
function quantile(values: Float64Array, q: number): number {
	const sorted = values.map(Math.abs).sort();
	return sorted[Math.floor(q * (sorted.length - 1))] ?? 0;
}

/** Differences of consecutive samples inside the file (the seam is not among them). */
function diff(x: Float64Array): Float64Array {
	return x.subarray(1).map((v, i) => v - (x[i] ?? 0));
}

/** Reads a generated sound from static/audio. */
function readSound(name: string): Wav {
	return parseWav(readFileSync(new URL(`../../static/audio/${name}`, import.meta.url)));
}

/** Largest absolute sample value. */
function peakOf(x: Float64Array): number {
	return x.reduce((max, v) => Math.max(max, Math.abs(v)), 0);
}

/** Power per DFT bin 0..n/2, by a plain DFT (the footstep is short enough). */
function powerSpectrum(x: Float64Array): Float64Array {
	const n = x.length;
	const power = new Float64Array(Math.floor(n / 2) + 1);
	for (let k = 0; k < power.length; k++) {
		let re = 0;
		let im = 0;
		for (let i = 0; i < n; i++) {
			const angle = (2 * Math.PI * ((k * i) % n)) / n;
			re += (x[i] ?? 0) * Math.cos(angle);
			im -= (x[i] ?? 0) * Math.sin(angle);
		}
		power[k] = re * re + im * im;
	}
	return power;
}

describe.each(['bg-brown.wav', 'bg-drone.wav'])('the background loop %s', (name) => {
	const wav = readSound(name);
	const x = wav.samples;
	const n = x.length;
	const at = (i: number) => x[(i + n) % n] ?? 0;

	it('is a mono 16-bit PCM WAV at 8000 Hz', () => {
		expect(wav).toMatchObject({
			format: 1,
			channels: 1,
			rate: RATE,
			byteRate: RATE * 2,
			blockAlign: 2,
			bits: 16
		});
	});

	it('lasts 6 to 10 seconds and fits the precache budget', () => {
		expect(n / RATE).toBeGreaterThanOrEqual(6);
		expect(n / RATE).toBeLessThanOrEqual(10);
		expect(wav.bytes).toBeLessThanOrEqual(MAX_BYTES);
	});

	it('steps from its last sample to its first like any ordinary step inside it', () => {
		const seam = Math.abs(at(0) - at(-1));
		expect(seam).toBeLessThanOrEqual(quantile(diff(x), 0.999));
	});

	it('keeps its slope across the loop point, so there is no kink', () => {
		const bends = diff(diff(x));
		const limit = quantile(bends, 0.999);
		// Second differences that straddle the seam, on either side of it.
		expect(Math.abs(at(0) - 2 * at(-1) + at(-2))).toBeLessThanOrEqual(limit);
		expect(Math.abs(at(1) - 2 * at(0) + at(-1))).toBeLessThanOrEqual(limit);
	});

	it('has no DC offset', () => {
		const mean = x.reduce((sum, v) => sum + v, 0) / n;
		expect(Math.abs(mean)).toBeLessThan(1e-4);
	});

	it('stays quiet: peak below -12 dBFS, yet not silent', () => {
		const peak = peakOf(x);
		expect(20 * Math.log10(peak)).toBeLessThan(-12);
		expect(20 * Math.log10(peak)).toBeGreaterThan(-20);
	});
});

describe('the footstep step.wav', () => {
	const wav = readSound('step.wav');
	const x = wav.samples;
	const n = x.length;
	const seconds = n / STEP_RATE;
	const peak = peakOf(x);

	it('is a mono 16-bit PCM WAV at 11025 Hz', () => {
		expect(wav).toMatchObject({
			format: 1,
			channels: 1,
			rate: STEP_RATE,
			byteRate: STEP_RATE * 2,
			blockAlign: 2,
			bits: 16
		});
	});

	it('lasts about a quarter of a second, well inside one step at the fastest pace', () => {
		expect(seconds).toBeGreaterThanOrEqual(0.2);
		expect(seconds).toBeLessThanOrEqual(0.3);
		expect(seconds).toBeLessThan(0.5 / FASTEST_STEPS_PER_SECOND);
	});

	it('fits in 12 KB', () => {
		expect(wav.bytes).toBeLessThanOrEqual(STEP_MAX_BYTES);
	});

	it('starts and ends at exactly zero and never jumps, so it does not click', () => {
		expect(x[0]).toBe(0);
		expect(x[n - 1]).toBe(0);
		// A soft fade-in: the first millisecond stays near silence.
		const ms = Math.round(STEP_RATE / 1000);
		expect(peakOf(x.subarray(0, ms))).toBeLessThan(peak / 20);
		expect(peakOf(x.subarray(n - ms))).toBeLessThan(peak / 20);
		// No step between neighbouring samples comes near a sharp transient.
		expect(peakOf(diff(x))).toBeLessThan(peak / 5);
	});

	it('has no DC offset to speak of', () => {
		const mean = x.reduce((sum, v) => sum + v, 0) / n;
		expect(Math.abs(mean)).toBeLessThan(peak / 100);
	});

	it('peaks at about -14 dBFS, below every other cue', () => {
		const db = 20 * Math.log10(peak);
		expect(db).toBeGreaterThan(-15);
		expect(db).toBeLessThan(-13);
		for (const cue of ['inhale.wav', 'inhale-top.wav', 'hold.wav', 'exhale.wav', 'bell.wav']) {
			expect(peak, cue).toBeLessThan(peakOf(readSound(cue).samples));
		}
	});

	it('is a low thud: most energy below 400 Hz, nothing hissy above 1.5 kHz', () => {
		const power = powerSpectrum(x);
		const hz = (k: number) => (k * STEP_RATE) / n;
		let total = 0;
		let below400 = 0;
		let above1500 = 0;
		let weighted = 0;
		power.forEach((p, k) => {
			total += p;
			weighted += p * hz(k);
			if (hz(k) < 400) below400 += p;
			if (hz(k) > 1500) above1500 += p;
		});
		expect(below400 / total).toBeGreaterThan(0.9);
		expect(above1500 / total).toBeLessThan(0.005);
		// Spectral centroid inside the 80-200 Hz body of the thud.
		expect(weighted / total).toBeGreaterThan(80);
		expect(weighted / total).toBeLessThan(200);
	});

	it('crosses zero at a low rate, as a thud and not a crack', () => {
		let crossings = 0;
		for (let i = 1; i < n; i++) if ((x[i - 1] ?? 0) < 0 !== (x[i] ?? 0) < 0) crossings++;
		// A sine of f Hz crosses zero 2f times a second.
		expect(crossings / seconds / 2).toBeLessThan(300);
	});
});

describe('the cue sets a person can choose', () => {
	const sets = ['chime', 'wood'] as const;
	const cues = ['inhale', 'inhale-top', 'hold', 'exhale'] as const;

	it('each has every phase cue, and each set stays under 25 KB', () => {
		for (const set of sets) {
			const bytes = cues.reduce(
				(sum, cue) =>
					sum + statSync(new URL(`../../static/audio/${set}-${cue}.wav`, import.meta.url)).size,
				0
			);
			expect(bytes, set).toBeLessThan(25 * 1024);
		}
	});

	it('start and end in silence, so no cue clicks', () => {
		for (const set of sets) {
			for (const cue of cues) {
				const { samples } = readSound(`${set}-${cue}.wav`);
				expect(Math.abs(samples[0]!), `${set}-${cue}`).toBeLessThan(0.01);
				expect(Math.abs(samples[samples.length - 1]!), `${set}-${cue}`).toBeLessThan(0.01);
			}
		}
	});

	it('tell breathing in from breathing out by pitch: in is higher', () => {
		for (const set of sets) {
			const zeroCrossings = (samples: Float64Array) =>
				samples.reduce(
					(n, x, i) => (i > 0 && Math.sign(x) !== Math.sign(samples[i - 1]!) ? n + 1 : n),
					0
				) / samples.length;
			const inhale = readSound(`${set}-inhale.wav`).samples;
			const exhale = readSound(`${set}-exhale.wav`).samples;
			expect(zeroCrossings(inhale), set).toBeGreaterThan(zeroCrossings(exhale));
		}
	});
});
