import { readStored, removeStored, writeStored } from '../platform/local-storage';
import { useNeutralMediaTitle } from '../platform/media-session';
import { manifestHref } from '../platform/manifest';
import { STORAGE_KEYS } from '../platform/storage-keys';
import { m } from '../paraglide/messages';
import { getLocale } from '../paraglide/runtime';
import { loadJournal } from './gateway';
import { quickExitUnderway } from '../safety/quick-exit';

const ICON = '/favicon.png';
const TOUCH_ICON = '/icons/apple-touch-icon.png';
export const NEUTRAL_ICON = '/icons/neutral-192.png';

/**
 * Discreet mode (setting `discreet`): every page title is neutral ("Notities" / "Notes"),
 * media controls name nothing, and the page links a neutral manifest and icon, so that
 * installing the app gives it that name and icon. The page's own titles are kept and shown
 * again when the mode is turned off. App-wide, one instance.
 */
class Discreet {
	#on = $state(false);
	#ownTitle = '';
	#observer: MutationObserver | undefined;
	#tookOver = false;

	get on(): boolean {
		return this.#on;
	}

	/** Applies the remembered choice at once, then the stored setting (again after a delete). */
	start(): void {
		this.applyEarly();
		this.readStored();
	}

	/** Applies the copy kept in localStorage: no database read, so no page waits for it. */
	applyEarly(): void {
		this.#apply(readEarly());
	}

	/** Reads the stored setting (the database) and applies it. */
	readStored(): void {
		void loadJournal()
			.then((journal) => journal.settings())
			.then((settings) => this.#apply(settings.discreet))
			.catch((error: unknown) => console.warn('Could not read discreet mode', error));
	}

	/** Turns discreet mode on or off, and stores the choice. */
	async set(on: boolean): Promise<void> {
		await (await loadJournal()).setSetting('discreet', on);
		this.#apply(on);
	}

	#apply(on: boolean): void {
		this.#takeOver();
		this.#on = on;
		writeEarly(on);
		const neutral = m.discreet_title();
		useNeutralMediaTitle(on ? neutral : undefined);
		setLink('manifest', manifestHref(getLocale(), on));
		setLink('icon', on ? NEUTRAL_ICON : ICON);
		// iOS takes its home-screen icon from here (and the name from the page title).
		setLink('apple-touch-icon', on ? NEUTRAL_ICON : TOUCH_ICON);
		if (!on) {
			this.#observer?.disconnect();
			this.#observer = undefined;
			if (this.#ownTitle && !quickExitUnderway()) document.title = this.#ownTitle;
			return;
		}
		// Pages set their own titles as they change: each one is kept and replaced at once.
		const neutralise = () => {
			if (document.title === neutral || quickExitUnderway()) return;
			this.#ownTitle = document.title;
			document.title = neutral;
		};
		neutralise();
		this.#observer ??= new MutationObserver(neutralise);
		this.#observer.observe(document.head, { childList: true, subtree: true, characterData: true });
	}

	/**
	 * Once: the first-paint script in src/app.html may already hold the page's title neutral.
	 * It stops, and hands over the own title it kept, to be shown again when the mode is off.
	 */
	#takeOver(): void {
		if (this.#tookOver) return;
		this.#tookOver = true;
		const early: EarlyHandover = { ownTitle: '' };
		window.dispatchEvent(new CustomEvent(EARLY_HANDOVER_EVENT, { detail: early }));
		if (early.ownTitle) this.#ownTitle = early.ownTitle;
	}
}

/** What src/app.html's script fills in when it hands over (the event name is spelled there). */
interface EarlyHandover {
	ownTitle: string;
}

export const EARLY_HANDOVER_EVENT = 'rustpunt-discreet';

function setLink(rel: string, href: string): void {
	const link = document.head.querySelector<HTMLLinkElement>(`link[rel="${rel}"]`);
	if (link && link.getAttribute('href') !== href) link.setAttribute('href', href);
}

/** The copy of the setting in localStorage, so a page is neutral from its first moment. */
function readEarly(): boolean {
	return readStored(STORAGE_KEYS.discreet) === '1';
}

/** Blocked storage keeps no copy: the stored setting still applies once it is read. */
function writeEarly(on: boolean): void {
	if (on) writeStored(STORAGE_KEYS.discreet, '1');
	else removeStored(STORAGE_KEYS.discreet);
}

export const discreet = new Discreet();
