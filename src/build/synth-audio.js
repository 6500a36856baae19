// @ts-check
/**
 * Synthesises the soft audio cues of Rustpunt and writes them as
 * mono 16-bit PCM WAV files (22050 Hz) into `static/audio/`, plus a soft
 * footstep (11025 Hz: it is a low thud) and two quiet background loops for
 * guided practices (8000 Hz: they hold nothing high, and they are precached
 * on phones, so a lower rate shrinks the download).
 *
 * Run with `node src/build/synth-audio.js` (or `npm run gen:audio`).
 * No dependencies and no randomness: the noise comes from a seeded PRNG,
 * so the output is identical on every run.
 *
 * Every cue starts and ends at exactly zero amplitude (raised-cosine fades),
 * so nothing clicks, and peaks are normalised to a moderate level.
 * The background loops instead never fade: they are made seamless across
 * the loop point (last sample → first sample, in value and slope), because
 * they are played with `AudioBufferSourceNode.loop` and faded at runtime.
 */

import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const SAMPLE_RATE = 22050;
/** Background loops: nothing above ~1.5 kHz is wanted, so 8000 Hz is plenty (and small). */
const BG_SAMPLE_RATE = 8000;
/**
 * Footstep: a low thud with a little noise below ~1 kHz, so 11025 Hz (Nyquist
 * 5.5 kHz) loses nothing and halves the file, which is kept under 12 KB.
 */
const STEP_SAMPLE_RATE = 11025;
/**
 * Loop length in seconds. Long enough that the noise does not audibly repeat,
 * short enough to stay under ~140 KB; a whole number of 1/8 Hz steps, so drone
 * frequencies on a 0.125 Hz grid complete whole cycles over the loop.
 */
const BG_LOOP_SECONDS = 8;
const TAU = 2 * Math.PI;
const OUT_DIR = fileURLToPath(new URL('../../static/audio/', import.meta.url));

/** Peak levels in dBFS. */
const CUE_PEAK_DB = -9;
const SOFT_CUE_PEAK_DB = -12;
const BELL_PEAK_DB = -6;
/** Quiet, so the loops sit under speech and cues; the app sets its own volume on top. */
const BG_PEAK_DB = -14;
/** The footstep repeats at walking pace for a while, so it sits below every other cue. */
const STEP_PEAK_DB = -14;

/**
 * @typedef {object} Partial
 * @property {number} ratio frequency as a multiple of the (possibly gliding) base frequency
 * @property {number} gain relative amplitude
 * @property {number} [decay] exponential decay time constant in seconds (none: sustained)
 * @property {number} [detune] extra frequency in Hz, for a slow beating shimmer
 */

/**
 * @param {number} seconds
 * @param {number} [rate] sample rate in Hz
 * @returns {Float64Array}
 */
function buffer(seconds, rate = SAMPLE_RATE) {
	return new Float64Array(Math.round(seconds * rate));
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
 * @param {number} [rate] sample rate in Hz
 */
function addGlide(out, from, to, partials, glideSeconds, rate = SAMPLE_RATE) {
	const glideSamples = Math.max(1, Math.round((glideSeconds ?? out.length / rate) * rate));
	const ratio = to / from;
	const phases = partials.map(() => 0);
	for (let i = 0; i < out.length; i++) {
		// Glide in the log-frequency domain, so it sounds even to the ear.
		const base = from * Math.pow(ratio, ease(i / glideSamples));
		const t = i / rate;
		let sample = 0;
		for (let p = 0; p < partials.length; p++) {
			const { ratio: r, gain, decay, detune = 0 } = partials[p];
			const freq = base * r + detune;
			if (freq >= rate / 2) continue;
			const amp = decay ? gain * Math.exp(-t / decay) : gain;
			sample += amp * Math.sin(phases[p]);
			phases[p] = (phases[p] + (TAU * freq) / rate) % TAU;
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
 * @param {number} [rate] sample rate in Hz
 */
function envelope(out, attack, release, shape = () => 1, rate = SAMPLE_RATE) {
	const n = out.length;
	const a = Math.max(1, Math.round(attack * rate));
	const r = Math.max(1, Math.round(release * rate));
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
 * @param {number} [sampleRate]
 * @returns {Buffer}
 */
function encodeWav(samples, sampleRate = SAMPLE_RATE) {
	const dataBytes = samples.length * 2;
	const buf = Buffer.alloc(44 + dataBytes);
	buf.write('RIFF', 0, 'ascii');
	buf.writeUInt32LE(36 + dataBytes, 4);
	buf.write('WAVE', 8, 'ascii');
	buf.write('fmt ', 12, 'ascii');
	buf.writeUInt32LE(16, 16); // fmt chunk size
	buf.writeUInt16LE(1, 20); // PCM
	buf.writeUInt16LE(1, 22); // mono
	buf.writeUInt32LE(sampleRate, 24);
	buf.writeUInt32LE(sampleRate * 2, 28); // byte rate
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

/**
 * Seeded PRNG (mulberry32): 32-bit integer maths only, so every platform and
 * Node version produces the same sequence and the noise loop never changes.
 * @param {number} seed
 * @returns {() => number} uniform in [-1, 1)
 */
function prng(seed) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 2 ** 31 - 1;
	};
}

/**
 * Coefficient of a one-pole low-pass `y += (1 - a) * (x - y)` with corner `hz`.
 * @param {number} hz
 * @param {number} sampleRate
 */
function onePole(hz, sampleRate) {
	return Math.exp((-TAU * hz) / sampleRate);
}

/**
 * Subtracts the mean. A constant shift keeps the loop seam intact, and a DC
 * offset would thump when the runtime gain node fades the loop in or out.
 * @param {Float64Array} out
 */
function removeDc(out) {
	let sum = 0;
	for (const v of out) sum += v;
	const mean = sum / out.length;
	for (let i = 0; i < out.length; i++) out[i] -= mean;
}

/**
 * Brown noise: a soft, warm rumble with no hiss, seamless as a loop.
 *
 * The filters run over one continuous stream of loop + overlap samples, after
 * a warm-up, so their state is never reset. The overlap (the stream's natural
 * continuation past the loop end) is then crossfaded into the head with an
 * equal-power sin/cos curve: sample 0 is exactly the sample that followed the
 * last one in the stream, so value and slope carry across the loop point, and
 * the head blends back into its own noise without a dip in loudness.
 */
function brownNoise() {
	const rate = BG_SAMPLE_RATE;
	const n = BG_LOOP_SECONDS * rate;
	const overlap = rate; // 1 s: long enough that the blend is inaudible
	const warmUp = rate; // lets every filter settle before the first kept sample
	const random = prng(0x5275_7374); // "Rust"
	// Leaky integrator: white → brown (−6 dB/oct) above 80 Hz, flat below,
	// so it cannot wander off into a slow, inaudible, headroom-eating drift.
	const brown = onePole(80, rate);
	// Two-pole high-pass at 35 Hz: drops subsonic rumble that no phone speaker
	// can play but that would still use up the peak level.
	const high = onePole(35, rate);
	// Two more low-pass poles at 1.5 kHz: nothing sharp or hissy above ~2-3 kHz.
	const low = onePole(1500, rate);
	const stream = new Float64Array(n + overlap);
	let b = 0;
	let h1 = 0;
	let h2 = 0;
	let l1 = 0;
	let l2 = 0;
	for (let i = -warmUp; i < stream.length; i++) {
		b = brown * b + (1 - brown) * random();
		h1 = high * h1 + (1 - high) * b;
		h2 = high * h2 + (1 - high) * (b - h1);
		l1 = low * l1 + (1 - low) * (b - h1 - h2);
		l2 = low * l2 + (1 - low) * l1;
		if (i >= 0) stream[i] = l2;
	}
	const out = stream.slice(0, n);
	for (let i = 0; i < overlap; i++) {
		const angle = ((Math.PI / 2) * i) / overlap;
		out[i] = stream[n + i] * Math.cos(angle) + stream[i] * Math.sin(angle);
	}
	removeDc(out);
	// A very slow, shallow swell (±8 %, one cycle per loop, so it is periodic
	// too): it keeps the noise from sounding static without becoming a rhythm
	// that competes with the breathing pace.
	for (let i = 0; i < n; i++) out[i] *= 1 + 0.08 * Math.sin((TAU * i) / n);
	normalise(out, BG_PEAK_DB);
	return out;
}

/**
 * @typedef {object} DronePartial
 * @property {number} hz frequency, on a 1/BG_LOOP_SECONDS Hz grid (whole cycles per loop)
 * @property {number} gain relative amplitude
 * @property {number} phase start phase in radians (spread out to keep the peak low)
 */

/**
 * Drone: a low, warm open fifth on A2 (110 Hz) with a few soft harmonics and
 * slow beating, steady in pitch and not tuneful enough to follow.
 *
 * Every partial makes a whole number of cycles over the loop and the phase is
 * computed from the sample index (not accumulated), so the loop is exactly
 * periodic: the step from the last sample to the first is just the next step
 * of the waveform. The harmonics are there because phone speakers barely play
 * 110 Hz; the ear still hears the low root from them.
 */
function drone() {
	const rate = BG_SAMPLE_RATE;
	const n = BG_LOOP_SECONDS * rate;
	/** @type {DronePartial[]} */
	const partials = [
		{ hz: 110, gain: 1, phase: 0 },
		{ hz: 110.25, gain: 0.45, phase: 1.1 }, // beats at 0.25 Hz: a 4 s shimmer
		{ hz: 165, gain: 0.55, phase: 2.3 }, // the fifth
		{ hz: 165.375, gain: 0.25, phase: 4.0 }, // beats every 2.7 s, against the root's 4 s
		{ hz: 220, gain: 0.3, phase: 0.7 },
		{ hz: 220.125, gain: 0.15, phase: 3.3 }, // one slow beat per loop
		{ hz: 330, gain: 0.12, phase: 5.1 },
		{ hz: 440, gain: 0.05, phase: 1.9 }
	];
	for (const { hz } of partials) {
		const cycles = hz * BG_LOOP_SECONDS;
		if (!Number.isInteger(cycles)) throw new Error(`${hz} Hz does not loop in ${n} samples`);
	}
	const out = new Float64Array(n);
	for (let i = 0; i < n; i++) {
		let sample = 0;
		for (const { hz, gain, phase } of partials) {
			// Whole cycles over n samples: exact integer · i / n keeps the phase periodic.
			sample += gain * Math.sin((TAU * ((hz * BG_LOOP_SECONDS * i) % n)) / n + phase);
		}
		out[i] = sample;
	}
	removeDc(out);
	normalise(out, BG_PEAK_DB);
	return out;
}

/**
 * Step: one soft, muffled footstep on a wooden or carpeted floor, heard from a
 * few metres away, for a figure that walks slowly closer. Neutral and calm:
 * no click, no crack, nothing sharp; quieter than every other cue.
 *
 * Three layers, each click-free on its own: the heel, a low thud whose pitch
 * sags from 150 to 95 Hz as the floor gives a little (with a few soft
 * inharmonic floor modes at 250-650 Hz, so a phone speaker, which barely plays
 * 100 Hz, still carries it); the toe, a smaller, shorter thud 55 ms later as
 * the foot rolls; and the sole's contact, a breath of seeded noise kept
 * between ~250 Hz and ~900 Hz and 20 dB under the thud. 0.25 s in all, far
 * shorter than the gap between steps at walking pace, so steps never overlap.
 */
function step() {
	const rate = STEP_SAMPLE_RATE;
	const out = buffer(0.25, rate);

	const heel = buffer(0.25, rate);
	addGlide(
		heel,
		150,
		95,
		[
			{ ratio: 1, gain: 1, decay: 0.045 },
			{ ratio: 1.58, gain: 0.3, decay: 0.03 },
			{ ratio: 2.76, gain: 0.2, decay: 0.02 },
			{ ratio: 4.3, gain: 0.06, decay: 0.012 }
		],
		0.06,
		rate
	);
	envelope(heel, 0.006, 0.12, undefined, rate);
	normalise(heel, 0);

	const toe = buffer(0.15, rate);
	addGlide(
		toe,
		125,
		100,
		[
			{ ratio: 1, gain: 1, decay: 0.03 },
			{ ratio: 2.1, gain: 0.15, decay: 0.015 }
		],
		0.04,
		rate
	);
	envelope(toe, 0.01, 0.08, undefined, rate);
	normalise(toe, -9);

	const sole = buffer(0.06, rate);
	const random = prng(0x5374_6570); // "Step"
	const high = onePole(250, rate);
	const low = onePole(900, rate);
	let h = 0;
	let l1 = 0;
	let l2 = 0;
	for (let i = 0; i < sole.length; i++) {
		const x = random();
		h = high * h + (1 - high) * x;
		l1 = low * l1 + (1 - low) * (x - h);
		l2 = low * l2 + (1 - low) * l1;
		sole[i] = l2;
	}
	// Brushes in with the heel and dies away well before the thud does.
	envelope(sole, 0.004, 0.05, (t) => Math.exp(-t * 3), rate);
	normalise(sole, -20);

	const toeAt = Math.round(0.055 * rate);
	for (let i = 0; i < out.length; i++) {
		out[i] = heel[i] + (i >= toeAt ? (toe[i - toeAt] ?? 0) : 0) + (sole[i] ?? 0);
	}
	envelope(out, 0.004, 0.1, undefined, rate);
	normalise(out, STEP_PEAK_DB);
	return out;
}

/**
 * Two more cue sets a person may choose in the settings, at 8000 Hz (nothing in them is
 * above 3 kHz) and short, so each set stays a few kilobytes: glass chimes that ring briefly,
 * and dry wooden knocks. Inhale is higher than exhale in every set, as in the soft set.
 */
const SET_SAMPLE_RATE = 8000;

/**
 * A struck chime: a sine with two quiet inharmonic partials, dying away.
 * @param {number} hz
 * @param {number} seconds
 * @param {number} db peak level
 */
function chime(hz, seconds, db) {
	const out = buffer(seconds, SET_SAMPLE_RATE);
	addGlide(
		out,
		hz,
		hz,
		[
			{ ratio: 1, gain: 1, decay: seconds / 3 },
			{ ratio: 2.4, gain: 0.12, decay: seconds / 8 },
			{ ratio: 1, gain: 0.25, decay: seconds / 4, detune: 2 }
		],
		0,
		SET_SAMPLE_RATE
	);
	envelope(out, 0.004, seconds / 3, undefined, SET_SAMPLE_RATE);
	normalise(out, db);
	return out;
}

/**
 * A wooden knock: a low pitch falling fast with a hollow overtone, over in a tenth of a second.
 * @param {number} hz
 * @param {number} db peak level
 */
function knock(hz, db) {
	const out = buffer(0.12, SET_SAMPLE_RATE);
	addGlide(
		out,
		hz * 1.15,
		hz,
		[
			{ ratio: 1, gain: 1, decay: 0.025 },
			{ ratio: 2.7, gain: 0.25, decay: 0.01 }
		],
		0.02,
		SET_SAMPLE_RATE
	);
	envelope(out, 0.002, 0.06, undefined, SET_SAMPLE_RATE);
	normalise(out, db);
	return out;
}

/**
 * @typedef {object} Sound
 * @property {string} name file name in `static/audio/`
 * @property {() => Float64Array} make
 * @property {number} rate sample rate in Hz
 */

/** @type {Sound[]} */
const SOUNDS = [
	{ name: 'inhale.wav', make: inhale, rate: SAMPLE_RATE },
	{ name: 'inhale-top.wav', make: inhaleTop, rate: SAMPLE_RATE },
	{ name: 'hold.wav', make: hold, rate: SAMPLE_RATE },
	{ name: 'exhale.wav', make: exhale, rate: SAMPLE_RATE },
	{ name: 'bell.wav', make: bell, rate: SAMPLE_RATE },
	{ name: 'step.wav', make: step, rate: STEP_SAMPLE_RATE },
	{ name: 'bg-brown.wav', make: brownNoise, rate: BG_SAMPLE_RATE },
	{ name: 'bg-drone.wav', make: drone, rate: BG_SAMPLE_RATE },
	{ name: 'chime-inhale.wav', make: () => chime(880, 0.4, CUE_PEAK_DB), rate: SET_SAMPLE_RATE },
	{
		name: 'chime-inhale-top.wav',
		make: () => chime(1174.66, 0.25, CUE_PEAK_DB),
		rate: SET_SAMPLE_RATE
	},
	{
		name: 'chime-hold.wav',
		make: () => chime(739.99, 0.25, SOFT_CUE_PEAK_DB),
		rate: SET_SAMPLE_RATE
	},
	{ name: 'chime-exhale.wav', make: () => chime(587.33, 0.5, CUE_PEAK_DB), rate: SET_SAMPLE_RATE },
	{ name: 'wood-inhale.wav', make: () => knock(700, CUE_PEAK_DB), rate: SET_SAMPLE_RATE },
	{ name: 'wood-inhale-top.wav', make: () => knock(950, CUE_PEAK_DB), rate: SET_SAMPLE_RATE },
	{ name: 'wood-hold.wav', make: () => knock(520, SOFT_CUE_PEAK_DB), rate: SET_SAMPLE_RATE },
	{ name: 'wood-exhale.wav', make: () => knock(380, CUE_PEAK_DB), rate: SET_SAMPLE_RATE }
];

mkdirSync(OUT_DIR, { recursive: true });
let total = 0;
for (const { name, make, rate } of SOUNDS) {
	const samples = make();
	const wav = encodeWav(samples, rate);
	writeFileSync(join(OUT_DIR, name), wav);
	total += wav.length;
	const seconds = (samples.length / rate).toFixed(2);
	console.log(`${name.padEnd(15)} ${seconds} s  ${(wav.length / 1024).toFixed(1)} KB`);
}
console.log(`${'total'.padEnd(15)}          ${(total / 1024).toFixed(1)} KB`);
