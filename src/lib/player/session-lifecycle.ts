import { beforeQuickExit } from '../safety/quick-exit';
import type { TimedPlayer } from './timed-player.svelte';

/**
 * Keeps a session going and saved while the page is hidden, closed or left by quick exit:
 * hidden, it ticks slowly and writes a checkpoint; closed, it writes one; quick exit stops
 * and saves it before the page goes. Returns the function that undoes all of it.
 */
export function followPageLife(
	player: Pick<TimedPlayer, 'setHidden' | 'checkpoint' | 'stop' | 'saved'>
): () => void {
	const onVisibility = () => {
		const hidden = document.visibilityState === 'hidden';
		player.setHidden(hidden);
		if (hidden) void player.checkpoint();
	};
	const onPageHide = () => void player.checkpoint();
	const undoExitHook = beforeQuickExit(() => {
		player.stop();
		return player.saved;
	});
	document.addEventListener('visibilitychange', onVisibility);
	window.addEventListener('pagehide', onPageHide);
	return () => {
		undoExitHook();
		document.removeEventListener('visibilitychange', onVisibility);
		window.removeEventListener('pagehide', onPageHide);
	};
}
