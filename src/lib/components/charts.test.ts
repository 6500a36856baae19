// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import DistressChart from './DistressChart.svelte';
import StopDistanceChart from './StopDistanceChart.svelte';
import WeeklyBars from './WeeklyBars.svelte';

afterEach(cleanup);

/** The text of every body row, header cell first, the way a screen reader walks the table. */
function tableRows(table: HTMLElement): string[][] {
	const [, ...body] = within(table).getAllByRole('row');
	return body.map((row) =>
		[...row.querySelectorAll('th, td')].map((cell) => cell.textContent?.trim() ?? '')
	);
}

const heightOf = (element: Element) => Number(element.getAttribute('height'));

describe('WeeklyBars', () => {
	const props = {
		caption: 'Minuten per week',
		weeks: [
			{ label: '6 apr', minutes: 20, days: 2 },
			{ label: '13 apr', minutes: 0, days: 0 },
			{ label: '20 apr', minutes: 40, days: 4 },
			{ label: '27 apr', minutes: 10, days: 1 }
		],
		minutesLabel: (n: number) => `${n} min`,
		columnWeek: 'Week',
		columnMinutes: 'Minuten',
		columnDays: 'Dagen'
	};

	it('is a figure named by its caption', () => {
		render(WeeklyBars, props);
		const figure = screen.getByRole('figure', { name: 'Minuten per week' });
		expect(figure.querySelector('figcaption')?.textContent).toBe('Minuten per week');
	});

	it('hides the drawing from screen readers and gives them a table with the same numbers', () => {
		const { container } = render(WeeklyBars, props);
		expect(container.querySelector('svg')?.getAttribute('aria-hidden')).toBe('true');
		const table = screen.getByRole('table', { name: 'Minuten per week' });
		expect(table.classList.contains('sr-only')).toBe(true);
		const headers = within(table).getAllByRole('columnheader');
		expect(headers.map((h) => h.textContent)).toEqual(['Week', 'Minuten', 'Dagen']);
		expect(tableRows(table)).toEqual([
			['6 apr', '20 min', '2'],
			['13 apr', '0 min', '0'],
			['20 apr', '40 min', '4'],
			['27 apr', '10 min', '1']
		]);
	});

	it('draws bars in proportion to the minutes, none for an empty week', () => {
		const { container } = render(WeeklyBars, props);
		const bars = [...container.querySelectorAll('rect.bar')];
		expect(bars).toHaveLength(3);
		const [twenty, forty, ten] = bars.map(heightOf) as [number, number, number];
		expect(forty).toBeCloseTo(twenty * 2);
		expect(forty).toBeCloseTo(ten * 4);
		expect(container.querySelector('line.baseline')).not.toBeNull();
	});

	it('writes each week under its bar and the minutes above the non-empty ones', () => {
		const { container } = render(WeeklyBars, props);
		const labels = [...container.querySelectorAll('text.label')].map((t) => t.textContent);
		const values = [...container.querySelectorAll('text.value')].map((t) => t.textContent);
		expect(labels).toEqual(['6 apr', '13 apr', '20 apr', '27 apr']);
		expect(values).toEqual(['20 min', '40 min', '10 min']);
	});

	it('draws only the baseline when no week has minutes, without dividing by zero', () => {
		const { container } = render(WeeklyBars, {
			...props,
			weeks: props.weeks.map((week) => ({ ...week, minutes: 0, days: 0 }))
		});
		expect(container.querySelectorAll('rect.bar')).toHaveLength(0);
		expect(container.querySelector('svg')?.innerHTML).not.toContain('NaN');
	});

	it('thins the week labels when they would touch, keeping the current week', () => {
		const weeks = Array.from({ length: 12 }, (_, i) => ({
			label: `week ${i + 1}`,
			minutes: i,
			days: 1
		}));
		const { container } = render(WeeklyBars, { ...props, weeks });
		const labels = [...container.querySelectorAll('text.label')].map((t) => t.textContent);
		expect(labels.length).toBeLessThan(12);
		expect(labels.at(-1)).toBe('week 12');
		expect(tableRows(screen.getByRole('table'))).toHaveLength(12);
	});

	it('leaves out a value that a taller neighbouring bar would run through', () => {
		const weeks = Array.from({ length: 12 }, (_, i) => ({
			label: String(i + 1),
			minutes: (i + 1) * 10,
			days: 1
		}));
		const { container } = render(WeeklyBars, { ...props, weeks });
		const values = [...container.querySelectorAll('text.value')].map((t) => t.textContent);
		// Each wide value would cross the next, taller bar; only the tallest has room.
		expect(values).toEqual(['120 min']);
		expect(tableRows(screen.getByRole('table'))[0]).toEqual(['1', '10 min', '1']);
	});
});

describe('DistressChart', () => {
	const props = {
		caption: 'Spanning voor en na',
		weeks: [
			{ label: '6 apr', before: 8, after: 4 },
			{ label: '13 apr' },
			{ label: '20 apr', before: 6.5, after: 3.2 },
			{ label: '27 apr', before: 0, after: 0 }
		],
		beforeLabel: 'Voor',
		afterLabel: 'Na',
		columnWeek: 'Week',
		emptyCell: 'geen'
	};

	it('is a figure named by its caption, the drawing hidden from screen readers', () => {
		const { container } = render(DistressChart, props);
		expect(screen.getByRole('figure', { name: 'Spanning voor en na' })).toBeTruthy();
		for (const svg of container.querySelectorAll('svg')) {
			expect(svg.closest('[aria-hidden="true"]')).not.toBeNull();
		}
	});

	it('gives screen readers a table with the same numbers, and the empty word where none', () => {
		render(DistressChart, props);
		const table = screen.getByRole('table', { name: 'Spanning voor en na' });
		expect(table.classList.contains('sr-only')).toBe(true);
		const headers = within(table).getAllByRole('columnheader');
		expect(headers.map((h) => h.textContent)).toEqual(['Week', 'Voor', 'Na']);
		expect(tableRows(table)).toEqual([
			['6 apr', '8', '4'],
			['13 apr', 'geen', 'geen'],
			['20 apr', '6.5', '3.2'],
			['27 apr', '0', '0']
		]);
	});

	it('writes values the way the page asks', () => {
		render(DistressChart, { ...props, valueLabel: (n: number) => String(n).replace('.', ',') });
		expect(tableRows(screen.getByRole('table'))[2]).toEqual(['20 apr', '6,5', '3,2']);
	});

	it('draws before and after on one 0-10 scale, nothing for a week without ratings', () => {
		const { container } = render(DistressChart, props);
		const drawing = container.querySelector('svg:not(.swatch)')!;
		const before = [...drawing.querySelectorAll('rect.before')].map(heightOf);
		const after = [...drawing.querySelectorAll('rect.after')].map(heightOf);
		expect(before).toHaveLength(3);
		expect(after).toHaveLength(3);
		expect(before[0]! / after[0]!).toBeCloseTo(8 / 4);
		expect(before[1]! / before[0]!).toBeCloseTo(6.5 / 8);
		expect(after[1]! / after[0]!).toBeCloseTo(3.2 / 4);
		// A rating of 0 is a small stub, so it is not mistaken for a week without ratings.
		expect(before[2]).toBeGreaterThan(0);
		expect(before[2]).toBeLessThan(before[1]! / 10);
	});

	it('writes each week label under its pair, also for a week without ratings', () => {
		const { container } = render(DistressChart, props);
		const labels = [...container.querySelectorAll('text.label')].map((t) => t.textContent);
		expect(labels).toEqual(['6 apr', '13 apr', '20 apr', '27 apr']);
	});

	it('shows a legend with both labels', () => {
		const { container } = render(DistressChart, props);
		const legend = container.querySelector('.legend')!;
		expect(legend.getAttribute('aria-hidden')).toBe('true');
		expect(legend.textContent?.replace(/\s+/g, ' ').trim()).toBe('Voor Na');
	});
});

describe('StopDistanceChart', () => {
	const props = {
		caption: 'Stopafstand per sessie',
		sessions: [
			{ label: '2 nov', averageM: 4 },
			{ label: '9 nov' },
			{ label: '16 nov', averageM: 2.5 },
			{ label: '21 nov', averageM: 6 }
		],
		valueLabel: (n: number) => String(n).replace('.', ','),
		columnSession: 'Sessie',
		columnDistance: 'Afstand (m)',
		emptyCell: 'geen'
	};

	const numberAttr = (element: Element, name: string) => Number(element.getAttribute(name));
	const baselineOf = (container: HTMLElement) =>
		numberAttr(container.querySelector('line.baseline')!, 'y1');

	it('is a figure named by its caption, the drawing hidden from screen readers', () => {
		const { container } = render(StopDistanceChart, props);
		expect(screen.getByRole('figure', { name: 'Stopafstand per sessie' })).toBeTruthy();
		expect(container.querySelector('svg')?.getAttribute('aria-hidden')).toBe('true');
	});

	it('gives screen readers a table with each session and its distance, the empty word where none', () => {
		render(StopDistanceChart, props);
		const table = screen.getByRole('table', { name: 'Stopafstand per sessie' });
		expect(table.classList.contains('sr-only')).toBe(true);
		const headers = within(table).getAllByRole('columnheader');
		expect(headers.map((h) => h.textContent)).toEqual(['Sessie', 'Afstand (m)']);
		expect(tableRows(table)).toEqual([
			['2 nov', '4'],
			['9 nov', 'geen'],
			['16 nov', '2,5'],
			['21 nov', '6']
		]);
	});

	it('draws a dot per session with a stop, its height in proportion on one metre scale', () => {
		const { container } = render(StopDistanceChart, props);
		const baseline = baselineOf(container);
		const dots = [...container.querySelectorAll('circle.dot')];
		expect(dots).toHaveLength(3);
		const [four, twoAndAHalf, six] = dots.map((dot) => baseline - numberAttr(dot, 'cy')) as [
			number,
			number,
			number
		];
		expect(twoAndAHalf / four).toBeCloseTo(2.5 / 4);
		expect(six / four).toBeCloseTo(6 / 4);
	});

	it('puts the oldest session on the left and joins the dots with one line', () => {
		const { container } = render(StopDistanceChart, props);
		const xs = [...container.querySelectorAll('circle')].map((c) => numberAttr(c, 'cx'));
		expect(xs).toEqual([...xs].sort((a, b) => a - b));
		const line = container.querySelector('polyline.trend')!;
		const dots = [...container.querySelectorAll('circle.dot')];
		expect(line.getAttribute('points')).toBe(
			dots.map((dot) => `${dot.getAttribute('cx')},${dot.getAttribute('cy')}`).join(' ')
		);
	});

	it('marks a session without a stop with a ring on the baseline, not a dot', () => {
		const { container } = render(StopDistanceChart, props);
		const rings = [...container.querySelectorAll('circle.none')];
		expect(rings).toHaveLength(1);
		expect(numberAttr(rings[0]!, 'cy')).toBe(baselineOf(container));
	});

	it('marks the scale at 1, 4 and 8 metres, written the way the page asks', () => {
		const { container } = render(StopDistanceChart, props);
		const ticks = [...container.querySelectorAll('text.tick')].map((t) => t.textContent);
		expect(ticks).toEqual(['1', '4', '8']);
		const [one, , eight] = [...container.querySelectorAll('line.grid')].map(
			(line) => baselineOf(container) - numberAttr(line, 'y1')
		) as [number, number, number];
		expect(eight / one).toBeCloseTo(8);
	});

	it('keeps a distance beyond the scale at its top, and the true number in the table', () => {
		const { container } = render(StopDistanceChart, {
			...props,
			sessions: [
				{ label: 'a', averageM: 8 },
				{ label: 'b', averageM: 12.5 }
			]
		});
		const [eight, far] = [...container.querySelectorAll('circle.dot')].map((dot) =>
			numberAttr(dot, 'cy')
		);
		expect(far).toBe(eight);
		expect(tableRows(screen.getByRole('table'))[1]).toEqual(['b', '12,5']);
	});

	it('draws one session without a line, and none without dividing by zero', () => {
		const { container } = render(StopDistanceChart, {
			...props,
			sessions: [{ label: '21 nov', averageM: 3 }]
		});
		expect(container.querySelectorAll('circle.dot')).toHaveLength(1);
		expect(container.querySelector('polyline')).toBeNull();
		cleanup();
		const empty = render(StopDistanceChart, { ...props, sessions: [] }).container;
		expect(empty.querySelectorAll('circle')).toHaveLength(0);
		expect(empty.querySelector('svg')?.innerHTML).not.toContain('NaN');
	});

	it('thins the session labels when they would touch, keeping the newest', () => {
		const sessions = Array.from({ length: 20 }, (_, i) => ({
			label: `${i + 1} nov`,
			averageM: (i % 8) + 0.5
		}));
		const { container } = render(StopDistanceChart, { ...props, sessions });
		const labels = [...container.querySelectorAll('text.label')].map((t) => t.textContent);
		expect(labels.length).toBeLessThan(20);
		expect(labels.at(-1)).toBe('20 nov');
		expect(tableRows(screen.getByRole('table'))).toHaveLength(20);
	});
});
