import type { BreathPhaseKind } from '../engine/types';

/** A distinct pattern per phase, so inhale and exhale can be told apart by touch alone. */
const PATTERNS: Record<BreathPhaseKind, number[]> = {
	inhale: [70],
	'inhale-top': [25],
	'hold-in': [15, 60, 15],
	exhale: [30, 70, 30, 70, 30],
	'hold-out': [15, 60, 15]
};

/** True when this phone can vibrate (Android Chromium; not iOS, not desktop). */
export function canVibrate(): boolean {
	return typeof navigator !== 'undefined' && typeof navigator.vibrate === 'function';
}

/** Browsers refuse vibration until the person has touched the page (a shortcut start). */
function allowedNow(): boolean {
	return navigator.userActivation?.hasBeenActive ?? true;
}

/** Vibrates the pattern for a phase, when the phone can. */
export function vibrateFor(kind: BreathPhaseKind): void {
	if (canVibrate() && allowedNow()) navigator.vibrate(PATTERNS[kind]);
}

/** Stops a vibration in progress. */
export function stopVibration(): void {
	if (canVibrate() && allowedNow()) navigator.vibrate(0);
}
