declare module 'virtual:rustpunt-exercises' {
	const exercises: readonly import('./load').Exercise[];
	export default exercises;
}

declare module 'virtual:rustpunt-steps' {
	/** The introduction and steps of a guided practice, loaded on demand; undefined for an unknown id. */
	export function loadSteps(id: string): Promise<import('./load').GuidedDetail | undefined>;
}

declare module 'virtual:rustpunt-programmes' {
	const programmes: readonly import('./programme-load').Programme[];
	export default programmes;
}
