// @ts-check
/**
 * Synthesises the soft audio cues of Rustpunt and writes them as
 * mono 16-bit PCM WAV files (22050 Hz) into `static/audio/`.
 *
 * Run with `node src/build/synth-audio.js` (or `npm run gen:audio`).
 * No dependencies and no randomness: the output is identical on every run.
 *
 * Every sound starts and ends at exactly zero amplitude (raised-cosine fades),
 * so nothing clicks, and peaks are normalised to a moderate level.
 */

import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const SAMPLE_RATE = 22050;
const TAU = 2 * Math.PI;
const OUT_DIR = fileURLToPath(new URL('../../static/audio/', import.meta.url));

/** Peak levels in dBFS. */
const CUE_PEAK_DB = -9;
const SOFT_CUE_PEAK_DB = -12;
const BELL_PEAK_DB = -6;

/**
 * @typedef {object} Partial
 * @property {number} ratio frequency as a multiple of the (possibly gliding) base frequency
 * @property {number} gain relative amplitude
 * @property {number} [decay] exponential decay time constant in seconds (none: sustained)
 * @property {number} [detune] extra frequency in Hz, for a slow beating shimmer
 */

/**
 * @param {number} seconds
 * @returns {Float64Array}
 */
function buffer(seconds) {
	return new Float64Array(Math.round(seconds * SAMPLE_RATE));
}

/**
 * Smooth 0 → 1 curve (raised cosine) for x in [0, 1].
 * @param {number} x
 */
function ease(x) {
	const t = Math.min(1, Math.max(0, x));
	return 0.5 - 0.5 * Math.cos(Math.PI * t);
}

/**
 * Adds partials whose base frequency glides from `from` to `to` Hz along a smooth curve.
 * Phase is accumulated sample by sample, so the glide itself is click-free.
 * @param {Float64Array} out
 * @param {number} from
 * @param {number} to
 * @param {Partial[]} partials
 * @param {number} [glideSeconds] glide duration (defaults to the whole sound)
 */
function addGlide(out, from, to, partials, glideSeconds) {
	const glideSamples = Math.max(
		1,
		Math.round((glideSeconds ?? out.length / SAMPLE_RATE) * SAMPLE_RATE)
	);
	const ratio = to / from;
	const phases = partials.map(() => 0);
	for (let i = 0; i < out.length; i++) {
		// Glide in the log-frequency domain, so it sounds even to the ear.
		const base = from * Math.pow(ratio, ease(i / glideSamples));
		const t = i / SAMPLE_RATE;
		let sample = 0;
		for (let p = 0; p < partials.length; p++) {
			const { ratio: r, gain, decay, detune = 0 } = partials[p];
			const freq = base * r + detune;
			if (freq >= SAMPLE_RATE / 2) continue;
			const amp = decay ? gain * Math.exp(-t / decay) : gain;
			sample += amp * Math.sin(phases[p]);
			phases[p] = (phases[p] + (TAU * freq) / SAMPLE_RATE) % TAU;
		}
		out[i] += sample;
	}
}

/**
 * Multiplies by an envelope built from a raised-cosine attack, an optional
 * shape in the middle and a raised-cosine release that reaches exactly zero.
 * @param {Float64Array} out
 * @param {number} attack seconds
 * @param {number} release seconds
 * @param {(t: number) => number} [shape] extra gain over normalised time 0..1
 */
function envelope(out, attack, release, shape = () => 1) {
	const n = out.length;
	const a = Math.max(1, Math.round(attack * SAMPLE_RATE));
	const r = Math.max(1, Math.round(release * SAMPLE_RATE));
	for (let i = 0; i < n; i++) {
		const up = ease(i / a);
		const down = ease((n - 1 - i) / r);
		out[i] *= up * down * shape(i / (n - 1));
	}
	out[0] = 0;
	out[n - 1] = 0;
}

/**
 * Scales the signal so its peak is at `db` dBFS.
 * @param {Float64Array} out
 * @param {number} db
 */
function normalise(out, db) {
	let peak = 0;
	for (const v of out) peak = Math.max(peak, Math.abs(v));
	if (peak === 0) return;
	const gain = Math.pow(10, db / 20) / peak;
	for (let i = 0; i < out.length; i++) out[i] *= gain;
}

/**
 * Encodes samples (−1..1) as a mono 16-bit PCM WAV file.
 * @param {Float64Array} samples
 * @returns {Buffer}
 */
function encodeWav(samples) {
	const dataBytes = samples.length * 2;
	const buf = Buffer.alloc(44 + dataBytes);
	buf.write('RIFF', 0, 'ascii');
	buf.writeUInt32LE(36 + dataBytes, 4);
	buf.write('WAVE', 8, 'ascii');
	buf.write('fmt ', 12, 'ascii');
	buf.writeUInt32LE(16, 16); // fmt chunk size
	buf.writeUInt16LE(1, 20); // PCM
	buf.writeUInt16LE(1, 22); // mono
	buf.writeUInt32LE(SAMPLE_RATE, 24);
	buf.writeUInt32LE(SAMPLE_RATE * 2, 28); // byte rate
	buf.writeUInt16LE(2, 32); // block align
	buf.writeUInt16LE(16, 34); // bits per sample
	buf.write('data', 36, 'ascii');
	buf.writeUInt32LE(dataBytes, 40);
	for (let i = 0; i < samples.length; i++) {
		const v = Math.max(-1, Math.min(1, samples[i]));
		buf.writeInt16LE(Math.round(v * 32767), 44 + i * 2);
	}
	return buf;
}

/** Inhale: a soft tone that rises G4 → C5 and swells a little. */
function inhale() {
	const out = buffer(0.6);
	addGlide(out, 392.0, 523.25, [
		{ ratio: 1, gain: 1 },
		{ ratio: 2, gain: 0.14 },
		{ ratio: 3, gain: 0.03 }
	]);
	// Gentle swell towards the top, like filling the lungs.
	envelope(out, 0.14, 0.2, (t) => 0.75 + 0.25 * ease(t / 0.7));
	normalise(out, CUE_PEAK_DB);
	return out;
}

/** Inhale-top: a short, higher, soft blip for "a little more in". */
function inhaleTop() {
	const out = buffer(0.3);
	addGlide(
		out,
		659.25,
		783.99,
		[
			{ ratio: 1, gain: 1, decay: 0.22 },
			{ ratio: 2, gain: 0.08, decay: 0.1 }
		],
		0.12
	);
	envelope(out, 0.03, 0.14);
	normalise(out, CUE_PEAK_DB);
	return out;
}

/** Hold: a very soft, mellow, marimba-like pluck on one steady pitch. */
function hold() {
	const out = buffer(0.25);
	addGlide(out, 440.0, 440.0, [
		{ ratio: 1, gain: 1, decay: 0.07 },
		{ ratio: 3.99, gain: 0.12, decay: 0.018 },
		{ ratio: 2.0, gain: 0.05, decay: 0.03 }
	]);
	envelope(out, 0.006, 0.1);
	normalise(out, SOFT_CUE_PEAK_DB);
	return out;
}

/** Exhale: a soft tone that falls A4 → D4 and slowly fades, like letting go. */
function exhale() {
	const out = buffer(0.9);
	addGlide(out, 440.0, 293.66, [
		{ ratio: 1, gain: 1 },
		{ ratio: 2, gain: 0.08 }
	]);
	envelope(out, 0.08, 0.35, (t) => 1 - 0.45 * ease(t));
	normalise(out, CUE_PEAK_DB);
	return out;
}

/** Bell: a soft singing bowl with inharmonic partials and slow beating. */
function bell() {
	const out = buffer(3.5);
	const f = 480;
	addGlide(out, f, f, [
		{ ratio: 1, gain: 1, decay: 1.3 },
		{ ratio: 1, gain: 0.35, decay: 1.1, detune: 1.6 }, // slow shimmer on the fundamental
		{ ratio: 2.76, gain: 0.42, decay: 0.75 },
		{ ratio: 2.76, gain: 0.15, decay: 0.6, detune: 2.3 },
		{ ratio: 5.4, gain: 0.16, decay: 0.38 },
		{ ratio: 8.93, gain: 0.06, decay: 0.2 }
	]);
	envelope(out, 0.03, 1.2);
	normalise(out, BELL_PEAK_DB);
	return out;
}

/** @type {[string, () => Float64Array][]} */
const SOUNDS = [
	['inhale.wav', inhale],
	['inhale-top.wav', inhaleTop],
	['hold.wav', hold],
	['exhale.wav', exhale],
	['bell.wav', bell]
];

mkdirSync(OUT_DIR, { recursive: true });
let total = 0;
for (const [name, make] of SOUNDS) {
	const samples = make();
	const wav = encodeWav(samples);
	writeFileSync(join(OUT_DIR, name), wav);
	total += wav.length;
	const seconds = (samples.length / SAMPLE_RATE).toFixed(2);
	console.log(`${name.padEnd(15)} ${seconds} s  ${(wav.length / 1024).toFixed(1)} KB`);
}
console.log(`${'total'.padEnd(15)}          ${(total / 1024).toFixed(1)} KB`);
