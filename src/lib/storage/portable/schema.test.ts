import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES, MAX_SESSIONS } from '../../records/import-limits';
import { MAX_TEXT_LENGTH } from '../../records/urges';
import { parseImport } from './import-check';
import { at, db, importText, session, sessionsOf, validData, useFreshDb } from './test-data';

useFreshDb('schema');

describe('refusing what cannot be true', () => {
	const NOW = at(13, 12);
	const YEAR_2999 = Date.UTC(2999, 0, 1, 12);

	/** The valid file, changed by `change`, checked at NOW. */
	function check(change: (data: Record<string, unknown>) => void) {
		const data = validData();
		change(data);
		return parseImport(JSON.stringify(data), { nowMs: NOW });
	}

	it('refuses a practice time of 1e300 ms, naming the session and its practice time', () => {
		expect(check((data) => (sessionsOf(data)[1]!.activeMs = 1e300))).toEqual({
			ok: false,
			problem: {
				code: 'invalid',
				path: 'sessions[1].activeMs',
				record: { table: 'sessions', number: 2, total: 3, dateMs: at(9, 21, 30) },
				field: 'practiceTime',
				reason: 'too-long'
			}
		});
	});

	it('refuses any duration beyond a day, and accepts a whole day', () => {
		const day = 86_400_000;
		expect(check((data) => (sessionsOf(data)[0]!.plannedMs = day + 1))).toMatchObject({
			problem: { field: 'plannedTime', reason: 'too-long' }
		});
		expect(
			check((data) => ((data.urges as Record<string, unknown>[])[0]!.waitedMs = day + 1))
		).toMatchObject({ problem: { field: 'waitTime', reason: 'too-long' } });
		expect(check((data) => (sessionsOf(data)[0]!.plannedMs = day)).ok).toBe(true);
	});

	it('refuses a session dated 2999 in a file that says it was written in 2999', () => {
		const parsed = check((data) => {
			data.exportedAt = YEAR_2999;
			Object.assign(sessionsOf(data)[0]!, {
				startedAt: YEAR_2999,
				endedAt: YEAR_2999,
				day: '2999-01-01'
			});
		});
		expect(parsed).toMatchObject({
			ok: false,
			problem: { code: 'invalid', record: { table: 'file' }, field: 'written', reason: 'future' }
		});
	});

	it('refuses a session and an urge dated 2999, naming each by its date', () => {
		const session = check((data) =>
			Object.assign(sessionsOf(data)[2]!, {
				startedAt: YEAR_2999,
				endedAt: YEAR_2999,
				day: '2999-01-01'
			})
		);
		expect(session).toMatchObject({
			ok: false,
			problem: {
				record: { table: 'sessions', number: 3, total: 3, dateMs: YEAR_2999 },
				field: 'start',
				reason: 'future'
			}
		});
		const urge = check(
			(data) => ((data.urges as Record<string, unknown>[])[1]!.startedAt = YEAR_2999)
		);
		expect(urge).toMatchObject({
			ok: false,
			problem: {
				record: { table: 'urges', number: 2, total: 2, dateMs: YEAR_2999 },
				field: 'start',
				reason: 'future'
			}
		});
	});

	it('refuses a record later than the moment of import, beyond a clock a day off', () => {
		const late = NOW + 86_400_000 + 1;
		const parsed = check((data) => {
			data.exportedAt = NOW + 60_000;
			(data.urges as Record<string, unknown>[])[1]!.startedAt = late;
		});
		expect(parsed).toMatchObject({ problem: { field: 'start', reason: 'future' } });
		const fine = check((data) => {
			data.exportedAt = NOW + 60_000;
			(data.urges as Record<string, unknown>[])[1]!.startedAt = NOW + 3_600_000;
		});
		expect(fine.ok).toBe(true);
	});

	it('refuses a record from before Rustpunt existed', () => {
		const start = Date.UTC(2023, 11, 31, 12);
		const parsed = check((data) =>
			Object.assign(sessionsOf(data)[0]!, { startedAt: start, endedAt: start, day: '2023-12-31' })
		);
		expect(parsed).toMatchObject({ problem: { field: 'start', reason: 'too-early' } });
	});

	it('refuses a no-contact count that starts in the future', () => {
		const parsed = check(
			(data) => (data.settings = [{ key: 'noContactCount', value: '2999-01-01' }])
		);
		expect(parsed).toMatchObject({
			problem: { record: { table: 'settings', number: 1 }, field: 'setting', reason: 'future' }
		});
	});

	it('refuses an end before the start and a day far from the start in words', () => {
		expect(
			check(
				(data) => (sessionsOf(data)[0]!.endedAt = (sessionsOf(data)[0]!.startedAt as number) - 1)
			)
		).toMatchObject({ problem: { field: 'end', reason: 'end-before-start' } });
	});
});

describe('limits that agree with each other', () => {
	// 200,000 sessions are built, written and checked: a few seconds, more on a busy machine.
	it('takes a file of the most sessions it allows, under the size it allows', () => {
		const start = at(1, 0) - MAX_SESSIONS * 60_000;
		const sessions = Array.from({ length: MAX_SESSIONS }, (_, i) =>
			session(`s${i.toString(36)}`, start + i * 60_000, i % 50 === 0 ? { note: 'Rustiger.' } : {})
		);
		const text = JSON.stringify({ ...validData(), sessions });
		expect(text.length).toBeLessThan(MAX_IMPORT_BYTES);
		const parsed = parseImport(text, { nowMs: at(13, 12) });
		expect(parsed.ok && parsed.file.sessions.length).toBe(MAX_SESSIONS);
	}, 60_000);

	it('keeps the breathing sessions an urge names, so its journal entry holds them', async () => {
		const data = validData();
		(data.urges as Record<string, unknown>[])[0]!.sessionIds = ['s1'];
		expect(await importText(JSON.stringify(data))).toMatchObject({ ok: true });
		expect((await db.urges.get('u1'))?.sessionIds).toEqual(['s1']);
	});

	it('refuses a file with more sessions than it allows, saying how many it allows', () => {
		const sessions = Array.from({ length: MAX_SESSIONS + 1 }, () => 0);
		expect(parseImport(JSON.stringify({ ...validData(), sessions }))).toEqual({
			ok: false,
			problem: { code: 'too-many', table: 'sessions', max: MAX_SESSIONS }
		});
	});
});

describe('texts in an import', () => {
	it('are stored composed, without direction controls or blank edges', async () => {
		const data = validData();
		sessionsOf(data)[0]!.note = ' \u202EZe\u0301e\u202C ';
		(data.urges as Record<string, unknown>[])[0]!.hope = 'rust\u200F';
		expect(await importText(JSON.stringify(data))).toMatchObject({ ok: true });
		expect((await db.sessions.get('s1'))?.note).toBe('Zée');
		expect((await db.urges.get('u1'))?.hope).toBe('rust');
	});

	it('leave out a note, an answer or a list item that shows nothing', async () => {
		const data = validData();
		sessionsOf(data)[0]!.note = '\u200B\u200B';
		(data.urges as Record<string, unknown>[])[0]!.hope = ' \u2060 ';
		data.lists = [{ id: 'reality', items: ['Echt gebeurd.', '\u200B', '   '] }];
		expect(await importText(JSON.stringify(data))).toMatchObject({ ok: true });
		expect(await db.sessions.get('s1')).not.toHaveProperty('note');
		expect(await db.urges.get('u1')).not.toHaveProperty('hope');
		expect((await db.lists.get('reality'))?.items).toEqual(['Echt gebeurd.']);
	});

	const pattern = {
		id: 'p1',
		name: 'Zee',
		inhale: 4,
		inhaleTop: 0,
		holdIn: 0,
		exhale: 6,
		holdOut: 0,
		length: { kind: 'cycles', cycles: 10 },
		createdAt: at(10, 9),
		updatedAt: at(10, 9)
	};

	it('refuse a pattern whose name is only zero-width spaces', () => {
		const data = { ...validData(), patterns: [{ ...pattern, name: '\u200B\u200B\u200B' }] };
		expect(parseImport(JSON.stringify(data))).toMatchObject({
			ok: false,
			problem: {
				record: { table: 'patterns', number: 1, total: 1, dateMs: at(10, 9) },
				field: 'name',
				reason: 'blank'
			}
		});
	});

	it('take the direction controls out of a pattern name', async () => {
		const data = { ...validData(), patterns: [{ ...pattern, name: '\u202Eeez' }] };
		expect(await importText(JSON.stringify(data))).toMatchObject({ ok: true });
		expect((await db.patterns.get('p1'))?.name).toBe('eez');
	});
});

describe('an unsent message in an import', () => {
	it('is kept with its choice, its words cleaned', async () => {
		const data = validData();
		Object.assign((data.urges as Record<string, unknown>[])[0]!, {
			unsent: ' Ik mis je\u202E ',
			unsentChoice: 'keep'
		});
		expect(await importText(JSON.stringify(data))).toMatchObject({ ok: true });
		expect(await db.urges.get('u1')).toMatchObject({ unsent: 'Ik mis je', unsentChoice: 'keep' });
	});

	it('is refused with an unknown choice or words beyond the longest answer', () => {
		const withUnsent = (fields: Record<string, unknown>) => {
			const data = validData();
			Object.assign((data.urges as Record<string, unknown>[])[0]!, fields);
			return parseImport(JSON.stringify(data), { nowMs: at(13, 12) });
		};
		expect(withUnsent({ unsentChoice: 'sent' })).toMatchObject({ ok: false });
		expect(withUnsent({ unsent: 'x'.repeat(MAX_TEXT_LENGTH + 1) })).toMatchObject({
			ok: false,
			problem: { field: 'answer', reason: 'too-long-text' }
		});
	});
});
