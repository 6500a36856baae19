import type { LocalizedText } from '../content/types';
import { SESSION_MINUTES } from '../content/lengths';
import type { BreathPhaseKind } from '../engine/types';
import type { StoredSessionStatus } from '../records/sessions';
import { m } from '../paraglide/messages';
import { getLocale } from '../paraglide/runtime';

/** A content text in the app's current language. */
export function localized(text: LocalizedText): string {
	return text[getLocale()];
}

/** The name of a phase as the person sees and hears it. */
export function phaseLabel(kind: BreathPhaseKind): string {
	switch (kind) {
		case 'inhale':
			return m.phase_inhale();
		case 'inhale-top':
			return m.phase_inhale_top();
		case 'hold-in':
			return m.phase_hold_in();
		case 'exhale':
			return m.phase_exhale();
		case 'hold-out':
			return m.phase_hold_out();
	}
}

/** How a stored session ended, in words. */
export function statusLabel(status: StoredSessionStatus): string {
	switch (status) {
		case 'completed':
			return m.status_completed();
		case 'stopped':
			return m.status_stopped();
		case 'interrupted':
			return m.status_interrupted();
		case 'running':
			return m.status_running();
	}
}

/** A time left as m:ss, rounded up so it never shows 0:00 before the end. */
export function formatClock(ms: number): string {
	const total = Math.max(0, Math.ceil(ms / 1000));
	const minutes = Math.floor(total / 60);
	const seconds = total % 60;
	return m.minutes_seconds({ minutes: String(minutes), seconds: String(seconds).padStart(2, '0') });
}

/** A practised length in words: "3 min" or "40 s". */
export function formatDuration(ms: number): string {
	const seconds = Math.round(ms / 1000);
	if (seconds < 60) return m.duration_seconds({ seconds: String(seconds) });
	return m.duration_minutes({ minutes: String(Math.round(seconds / 60)) });
}

/** When a session happened, in local time: "vandaag 14:05", "gisteren 09:12" or a date. */
export function formatWhen(epochMs: number, nowMs = Date.now()): string {
	const locale = getLocale() === 'nl' ? 'nl-NL' : 'en-GB';
	const date = new Date(epochMs);
	const time = date.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });
	const startOfDay = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
	const days = Math.round((startOfDay(new Date(nowMs)) - startOfDay(date)) / 86_400_000);
	if (days === 0) return `${m.today()} ${time}`;
	if (days === 1) return `${m.yesterday()} ${time}`;
	return `${date.toLocaleDateString(locale, { day: 'numeric', month: 'short' })} ${time}`;
}

/** The session lengths as choices: "1 min", "3 min", ... */
export function lengthOptions(include?: number): { value: number; label: string }[] {
	const lengths: number[] = [...SESSION_MINUTES];
	// An own pattern's own length is offered too.
	if (include !== undefined && !lengths.includes(include)) lengths.push(include);
	return lengths
		.sort((a, b) => a - b)
		.map((minutes) => ({
			value: minutes,
			label: m.length_minutes({ minutes: String(minutes) })
		}));
}
