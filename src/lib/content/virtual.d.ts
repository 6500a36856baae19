declare module 'virtual:rustpunt-exercises' {
	const exercises: readonly import('./load').Exercise[];
	export default exercises;
}

declare module 'virtual:rustpunt-steps' {
	/** The steps of a guided practice, loaded on demand; undefined for an unknown id. */
	export function loadSteps(
		id: string
	): Promise<readonly import('./guided').GuidedStep[] | undefined>;
}
