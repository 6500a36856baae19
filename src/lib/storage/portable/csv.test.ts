import { describe, expect, it } from 'vitest';
import { localDayKey } from '../../records/days';
import type { CsvLabels } from '../../records/export-file';
import type { StoredSessionStatus } from '../../records/sessions';
import { sessionsCsv } from './csv';
import { at, db, session, useFreshDb } from './test-data';

useFreshDb('csv');

describe('sessionsCsv', () => {
	const labels: CsvLabels = {
		date: 'Datum',
		time: 'Tijd',
		exercise: 'Oefening',
		minutes: 'Minuten',
		status: 'Status',
		distressBefore: 'Spanning vóór',
		distressAfter: 'Spanning na',
		note: 'Notitie'
	};
	const titles: Record<string, string> = {
		'extended-exhale': 'Lange uitademing',
		'grounding-senses': 'Zintuigen, hier en nu',
		box: '=HYPERLINK("http://evil")'
	};
	const titleOf = (exerciseId: string) => titles[exerciseId] ?? exerciseId;
	const statuses: Record<StoredSessionStatus, string> = {
		running: 'bezig',
		completed: 'afgerond',
		stopped: 'gestopt',
		interrupted: 'onderbroken'
	};
	const statusOf = (status: StoredSessionStatus) => statuses[status];

	it('writes one row per session, oldest first, under the translated headers and statuses', async () => {
		await db.sessions.bulkAdd([
			session('late', at(12, 7, 5), { activeMs: 30_000, status: 'interrupted' }),
			session('early', at(8, 9), { distressBefore: 6, distressAfter: 3, activeMs: 90_000 }),
			session('middle', at(9, 21, 30), {
				exerciseId: 'grounding-senses',
				status: 'stopped',
				activeMs: 600_000,
				note: 'Hij zei "rustig"\nen ik ademde.'
			})
		]);
		const csv = await sessionsCsv(db, titleOf, labels, statusOf);

		expect(csv.startsWith('\uFEFF')).toBe(true);
		expect(csv.slice(1).split('\r\n')).toEqual([
			'Datum,Tijd,Oefening,Minuten,Status,Spanning vóór,Spanning na,Notitie',
			`${localDayKey(at(8, 9))},09:00,Lange uitademing,1.5,afgerond,6,3,`,
			`${localDayKey(at(9, 21))},21:30,"Zintuigen, hier en nu",10.0,gestopt,,,"Hij zei ""rustig""\nen ik ademde."`,
			`${localDayKey(at(12, 7))},07:05,Lange uitademing,0.5,onderbroken,,,`,
			''
		]);
	});

	it('writes semicolons and decimal commas for Dutch spreadsheets, quoting a cell with a semicolon', async () => {
		await db.sessions.bulkAdd([
			session('early', at(8, 9), { distressBefore: 6, distressAfter: 3, activeMs: 90_000 }),
			session('middle', at(9, 21, 30), {
				exerciseId: 'grounding-senses',
				activeMs: 600_000,
				note: 'rustig; daarna slapen'
			})
		]);
		const csv = await sessionsCsv(db, titleOf, labels, statusOf, undefined, {
			separator: ';',
			decimal: ','
		});

		expect(csv.startsWith('\uFEFF')).toBe(true);
		expect(csv.slice(1).split('\r\n')).toEqual([
			'Datum;Tijd;Oefening;Minuten;Status;Spanning vóór;Spanning na;Notitie',
			`${localDayKey(at(8, 9))};09:00;Lange uitademing;1,5;afgerond;6;3;`,
			`${localDayKey(at(9, 21))};21:30;Zintuigen, hier en nu;10,0;afgerond;;;"rustig; daarna slapen"`,
			''
		]);
	});

	it('uses the stored day, not the day the time zone of today would give', async () => {
		await db.sessions.add(session('a', at(8, 9), { day: '2026-03-07' }));
		const csv = await sessionsCsv(db, titleOf, labels, statusOf);
		expect(csv.split('\r\n')[1]).toMatch(/^2026-03-07,/);
	});

	it('keeps a spreadsheet from running a cell as a formula', async () => {
		await db.sessions.bulkAdd([
			session('a', at(8, 9), { exerciseId: 'box', note: '+31 6 1234' }),
			session('b', at(8, 10), { note: '-5 minuten' }),
			session('c', at(8, 11), { note: '@alias' }),
			session('d', at(8, 12), { note: '\tinspringing' }),
			session('e', at(8, 13), { note: '\rterug' })
		]);
		const rows = (await sessionsCsv(db, titleOf, labels, statusOf)).split('\r\n').slice(1, -1);

		expect(rows[0]).toBe(
			`${localDayKey(at(8, 9))},09:00,"'=HYPERLINK(""http://evil"")",3.0,afgerond,,,'+31 6 1234`
		);
		expect(rows[1]).toMatch(/,'-5 minuten$/);
		expect(rows[2]).toMatch(/,'@alias$/);
		expect(rows[3]).toMatch(/,'\tinspringing$/);
		// A lone CR inside a field is quoted, so the row does not break in two.
		expect(rows[4]).toMatch(/,"'\rterug"$/);
	});

	it('guards a status word a spreadsheet would run as a formula', async () => {
		await db.sessions.add(session('a', at(8, 9), { status: 'running' }));
		const csv = await sessionsCsv(db, titleOf, labels, () => '=bezig');
		expect(csv.split('\r\n')[1]).toMatch(/,3\.0,'=bezig,,,$/);
	});

	it('writes only the header when there are no sessions', async () => {
		expect(await sessionsCsv(db, titleOf, labels, statusOf)).toBe(
			'\uFEFFDatum,Tijd,Oefening,Minuten,Status,Spanning vóór,Spanning na,Notitie\r\n'
		);
	});
});
