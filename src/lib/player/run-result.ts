/** How a run of an exercise ended, handed from the run screen to the page around it. */
export interface RunResult {
	sessionId: string;
	status: 'completed' | 'stopped';
	activeMs: number;
	/** True once the phone was too full to store the session (asked again after the last save). */
	isUnsaved: () => boolean;
	/** Resolves once the session is stored, so a rating can be added to it. */
	saved: Promise<void>;
}
