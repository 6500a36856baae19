/**
 * Where the journal's charts put things: columns across the drawing, the texts under and over
 * them, and the marks of a scale. Pure numbers in viewBox units, shared by DistressChart,
 * StopDistanceChart and WeeklyBars, so the three lay out their texts the same way.
 *
 * The charts span the content column, which on a phone is about 330-360 px wide, so a unit is
 * about a CSS pixel and 13-unit text reads at 12 px or more.
 */

/** The drawing's width. */
export const CHART_WIDTH = 320;
/** The size of every text in a chart. */
export const CHART_FONT = 13;
/** The height of the plot, from the baseline to the top of its scale. */
export const PLOT_HEIGHT = 100;
/** The least room between two texts. */
const TEXT_SPACE = 4;

/** A text placed in a chart: centred on `x`, about `width` wide. */
export interface PlacedText {
	text: string;
	x: number;
	width: number;
}

/** A column of a chart: its centre, and its label under the baseline. */
export interface Column {
	center: number;
	label: PlacedText;
	/** Whether the label is drawn: false where it would touch the next one drawn. */
	labelShown: boolean;
}

/** The drawing's heights: its baseline, its whole height, and where the columns' labels sit. */
export interface ChartFrame {
	baseline: number;
	height: number;
	labelY: number;
}

/** The drawing's heights, given the room above the plot (for a top number, or a bar's value). */
export function chartFrame(top: number): ChartFrame {
	const baseline = top + PLOT_HEIGHT;
	return { baseline, height: baseline + CHART_FONT + 8, labelY: baseline + CHART_FONT + 3 };
}

/** Rough width of a text: system fonts average about 0.6 em a character. */
export function textWidth(text: string): number {
	return text.length * CHART_FONT * 0.6;
}

/** A text centred on `center`, kept between `left` and the drawing's right edge. */
export function placeText(text: string, center: number, left = 0): PlacedText {
	const width = textWidth(text);
	return {
		text,
		x: Math.min(Math.max(center, left + width / 2), CHART_WIDTH - width / 2),
		width
	};
}

/**
 * Which texts to draw so that none touches the next. Walking back from the newest, a text is
 * drawn when it ends before the last drawn one begins; with many columns or long texts only
 * some are drawn (the chart's table has them all). An undefined text is never drawn.
 */
export function fitting(texts: readonly (PlacedText | undefined)[]): boolean[] {
	const drawn = texts.map(() => false);
	let left = Infinity;
	for (let i = texts.length - 1; i >= 0; i--) {
		const text = texts[i];
		if (text === undefined || text.x + text.width / 2 + TEXT_SPACE > left) continue;
		drawn[i] = true;
		left = text.x - text.width / 2;
	}
	return drawn;
}

/**
 * One column per label, sharing the drawing's width right of `left` (the scale's numbers)
 * equally, each label under its column's centre. `slot` is each column's width.
 */
export function chartColumns(
	labels: readonly string[],
	left = 0
): { slot: number; columns: Column[] } {
	const slot = (CHART_WIDTH - left) / Math.max(labels.length, 1);
	const placed = labels.map((label, i) => placeText(label, left + i * slot + slot / 2, left));
	const shown = fitting(placed);
	const columns = placed.map((label, i) => ({
		center: left + i * slot + slot / 2,
		label,
		labelShown: shown[i]!
	}));
	return { slot, columns };
}

/** Y of `value` on a scale from 0 at `baseline` to `max` at the top of the plot. */
export function scaleY(value: number, max: number, baseline: number): number {
	return baseline - (value / max) * PLOT_HEIGHT;
}

/** Where a mark of the scale writes its number: right-aligned just left of the `axis`. */
export function tickText(y: number, axis: number): { x: number; y: number } {
	return { x: axis - 6, y: y + CHART_FONT * 0.35 };
}

/** Whether a bar taller than bar `i` would run through `value`, written above bar `i`. */
export function tallerNear(
	bars: readonly { center: number; height: number }[],
	i: number,
	value: PlacedText,
	barWidth: number
): boolean {
	const { height } = bars[i]!;
	const reach = value.width / 2 + barWidth / 2 + TEXT_SPACE;
	return bars.some((other) => other.height > height && Math.abs(other.center - value.x) < reach);
}
