import { m } from '../paraglide/messages';

/** The name and a one-line description of a crisis line, in the app's language. */
export function lineText(id: string): { name: string; about: string } {
	switch (id) {
		case 'nl-113':
			return { name: m.line_nl_113_name(), about: m.line_nl_113_about() };
		case 'nl-113-free':
			return { name: m.line_nl_113_free_name(), about: m.line_nl_113_free_about() };
		case 'nl-veilig-thuis':
			return { name: m.line_nl_veilig_thuis_name(), about: m.line_nl_veilig_thuis_about() };
		case 'nl-luisterlijn':
			return { name: m.line_nl_luisterlijn_name(), about: m.line_nl_luisterlijn_about() };
		case 'be-1813':
			return { name: m.line_be_1813_name(), about: m.line_be_1813_about() };
		case 'be-1712':
			return { name: m.line_be_1712_name(), about: m.line_be_1712_about() };
		default:
			return { name: m.line_emergency_name(), about: m.line_emergency_about() };
	}
}

/** When a line can be reached. */
export function lineHours(id: string, always: boolean): string {
	if (always) return m.hours_always();
	return id === 'be-1712' ? m.hours_be_1712() : '';
}
