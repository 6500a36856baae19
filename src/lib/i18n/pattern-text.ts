import {
	cycleSeconds,
	PATTERN_LIMITS,
	type OwnPattern,
	type PatternError,
	type PatternField,
	type PatternWarning
} from '../engine/own-pattern';
import { m } from '../paraglide/messages';
import { formatSeconds } from './pattern-summary';

/** The message shown next to a field the rules refused. */
export function patternErrorText(field: PatternField, error: PatternError, cycleS: number): string {
	const hold = field === 'inhaleTop' || field === 'holdIn' || field === 'holdOut';
	switch (error) {
		case 'required':
			return m.pattern_error_required();
		case 'not-a-number':
			return m.pattern_error_number();
		case 'not-a-step':
			return m.pattern_error_step();
		case 'name-invalid':
			return m.pattern_error_name_invalid();
		case 'cycle-too-long':
			return m.pattern_error_cycle_long({ seconds: formatSeconds(cycleS) });
		case 'session-too-long':
			return m.pattern_error_session_long();
		case 'too-small':
		case 'too-large':
		case 'not-whole':
			if (field === 'name') return m.pattern_error_name_long();
			if (field === 'cycles')
				return m.pattern_error_whole_range({ max: String(PATTERN_LIMITS.maxCycles) });
			if (field === 'minutes')
				return m.pattern_error_whole_range({ max: String(PATTERN_LIMITS.maxMinutes) });
			return hold ? m.pattern_error_hold_range() : m.pattern_error_breath_range();
	}
}

/** A gentle warning and its reason. */
export function patternWarningText(warning: PatternWarning): string {
	return warning === 'fast-rate' ? m.pattern_warn_fast() : m.pattern_warn_hold();
}

/** "One breath takes 10 s: 6 breaths a minute." */
export function cycleText(pattern: OwnPattern): string {
	const seconds = cycleSeconds(pattern);
	return m.pattern_cycle_total({
		seconds: formatSeconds(seconds),
		rate: formatSeconds(60 / seconds)
	});
}
