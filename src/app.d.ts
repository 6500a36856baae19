// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	namespace App {
		// interface Error {}
		// interface Locals {}
		// interface PageData {}
		interface PageState {
			/** The practice this page should start at once, with no questions first ("too much?"). */
			startImmediately?: string;
		}
		// interface Platform {}
	}
}

export {};
