// @ts-check
/**
 * How exactly the breathing phases land, over a real session in real time (default the
 * full 10 minutes, so the run takes about 10.5 minutes). Target: p99 within one frame (17 ms).
 *
 * Procedure: open /, click "Adem nu" (a real gesture, so the audio context may run), then at
 * once click the "10 min" length. An init script records, in the page:
 *  - every change of the visible phase label (`p.phase`), with performance.now() at the DOM
 *    change and the start time of the animation frame it happened in;
 *  - every AudioBufferSourceNode.start(when): the moment the cue will be heard, converted to
 *    the performance.now() clock twice: with ctx.currentTime (no output latency) and with
 *    ctx.getOutputTimestamp() (the conversion the app itself uses; allows for latency).
 * Afterwards the 'rustpunt:session-start' mark gives time zero, and each label change and
 * each cue is matched to the nearest expected phase boundary (inhale at 0, exhale at 4 s,
 * inhale at 10 s, ...; the pattern is read from exercises/extended-exhale.yaml).
 *
 * Usage: node bench/phase-accuracy.js [--no-build] [--minutes 10] [--headed]
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import {
	ROOT,
	ensureBuild,
	environment,
	formatTable,
	isMain,
	launchChromium,
	round,
	sleep,
	startPreview,
	summarize,
	writeResult
} from './lib/common.js';

export const TARGET_P99_MS = 17;
/** The lengths the "Duur" radio group offers. */
const LENGTHS = [1, 3, 5, 10];
/** Farther than this from every boundary, a label change or cue is reported as unmatched. */
const MATCH_WINDOW_MS = 1000;
/** A frame this long after the previous one means at least one was dropped (60 Hz). */
const LATE_FRAME_MS = 25;

/**
 * @typedef {object} Boundary
 * @property {number} index
 * @property {number} atMs time since the session started
 * @property {string} kind inhale, exhale, ...
 * @property {string} label the text the phase label should show
 */

/**
 * The exercise's phase boundaries for a session of `minutes`, as the app lays it out: a
 * whole number of cycles nearest to the chosen length.
 * @param {number} minutes
 * @returns {{ boundaries: Boundary[], durationMs: number, cycleMs: number }}
 */
export function expectedBoundaries(minutes) {
	const exercise = parseYaml(readFileSync(join(ROOT, 'exercises', 'extended-exhale.yaml'), 'utf8'));
	/** @type {Record<string, string>} */
	const messages = JSON.parse(
		readFileSync(join(ROOT, 'src', 'lib', 'i18n', 'messages', 'nl.json'), 'utf8')
	);
	/** @type {{ kind: string, ms: number }[]} */
	const phases = exercise.phases.map((/** @type {{ kind: string, seconds: number }} */ p) => ({
		kind: p.kind,
		ms: p.seconds * 1000
	}));
	const cycleMs = phases.reduce((sum, p) => sum + p.ms, 0);
	const durationMs = Math.max(1, Math.round((minutes * 60_000) / cycleMs)) * cycleMs;
	/** @type {Boundary[]} */
	const boundaries = [];
	for (let atMs = 0, i = 0; atMs < durationMs; i++) {
		const phase = /** @type {{ kind: string, ms: number }} */ (phases[i % phases.length]);
		const label = messages[`phase_${phase.kind.replace('-', '_')}`] ?? phase.kind;
		boundaries.push({ index: i, atMs, kind: phase.kind, label });
		atMs += phase.ms;
	}
	return { boundaries, durationMs, cycleMs };
}

/**
 * Runs in the page before any of its scripts (page.addInitScript). Everything it records is
 * kept on window.__rustpuntBench.
 */
function instrumentPage() {
	const bench = {
		/** @type {{ t: number, frame: number, text: string | null, newElement: boolean }[]} */
		labels: [],
		/** @type {Record<string, unknown>[]} */
		cues: [],
		/** Start time of the animation frame being run, as passed to rAF callbacks. */
		frameTs: NaN,
		/** True while the page's own rAF callbacks run. */
		inFrame: false,
		/** @type {number[]} start time of every frame in which a rAF callback ran */
		frames: []
	};
	/** @type {any} */ (window).__rustpuntBench = bench;

	// Every rAF callback first notes its frame's start time, so a DOM change can be put in
	// the frame it happened in.
	const raf = window.requestAnimationFrame.bind(window);
	window.requestAnimationFrame = (callback) =>
		raf((ts) => {
			if (ts !== bench.frameTs) bench.frames.push(ts);
			bench.frameTs = ts;
			bench.inFrame = true;
			try {
				callback(ts);
			} finally {
				bench.inFrame = false;
			}
		});

	// The phase label: watch the whole document, as the element itself comes and goes.
	/** @type {Element | null} */
	let element = null;
	/** @type {string | null} */
	let text = null;
	const check = () => {
		const now = performance.now();
		const current = document.querySelector('p.phase');
		const currentText = current?.textContent?.trim() ?? null;
		if (current === element && currentText === text) return;
		const label = {
			t: now,
			frame: bench.frameTs,
			text: currentText,
			newElement: current !== element
		};
		bench.labels.push(label);
		// Changed outside an animation frame (by a timer): the next frame is the one that
		// shows it (asked for here without counting it as one of the page's frames).
		if (!bench.inFrame) raf((ts) => (label.frame = ts));
		element = current;
		text = currentText;
	};
	new MutationObserver(check).observe(document, {
		subtree: true,
		childList: true,
		characterData: true
	});

	// Audio cues: when each scheduled sound will be heard, on the performance.now() clock.
	/** @type {WeakMap<AudioBuffer, number>} */
	const bufferIds = new WeakMap();
	let nextBufferId = 0;
	/** @type {WeakMap<AudioBufferSourceNode, Record<string, unknown>>} */
	const records = new WeakMap();
	const proto = AudioBufferSourceNode.prototype;
	const start = proto.start;
	const stop = proto.stop;
	proto.start = function (...args) {
		const when = args[0] ?? 0;
		const ctx = /** @type {AudioContext} */ (this.context);
		const now = performance.now();
		const currentTime = ctx.currentTime;
		const stamp =
			typeof ctx.getOutputTimestamp === 'function' ? ctx.getOutputTimestamp() : undefined;
		let bufferId = null;
		if (this.buffer) {
			if (!bufferIds.has(this.buffer)) bufferIds.set(this.buffer, nextBufferId++);
			bufferId = bufferIds.get(this.buffer);
		}
		const record = {
			calledAt: now,
			when,
			currentTime,
			viaCurrentTime: now + (when - currentTime) * 1000,
			viaOutputStamp:
				stamp?.performanceTime && stamp.contextTime !== undefined
					? stamp.performanceTime + (when - stamp.contextTime) * 1000
					: null,
			bufferId,
			bufferSamples: this.buffer?.length ?? 0,
			bufferSeconds: this.buffer?.duration ?? 0,
			outputLatency: ctx.outputLatency ?? null,
			baseLatency: ctx.baseLatency ?? null,
			state: ctx.state,
			stoppedAt: /** @type {number | null} */ (null)
		};
		bench.cues.push(record);
		records.set(this, record);
		return start.apply(this, /** @type {[number?, number?, number?]} */ (args));
	};
	proto.stop = function (...args) {
		const record = records.get(this);
		if (record && record.stoppedAt === null) record.stoppedAt = performance.now();
		return stop.apply(this, /** @type {[number?]} */ (args));
	};
}

/**
 * @typedef {object} LabelEvent
 * @property {number} t performance.now() when the DOM changed
 * @property {number} frame start time of the animation frame that first shows it
 * @property {string | null} text
 * @property {boolean} newElement the label element itself appeared or went away
 */

/**
 * @typedef {object} CueRecord
 * @property {number} calledAt
 * @property {number} when
 * @property {number} viaCurrentTime
 * @property {number | null} viaOutputStamp
 * @property {number | null} bufferId
 * @property {number} bufferSamples
 * @property {number} bufferSeconds
 * @property {number | null} outputLatency
 * @property {number | null} stoppedAt
 */

/**
 * @typedef {object} Match
 * @property {number} boundary index of the nearest boundary
 * @property {number} atMs that boundary's time since the session start
 * @property {number} errorMs signed: positive is late
 */

/**
 * The boundary nearest to `relMs`, and the signed error.
 * @param {Boundary[]} boundaries
 * @param {number} relMs
 * @returns {Match}
 */
function nearest(boundaries, relMs) {
	let best = /** @type {Boundary} */ (boundaries[0]);
	for (const b of boundaries) if (Math.abs(relMs - b.atMs) < Math.abs(relMs - best.atMs)) best = b;
	return { boundary: best.index, atMs: best.atMs, errorMs: relMs - best.atMs };
}

/**
 * Error statistics: percentiles of the absolute error, and the signed mean in the first and
 * in the last minute of the session (if those differ, the timing drifts).
 * @param {Match[]} matches
 * @param {number} durationMs
 */
function errorStats(matches, durationMs) {
	const abs = summarize(matches.map((m) => Math.abs(m.errorMs)));
	const signed = summarize(matches.map((m) => m.errorMs));
	const mean = (/** @type {Match[]} */ list) =>
		list.length ? list.reduce((sum, m) => sum + m.errorMs, 0) / list.length : NaN;
	return {
		n: abs.n,
		p50: abs.p50,
		p99: abs.p99,
		max: abs.max,
		meanSigned: signed.mean,
		minSigned: signed.min,
		maxSigned: signed.max,
		firstMinuteMean: mean(matches.filter((m) => m.atMs < 60_000)),
		lastMinuteMean: mean(matches.filter((m) => m.atMs >= durationMs - 60_000))
	};
}

/**
 * Matches label changes and audio cues to the expected boundaries.
 * @param {{ labels: LabelEvent[], cues: CueRecord[], sessionStart: number }} data
 * @param {{ boundaries: Boundary[], durationMs: number }} plan
 */
export function analyse({ labels, cues, sessionStart }, { boundaries, durationMs }) {
	/** @type {string[]} */
	const problems = [];
	// Boundary 0 has no label change: the label already reads "Adem in" before the start.
	const later = boundaries.slice(1);

	// --- The phase label ---
	const changes = labels.filter((l) => !l.newElement && l.text !== null && l.t > sessionStart);
	/** @type {Match[]} */
	const labelMatches = [];
	/** @type {Match[]} */
	const frameMatches = [];
	/** @type {Map<number, number>} */
	const labelCount = new Map();
	for (const change of changes) {
		const match = nearest(later, change.t - sessionStart);
		const boundary = /** @type {Boundary} */ (boundaries[match.boundary]);
		if (Math.abs(match.errorMs) > MATCH_WINDOW_MS) {
			problems.push(
				`label "${change.text}" at ${(change.t - sessionStart).toFixed(0)} ms is near no boundary`
			);
			continue;
		}
		if (change.text !== boundary.label) {
			problems.push(
				`label at ${boundary.atMs} ms reads "${change.text}", expected "${boundary.label}"`
			);
		}
		labelCount.set(match.boundary, (labelCount.get(match.boundary) ?? 0) + 1);
		labelMatches.push(match);
		frameMatches.push({ ...match, errorMs: change.frame - sessionStart - match.atMs });
	}
	const labelMissed = later.filter((b) => !labelCount.has(b.index));
	if (labelMissed.length) {
		problems.push(
			`the label did not change at ${labelMissed.length} boundaries (first at ${labelMissed[0]?.atMs} ms)`
		);
	}
	const labelRepeated = [...labelCount.values()].filter((n) => n > 1).length;
	if (labelRepeated)
		problems.push(`the label changed more than once at ${labelRepeated} boundaries`);

	// --- Audio cues ---
	const intended = (/** @type {CueRecord} */ c) => c.viaOutputStamp ?? c.viaCurrentTime;
	// A one-sample buffer is the silent sound that unlocks audio; a source stopped before its
	// moment was cancelled (pause, length change) and never heard.
	const heard = cues.filter(
		(c) => c.bufferSamples > 1 && !(c.stoppedAt !== null && c.stoppedAt < intended(c))
	);
	const cancelled = cues.filter((c) => c.stoppedAt !== null && c.stoppedAt < intended(c)).length;
	// The bell is the sound heard at the very end; every cue with its buffer is a bell.
	const bellIds = new Set(
		heard
			.filter((c) => Math.abs(intended(c) - sessionStart - durationMs) < MATCH_WINDOW_MS)
			.map((c) => c.bufferId)
	);
	const bells = heard.filter((c) => bellIds.has(c.bufferId));
	const phaseCues = heard.filter((c) => !bellIds.has(c.bufferId));
	/** @type {Match[]} */
	const stampMatches = [];
	/** @type {Match[]} */
	const currentTimeMatches = [];
	/** @type {Map<number, Set<string>>} which boundary kinds each buffer was used for */
	const kindsPerBuffer = new Map();
	/** @type {Set<number>} */
	const cued = new Set();
	for (const cue of phaseCues) {
		const match = nearest(boundaries, intended(cue) - sessionStart);
		if (Math.abs(match.errorMs) > MATCH_WINDOW_MS) {
			problems.push(`a cue at ${(intended(cue) - sessionStart).toFixed(0)} ms is near no boundary`);
			continue;
		}
		cued.add(match.boundary);
		if (cue.viaOutputStamp !== null) stampMatches.push(match);
		currentTimeMatches.push({ ...match, errorMs: cue.viaCurrentTime - sessionStart - match.atMs });
		const kinds = kindsPerBuffer.get(cue.bufferId ?? -1) ?? new Set();
		kinds.add(/** @type {Boundary} */ (boundaries[match.boundary]).kind);
		kindsPerBuffer.set(cue.bufferId ?? -1, kinds);
	}
	for (const [id, kinds] of kindsPerBuffer) {
		if (kinds.size > 1)
			problems.push(`one sound (buffer ${id}) was used for ${[...kinds].join(' and ')}`);
	}
	const cueMissed = boundaries.filter((b) => !cued.has(b.index));
	if (cueMissed.length) {
		problems.push(
			`no cue was heard at ${cueMissed.length} boundaries: ` +
				cueMissed
					.slice(0, 5)
					.map((b) => `${b.kind} at ${b.atMs} ms`)
					.join(', ') +
				(cueMissed.length > 5 ? ', ...' : '')
		);
	}
	const startBell = bells.some((c) => Math.abs(intended(c) - sessionStart) < MATCH_WINDOW_MS);
	const endBell = bells.some(
		(c) => Math.abs(intended(c) - sessionStart - durationMs) < MATCH_WINDOW_MS
	);
	if (!startBell) problems.push('no start bell was heard at 0 ms');
	if (!endBell) problems.push(`no end bell was heard at ${durationMs} ms`);

	return {
		label: {
			changes: changes.length,
			domChange: errorStats(labelMatches, durationMs),
			frameStart: errorStats(frameMatches, durationMs),
			missed: labelMissed.length
		},
		cues: {
			scheduled: cues.length,
			cancelled,
			bells: bells.length,
			startBell,
			endBell,
			outputStamp: errorStats(stampMatches, durationMs),
			// The cues at 0 ms can only sound once the audio module has loaded, so they are
			// late by design; the rest shows the steady state.
			outputStampAfterStart: errorStats(
				stampMatches.filter((m) => m.boundary !== 0),
				durationMs
			),
			startCueErrorMs: stampMatches.find((m) => m.boundary === 0)?.errorMs ?? null,
			currentTime: errorStats(currentTimeMatches, durationMs),
			missed: cueMissed.map((b) => b.atMs),
			outputLatencyMs: phaseCues.length ? (phaseCues[0]?.outputLatency ?? 0) * 1000 : null
		},
		problems
	};
}

/**
 * Frame rate during the session, and the frames that came late.
 * @param {number[]} frames start times of animation frames
 * @param {number} sessionStart
 * @param {number} durationMs
 */
function frameStats(frames, sessionStart, durationMs) {
	const inSession = frames.filter((t) => t >= sessionStart && t <= sessionStart + durationMs);
	/** @type {[number, number][]} [ms since the session start, gap before it] */
	const late = [];
	let longestGapMs = 0;
	for (let i = 1; i < inSession.length; i++) {
		const gap = /** @type {number} */ (inSession[i]) - /** @type {number} */ (inSession[i - 1]);
		longestGapMs = Math.max(longestGapMs, gap);
		if (gap > LATE_FRAME_MS) late.push([/** @type {number} */ (inSession[i]) - sessionStart, gap]);
	}
	const spanMs = (inSession.at(-1) ?? 0) - (inSession[0] ?? 0);
	return {
		count: inSession.length,
		perSecond: spanMs > 0 ? ((inSession.length - 1) * 1000) / spanMs : NaN,
		late,
		longestGapMs
	};
}

/**
 * @param {ReturnType<typeof errorStats>} s
 */
function roundStats(s) {
	return Object.fromEntries(Object.entries(s).map(([k, v]) => [k, round(v, 2)]));
}

async function main() {
	const { values } = parseArgs({
		options: {
			'no-build': { type: 'boolean', default: false },
			minutes: { type: 'string', default: '10' },
			headed: { type: 'boolean', default: false }
		},
		strict: true
	});
	const minutes = Number(values.minutes);
	if (!LENGTHS.includes(minutes)) {
		throw new Error(`--minutes must be one of the lengths the app offers: ${LENGTHS.join(', ')}`);
	}
	ensureBuild({ noBuild: values['no-build'] });
	const plan = expectedBoundaries(minutes);

	const preview = await startPreview();
	const browser = await launchChromium({ headless: !values.headed });
	/** @type {string[]} */
	const pageProblems = [];
	try {
		const context = await browser.newContext({
			// The player's timing is measured, not caching: without a service worker, its
			// install (precaching every file) cannot compete with the session, and the sound
			// files load from the server. (bench/first-frame.js covers the offline case.)
			serviceWorkers: 'block',
			viewport: { width: 390, height: 844 },
			// Dutch, so that the start-up script in the page does not redirect to /en/.
			locale: 'nl-NL'
		});
		const page = await context.newPage();
		page.on('console', (message) => {
			// With service workers blocked (see above), the app's registration fails as expected.
			if (message.text().startsWith('Offline support unavailable')) return;
			if (message.type() === 'error') pageProblems.push(`console error: ${message.text()}`);
		});
		page.on('pageerror', (error) => pageProblems.push(`page error: ${error.message}`));
		await page.addInitScript(instrumentPage);

		await page.goto(`${preview.origin}/`, { waitUntil: 'load' });
		// A real click: the gesture lets the app's AudioContext run.
		await page.getByRole('link', { name: 'Adem nu' }).first().click();
		await page.waitForURL('**/nu');
		await page
			.locator('fieldset label')
			.filter({ hasText: new RegExp(`^\\s*${minutes} min\\s*$`) })
			.click();
		await page.waitForFunction(
			() => performance.getEntriesByName('rustpunt:session-start').length > 0
		);
		const sessionStart = await page.evaluate(
			() => performance.getEntriesByName('rustpunt:session-start')[0]?.startTime ?? NaN
		);
		const remaining = await page.locator('.remaining').textContent();
		console.log(
			`Phase accuracy: ${minutes}-minute session of extended-exhale in real time ` +
				`(${plan.boundaries.length} boundaries; the page shows "${remaining?.trim()}")`
		);

		// Wait out the session, plus a moment for the end bell and the last label.
		const endAt = sessionStart + plan.durationMs + 2500;
		for (;;) {
			const now = await page.evaluate(() => performance.now());
			if (now >= endAt) break;
			const progress = await page.evaluate(() => {
				const bench = /** @type {any} */ (window).__rustpuntBench;
				return { labels: bench.labels.length, cues: bench.cues.length };
			});
			console.log(
				`  ${((now - sessionStart) / 1000).toFixed(0).padStart(4)} s of ${plan.durationMs / 1000} s: ` +
					`${progress.labels} label events, ${progress.cues} cues scheduled`
			);
			await sleep(Math.min(60_000, endAt - now));
		}

		const data = await page.evaluate(() => {
			const bench = /** @type {any} */ (window).__rustpuntBench;
			return {
				labels: /** @type {LabelEvent[]} */ (bench.labels),
				cues: /** @type {CueRecord[]} */ (bench.cues),
				frames: /** @type {number[]} */ (bench.frames)
			};
		});
		const result = analyse({ ...data, sessionStart }, plan);
		const frames = frameStats(data.frames, sessionStart, plan.durationMs);

		const row = (/** @type {string} */ name, /** @type {ReturnType<typeof errorStats>} */ s) => [
			name,
			s.n,
			...[s.p50, s.p99, s.max, s.meanSigned, s.firstMinuteMean, s.lastMinuteMean].map((v) =>
				Number.isNaN(v) ? '-' : v.toFixed(1)
			)
		];
		console.log('');
		console.log(
			formatTable(
				['error vs. boundary (ms)', 'n', 'p50', 'p99', 'max', 'mean', '1st min', 'last min'],
				[
					row('label (DOM change)', result.label.domChange),
					row('label (frame start)', result.label.frameStart),
					row('cue heard (output timestamp)', result.cues.outputStamp),
					row('  the same without 0 ms', result.cues.outputStampAfterStart),
					row('cue rendered (currentTime)', result.cues.currentTime)
				]
			)
		);
		console.log(
			'p50/p99/max are of |error|; mean, 1st min and last min are signed means (+ is late).'
		);
		console.log(
			`Cues: ${result.cues.scheduled} scheduled, ${result.cues.cancelled} cancelled before their moment, ` +
				`${result.cues.bells} bell(s); output latency ${result.cues.outputLatencyMs ?? '-'} ms.`
		);
		if (result.cues.startCueErrorMs !== null) {
			console.log(
				`The first inhale cue (0 ms) was heard ${result.cues.startCueErrorMs.toFixed(1)} ms late: ` +
					'sound is loaded after the session starts.'
			);
		}
		console.log(
			frames.count < 2
				? `Frames during the session: the page ran no animation-frame loop (${frames.count} callbacks).`
				: `Frames during the session: ${frames.perSecond.toFixed(1)} per second; ` +
						`${frames.late.length} came more than ${LATE_FRAME_MS} ms after the previous one` +
						(frames.late.length ? ` (longest gap ${frames.longestGapMs.toFixed(1)} ms)` : '') +
						'.'
		);
		console.log(
			'"heard" converts the start time with getOutputTimestamp (as the app does, so it allows for\n' +
				'output latency); "rendered" with currentTime, i.e. when the sound enters the audio graph.'
		);
		const labelP99 = result.label.domChange.p99;
		console.log(
			`\nTarget: p99 within one frame (${TARGET_P99_MS} ms). Label p99 ${labelP99.toFixed(1)} ms: ` +
				(labelP99 <= TARGET_P99_MS ? 'within' : 'OVER') +
				`; cue p99 ${result.cues.outputStamp.p99.toFixed(1)} ms: ` +
				(result.cues.outputStamp.p99 <= TARGET_P99_MS ? 'within' : 'OVER') +
				'.'
		);
		const problems = [...result.problems, ...new Set(pageProblems)];
		if (problems.length) {
			console.log(`\nProblems seen (${problems.length}):`);
			for (const p of problems) console.log(`  - ${p}`);
		}

		const path = writeResult('phase-accuracy', {
			measuredAt: new Date().toISOString(),
			environment: environment(),
			minutes,
			durationMs: plan.durationMs,
			boundaries: plan.boundaries.length,
			targetP99Ms: TARGET_P99_MS,
			label: {
				...result.label,
				domChange: roundStats(result.label.domChange),
				frameStart: roundStats(result.label.frameStart)
			},
			cues: {
				...result.cues,
				outputStamp: roundStats(result.cues.outputStamp),
				outputStampAfterStart: roundStats(result.cues.outputStampAfterStart),
				currentTime: roundStats(result.cues.currentTime)
			},
			frames: {
				count: frames.count,
				perSecond: round(frames.perSecond, 1),
				longestGapMs: round(frames.longestGapMs, 1),
				late: frames.late.map(([t, gap]) => [round(t, 0), round(gap, 1)])
			},
			problems,
			raw: { sessionStart, labels: data.labels, cues: data.cues }
		});
		console.log(`\nWrote ${relative(process.cwd(), path)}`);
	} finally {
		await browser.close();
		await preview.close();
	}
}

if (isMain(import.meta.url)) {
	main().catch((error) => {
		console.error(error instanceof Error ? (error.stack ?? error.message) : error);
		process.exit(1);
	});
}
