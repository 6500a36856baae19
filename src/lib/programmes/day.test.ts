import { describe, expect, it } from 'vitest';
import { completesDay, practiceHref, readProgrammeDay } from './day';

describe('programme day in the address', () => {
	it('goes out and back in through the query string', () => {
		const href = practiceHref({ exercise: 'coherent', minutes: 5 }, 'fundament', 3);
		expect(href).toBe('/oefening/coherent?programma=fundament&dag=3&min=5');
		expect(readProgrammeDay(href.slice(href.indexOf('?')))).toEqual({
			programmeId: 'fundament',
			day: 3,
			minutes: 5
		});
	});

	it('sends the boundary exercise and the urge questions to their own screens', () => {
		expect(practiceHref({ exercise: 'boundary' }, 'uit-de-band', 9)).toBe(
			'/grens?programma=uit-de-band&dag=9'
		);
		expect(practiceHref({ exercise: 'urge-questions' }, 'uit-de-band', 5)).toBe(
			'/drang?programma=uit-de-band&dag=5'
		);
	});

	it('is absent without parameters or with odd ones', () => {
		expect(readProgrammeDay('')).toBeUndefined();
		expect(readProgrammeDay('?programma=fundament')).toBeUndefined();
		expect(readProgrammeDay('?programma=Fundament!&dag=1')).toBeUndefined();
		expect(readProgrammeDay('?programma=fundament&dag=0')).toBeUndefined();
		expect(readProgrammeDay('?programma=fundament&dag=2&min=99')).toEqual({
			programmeId: 'fundament',
			day: 2
		});
	});
});

describe('what completes a programme day', () => {
	const context = { programmeId: 'fundament', day: 1, minutes: 5 };

	it('is a completed session, or one that lasted the planned minutes', () => {
		expect(completesDay({ status: 'completed', activeMs: 1000 }, context)).toBe(true);
		expect(completesDay({ status: 'stopped', activeMs: 5 * 60_000 }, context)).toBe(true);
		expect(completesDay({ status: 'stopped', activeMs: 4 * 60_000 }, context)).toBe(false);
		expect(
			completesDay({ status: 'stopped', activeMs: 60 * 60_000 }, { programmeId: 'x', day: 1 })
		).toBe(false);
	});
});
