import { describe, expect, it } from 'vitest';
import {
	CHART_WIDTH,
	chartColumns,
	chartFrame,
	fitting,
	PLOT_HEIGHT,
	placeText,
	scaleY,
	tallerNear,
	textWidth,
	tickText
} from './chart-layout';

describe('placing a text', () => {
	it('centres it on its column when there is room', () => {
		expect(placeText('6 apr', 160)).toMatchObject({ text: '6 apr', x: 160 });
	});

	it('keeps it inside the drawing, right of the scale and left of the edge', () => {
		const text = placeText('20 april', 30, 26);
		expect(text.x - text.width / 2).toBeCloseTo(26);
		const last = placeText('20 april', CHART_WIDTH - 2);
		expect(last.x + last.width / 2).toBeCloseTo(CHART_WIDTH);
	});

	it('counts a longer text as wider', () => {
		expect(textWidth('13 apr')).toBeGreaterThan(textWidth('6 apr'));
	});
});

describe('choosing which texts to draw', () => {
	const at = (...xs: number[]) => xs.map((x) => ({ text: 'week', x, width: 30 }));

	it('draws them all when none touches the next', () => {
		expect(fitting(at(20, 60, 100))).toEqual([true, true, true]);
	});

	it('keeps the newest and leaves out the ones that would touch a drawn one', () => {
		expect(fitting(at(20, 40, 60, 80, 100))).toEqual([true, false, true, false, true]);
	});

	it('never draws a text that is not there', () => {
		expect(fitting([undefined, ...at(100)])).toEqual([false, true]);
	});
});

describe('columns', () => {
	it('share the width right of the scale equally, oldest on the left', () => {
		const { slot, columns } = chartColumns(['a', 'b', 'c', 'd'], 20);
		expect(slot).toBe((CHART_WIDTH - 20) / 4);
		expect(columns.map((column) => column.center)).toEqual([57.5, 132.5, 207.5, 282.5]);
		expect(columns.every((column) => column.labelShown)).toBe(true);
	});

	it('thin their labels when they would touch, keeping the newest', () => {
		const labels = Array.from({ length: 20 }, (_, i) => `${i + 1} nov`);
		const shown = chartColumns(labels).columns.filter((column) => column.labelShown);
		expect(shown.length).toBeLessThan(20);
		expect(shown.at(-1)?.label.text).toBe('20 nov');
	});

	it('are none for no labels, without dividing by zero', () => {
		expect(chartColumns([], 26)).toEqual({ slot: CHART_WIDTH - 26, columns: [] });
	});
});

describe('the scale', () => {
	it('puts 0 on the baseline and its top at the top of the plot', () => {
		const { baseline } = chartFrame(8);
		expect(scaleY(0, 10, baseline)).toBe(baseline);
		expect(scaleY(10, 10, baseline)).toBe(baseline - PLOT_HEIGHT);
		expect(scaleY(5, 10, baseline)).toBe(baseline - PLOT_HEIGHT / 2);
	});

	it('leaves room for the labels under the baseline', () => {
		const frame = chartFrame(8);
		expect(frame.baseline).toBe(8 + PLOT_HEIGHT);
		expect(frame.labelY).toBeGreaterThan(frame.baseline);
		expect(frame.height).toBeGreaterThan(frame.labelY);
	});

	it('writes a mark’s number left of the axis, level with its line', () => {
		const text = tickText(58, 26);
		expect(text.x).toBeLessThan(26);
		expect(text.y).toBeGreaterThan(58);
	});
});

describe("a bar's value", () => {
	const bars = [
		{ center: 20, height: 10 },
		{ center: 40, height: 90 },
		{ center: 200, height: 50 }
	];

	it('is run through by a taller bar close beside it', () => {
		expect(tallerNear(bars, 0, placeText('10 min', 20), 12)).toBe(true);
	});

	it('is clear of a taller bar far away, and of shorter ones', () => {
		expect(tallerNear(bars, 2, placeText('50 min', 200), 12)).toBe(false);
		expect(tallerNear(bars, 1, placeText('90 min', 40), 12)).toBe(false);
	});
});
