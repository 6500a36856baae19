// The background loops written by `npm run gen:audio` (src/build/synth-audio.js).
// They are read from static/audio, so a regenerated file is checked as shipped.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const RATE = 8000;
/** Precached on phones: each loop may take at most ~140 KB. */
const MAX_BYTES = 140 * 1024;

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

describe.each(['bg-brown.wav', 'bg-drone.wav'])('the background loop %s', (name) => {
	const wav = parseWav(readFileSync(new URL(`../../static/audio/${name}`, import.meta.url)));
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
		const peak = x.reduce((max, v) => Math.max(max, Math.abs(v)), 0);
		expect(20 * Math.log10(peak)).toBeLessThan(-12);
		expect(20 * Math.log10(peak)).toBeGreaterThan(-20);
	});
});
