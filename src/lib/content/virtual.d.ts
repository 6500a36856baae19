declare module 'virtual:rustpunt-exercises' {
	const exercises: readonly import('./types').Exercise[];
	export default exercises;
}

declare module 'virtual:rustpunt-paces' {
	const paces: readonly import('./types').BreathingPace[];
	export default paces;
}

declare module 'virtual:rustpunt-steps' {
	/** The introduction and steps of a guided practice, loaded on demand; undefined for an unknown id. */
	export function loadSteps(id: string): Promise<import('./types').GuidedDetail | undefined>;
}

declare module 'virtual:rustpunt-programmes' {
	const programmes: readonly import('./types').Programme[];
	export default programmes;
}
