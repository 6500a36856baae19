// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Programme } from '../content/types';
import { RustpuntDb } from '../storage/db';
import { ProgrammeStore } from '../storage/programme-store';
import { ProgrammesView } from './programmes.svelte';

const day = (n: number) => ({
	intention: { nl: `Dag ${n}`, en: `Day ${n}` },
	practice: [{ exercise: 'coherent', minutes: 5 }]
});
const programme = (id: string, order: number): Programme => ({
	id,
	order,
	title: { nl: id, en: id },
	summary: { nl: 'Kort', en: 'Short' },
	description: { nl: 'Kort', en: 'Short' },
	variants: [],
	weeks: [{ title: { nl: 'Week', en: 'Week' }, days: [day(1), day(2)] }]
});

let db: RustpuntDb;
let view: ProgrammesView;
let store: ProgrammeStore;
let n = 0;

beforeEach(async () => {
	db = new RustpuntDb(`programmes-view-${++n}`);
	store = new ProgrammeStore(db);
	view = new ProgrammesView(store, [programme('a', 1), programme('b', 2)]);
	await view.refresh();
});

afterEach(async () => {
	await db.delete();
});

describe('ProgrammesView', () => {
	it('shows nothing current until a programme is started, then day 1 of it', async () => {
		expect(view.current).toBeUndefined();
		await view.start('a');
		expect(view.current?.programme.id).toBe('a');
		expect(view.current?.next?.day).toBe(1);
	});

	it('moves the current programme with start and make current, and keeps both followed', async () => {
		await view.start('a');
		await view.start('b');
		expect(view.current?.programme.id).toBe('b');
		await view.makeCurrent('a');
		expect(view.current?.programme.id).toBe('a');
		expect(view.summaries.filter((s) => s.following)).toHaveLength(2);
	});

	it('shows the next day after a day done, and day 1 again after a restart', async () => {
		await view.start('a');
		await store.completeDay({ programmeId: 'a', day: 1, sessionId: 's1' }, Date.now());
		await view.refresh();
		expect(view.current?.next?.day).toBe(2);
		expect(view.current?.doneToday).toBe(true);
		await view.restart('a');
		expect(view.current?.next?.day).toBe(1);
	});

	it('keeps a paused programme current but lets leaving end it', async () => {
		await view.start('a');
		await view.pause('a');
		expect(view.find('a')?.record?.status).toBe('paused');
		await view.resume('a');
		await view.leave('a');
		expect(view.current).toBeUndefined();
		expect(view.find('a')?.following).toBe(false);
	});

	it('offers to undo leaving and restarting, instead of asking first', async () => {
		await view.start('a');
		await store.completeDay({ programmeId: 'a', day: 1, sessionId: 's1' }, Date.now());
		await view.leave('a');
		expect(view.canUndo('a')).toBe(true);
		await view.undo();
		expect(view.current?.programme.id).toBe('a');
		expect(view.current?.next?.day).toBe(2);
		expect(view.canUndo('a')).toBe(false);

		await view.restart('a');
		expect(view.current?.next?.day).toBe(1);
		await view.undo();
		expect(view.current?.next?.day).toBe(2);
	});

	it('lets the offer to undo end with the next change', async () => {
		await view.start('a');
		await view.leave('a');
		await view.start('b');
		expect(view.canUndo('a')).toBe(false);
	});
});
