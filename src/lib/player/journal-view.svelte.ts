import { addLocalDays, startOfLocalMonth, startOfLocalWeek } from '../records/days';
import {
	changeByExercise,
	groupByDay,
	practiceTotals,
	streak,
	weeklyDistress,
	weeklyMinutes,
	type ExerciseChange,
	type PracticeTotals,
	type Streak,
	type WeekDistress,
	type WeekMinutes
} from '../journal/stats';
import { joinUrges, noContactCount, type NoContactCount } from '../journal/urges';
import type { SessionRecord } from '../records/sessions';
import type { UrgeRecord } from '../records/urges';
import type { JournalCursor, JournalStore, UrgeStore } from '../storage';

/** Names the programme days that sessions completed, by session id. */
export type ProgrammeDayLabels = (sessionIds: readonly string[]) => Promise<Map<string, string>>;

/** What the journal reads of urge moments, and the one thing it changes: a message let go. */
export type JournalUrges = Pick<UrgeStore, 'between' | 'lastContactAt' | 'letUnsentGo'>;

/** Sessions per page of the journal: one phone screen and a bit. */
export const JOURNAL_PAGE_SIZE = 30;
/** Weeks shown in the journal's charts. */
export const CHART_WEEKS = 8;

/** What the journal says about practice over time. */
export interface JournalSummary {
	week: PracticeTotals;
	month: PracticeTotals;
	weeks: WeekMinutes[];
	distress: WeekDistress[];
	/** Only when the person turned streaks on. */
	streak?: Streak;
}

/**
 * The journal screen's state: the newest sessions first (the list shows before anything is
 * counted), then the summary from a range of a few weeks, then the averages per exercise.
 * Nothing reads the whole history at once; older sessions come a page at a time.
 */
export class JournalView {
	#store: JournalStore;
	#sessions = $state.raw<SessionRecord[]>([]);
	#next = $state.raw<JournalCursor | undefined>(undefined);
	#loaded = $state(false);
	#summary = $state.raw<JournalSummary | undefined>(undefined);
	#changes = $state.raw<ExerciseChange[] | undefined>(undefined);
	#loadingMore = $state(false);
	#urgeStore: JournalUrges | undefined;
	#urges = $state.raw<UrgeRecord[]>([]);
	#programmeDays = $state.raw<Readonly<Record<string, string>>>({});
	#labelsFor: ProgrammeDayLabels | undefined;

	/**
	 * `labelsFor` names the programme days that sessions completed ("Dag 3 van Fundament");
	 * `urges`, when given, adds urge moments to the days shown and the no-contact count.
	 */
	constructor(
		store: JournalStore,
		{ labelsFor, urges }: { labelsFor?: ProgrammeDayLabels; urges?: JournalUrges } = {}
	) {
		this.#store = store;
		this.#labelsFor = labelsFor;
		this.#urgeStore = urges;
	}

	/** The programme day a session completed, in words, once known. */
	programmeDayOf(sessionId: string): string | undefined {
		return Object.hasOwn(this.#programmeDays, sessionId)
			? this.#programmeDays[sessionId]
			: undefined;
	}

	/** Names the programme days of newly shown sessions; the list never waits for it. */
	async #label(sessions: readonly SessionRecord[]): Promise<void> {
		if (!this.#labelsFor || sessions.length === 0) return;
		const labels = await this.#labelsFor(sessions.map((s) => s.id));
		if (labels.size > 0) {
			this.#programmeDays = { ...this.#programmeDays, ...Object.fromEntries(labels) };
		}
	}

	/** The sessions and urge moments loaded so far, grouped by local day, newest first. */
	readonly days = $derived(joinUrges(groupByDay(this.#sessions), this.#urges));

	/**
	 * Urge moments from `fromMs` up to the last one already shown: the days the loaded
	 * sessions cover, or everything older when no older sessions remain.
	 */
	async #addUrges(hasMore: boolean): Promise<void> {
		if (!this.#urgeStore) return;
		const oldestShown = this.#sessions.at(-1)?.startedAt;
		const from = hasMore && oldestShown !== undefined ? oldestShown : 0;
		const to = this.#urges.length > 0 ? this.#urgesFrom : Infinity;
		const older = await this.#urgeStore.between(from, to);
		this.#urgesFrom = from;
		this.#urges = [...this.#urges, ...older];
	}
	#urgesFrom = Infinity;

	/**
	 * Lets an unsent message go: its words are deleted from the record (sealed or not) and the
	 * choice letGo recorded; the urge moment stays in the journal, saying so.
	 */
	async letUnsentGo(urgeId: string): Promise<void> {
		if (!this.#urgeStore) return;
		// False means another tab let it go (or deleted it) first: either way no words remain.
		await this.#urgeStore.letUnsentGo(urgeId);
		this.#urges = this.#urges.map((urge) => {
			if (urge.id !== urgeId) return urge;
			const letGo: UrgeRecord = { ...urge, unsentChoice: 'letGo' };
			delete letGo.unsent;
			return letGo;
		});
	}

	#noContactCount = $state.raw<NoContactCount | undefined>(undefined);

	/** Days without contact, only when the person turned the count on. */
	get noContact(): NoContactCount | undefined {
		return this.#noContactCount;
	}

	/** True once the first page has been read (an empty journal is then really empty). */
	get loaded(): boolean {
		return this.#loaded;
	}

	get empty(): boolean {
		return this.#loaded && this.#sessions.length === 0 && this.#urges.length === 0;
	}

	/** True while the next page is being read (the button waits). */
	get loadingMore(): boolean {
		return this.#loadingMore;
	}

	/** True while older sessions remain to be shown. */
	get hasMore(): boolean {
		return this.#next !== undefined;
	}

	get summary(): JournalSummary | undefined {
		return this.#summary;
	}

	/** The average change in tension per exercise, over every rated session (read last). */
	get changes(): ExerciseChange[] | undefined {
		return this.#changes;
	}

	/** Reads the first page, then the summary. */
	async load(nowMs: number): Promise<void> {
		const first = await this.#store.page(JOURNAL_PAGE_SIZE);
		this.#sessions = first.sessions;
		this.#next = first.next;
		await this.#addUrges(first.next !== undefined);
		this.#loaded = true;
		this.#noContactCount = await this.#noContact(nowMs);
		if (first.sessions.length === 0) return;
		await this.#label(first.sessions);
		this.#summary = await this.#summarise(nowMs);
		// All rated sessions of all time: the largest read, so it comes after the rest is shown.
		this.#changes = changeByExercise(await this.#store.rated());
	}

	/** Adds the next page of older sessions. */
	async more(): Promise<void> {
		if (!this.#next || this.#loadingMore) return;
		this.#loadingMore = true;
		try {
			const page = await this.#store.page(JOURNAL_PAGE_SIZE, this.#next);
			this.#sessions = [...this.#sessions, ...page.sessions];
			this.#next = page.next;
			await this.#label(page.sessions);
			await this.#addUrges(page.next !== undefined);
		} finally {
			this.#loadingMore = false;
		}
	}

	/** The no-contact count, when turned on. */
	async #noContact(nowMs: number): Promise<NoContactCount | undefined> {
		const start = await this.#store.noContactStart();
		if (start === undefined || !this.#urgeStore) return undefined;
		return noContactCount(start, await this.#urgeStore.lastContactAt(), nowMs);
	}

	async #summarise(nowMs: number): Promise<JournalSummary> {
		const weekStart = startOfLocalWeek(nowMs);
		const monthStart = startOfLocalMonth(nowMs);
		const chartStart = addLocalDays(weekStart, -7 * (CHART_WEEKS - 1));
		const tomorrow = addLocalDays(nowMs, 1);
		const [recent, settings] = await Promise.all([
			this.#store.between(Math.min(chartStart, monthStart), tomorrow),
			this.#store.settings()
		]);
		const summary: JournalSummary = {
			week: practiceTotals(recent, weekStart, tomorrow),
			month: practiceTotals(recent, monthStart, tomorrow),
			weeks: weeklyMinutes(recent, nowMs, CHART_WEEKS),
			distress: weeklyDistress(recent, nowMs, CHART_WEEKS)
		};
		if (settings.streaks) {
			// The run back from today, plus the newest days shown: a practice before a gap then
			// reads as "welcome back" rather than as nothing.
			const shown = this.#sessions.filter((s) => s.activeMs > 0).map((s) => s.day);
			summary.streak = streak([...(await this.#store.recentPractisedDays(nowMs)), ...shown], nowMs);
		}
		return summary;
	}
}
