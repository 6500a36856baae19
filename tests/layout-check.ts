/**
 * Runs inside the page (pass it to page.evaluate): every way the layout breaks at the current
 * width, one sentence each, naming the element by a short selector and its text.
 *
 * - an element whose box sticks out of its parent's box (more than its own negative margin
 *   asks for), or out of the screen sideways;
 * - text that spills out of the box it is laid out in;
 * - a chip (a pill-shaped option: a label around a radio button or checkbox, or a toggle)
 *   whose label wraps onto a second line;
 * - a pill-shaped button whose label wraps with its lines not centred.
 *
 * What is hidden or clipped on purpose is left alone: anything invisible (display, visibility,
 * opacity 0, as the visually hidden radio buttons inside chips), anything of a pixel or less (the
 * .sr-only texts), and what lies inside a box that clips or scrolls (overflow other than
 * visible). Absolutely placed elements (the skip link, badges) are held to the screen only, as
 * are the insides of an SVG drawing.
 */
export function findLayoutProblems(): string[] {
	/** Sub-pixel rounding is no overflow. */
	const TOLERANCE_PX = 1;
	/** Two text boxes whose tops are this close stand on one line. */
	const SAME_LINE_PX = 2;
	/** Centred lines may differ by a trailing space's half width. */
	const CENTRED_PX = 3;
	const screenWidth = document.documentElement.clientWidth;
	const problems = new Set<string>();

	const selectorOf = (el: Element) =>
		el.tagName.toLowerCase() +
		[...el.classList]
			.filter((name) => !name.startsWith('svelte-'))
			.map((name) => `.${name}`)
			.join('');
	const shorten = (text: string) => {
		const oneLine = text.replace(/\s+/g, ' ').trim();
		return oneLine.length > 40 ? `${oneLine.slice(0, 39)}…` : oneLine;
	};
	const textOf = (el: Element) => {
		const text =
			el instanceof HTMLSelectElement
				? (el.selectedOptions[0]?.text ?? '')
				: el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement
					? el.value || el.placeholder
					: (el.textContent ?? '');
		return shorten(text.trim() ? text : (el.getAttribute('aria-label') ?? ''));
	};
	const describe = (el: Element) => {
		const text = textOf(el);
		return text ? `${selectorOf(el)} "${text}"` : selectorOf(el);
	};
	const px = (value: number) => `${Math.round(value)} px`;

	const clipsX = (style: CSSStyleDeclaration) => style.overflowX !== 'visible';
	const clipsY = (style: CSSStyleDeclaration) => style.overflowY !== 'visible';
	const isInline = (style: CSSStyleDeclaration) => style.display === 'inline';

	/** The text boxes of an element's own text (not its children's), one per line fragment. */
	const textBoxes = (el: Element) => {
		const boxes: { node: Text; rects: DOMRect[] }[] = [];
		for (const node of el.childNodes) {
			if (!(node instanceof Text) || !node.data.trim()) continue;
			const range = document.createRange();
			range.selectNodeContents(node);
			const rects = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
			if (rects.length > 0) boxes.push({ node, rects });
		}
		return boxes;
	};
	/** The left and right end of each line a set of text boxes stands on. */
	const lineSpans = (rects: DOMRect[]) => {
		const lines: { left: number; right: number; bottom: number }[] = [];
		for (const rect of [...rects].sort((a, b) => a.top - b.top)) {
			const line = lines.at(-1);
			if (line && rect.top < line.bottom - SAME_LINE_PX) {
				line.left = Math.min(line.left, rect.left);
				line.right = Math.max(line.right, rect.right);
				line.bottom = Math.max(line.bottom, rect.bottom);
			} else {
				lines.push({ left: rect.left, right: rect.right, bottom: rect.bottom });
			}
		}
		return lines;
	};
	/** Every text box inside an element, its children's too. */
	const allTextRects = (el: Element): DOMRect[] => [
		...textBoxes(el).flatMap((box) => box.rects),
		...[...el.children].flatMap(allTextRects)
	];
	const isPill = (el: Element, style: CSSStyleDeclaration) => {
		const rect = el.getBoundingClientRect();
		return parseFloat(style.borderTopLeftRadius) >= rect.height / 2 - TOLERANCE_PX;
	};
	const isChip = (el: Element, style: CSSStyleDeclaration) =>
		isPill(el, style) &&
		((el.tagName === 'LABEL' &&
			el.querySelector('input[type="radio"], input[type="checkbox"]') !== null) ||
			el.hasAttribute('aria-pressed') ||
			el.getAttribute('role') === 'radio');
	const isButton = (el: Element) =>
		el.matches('button, [role="button"], .button, input[type="submit"], input[type="button"]');

	/** Says where `inner` sticks out of `outer`, allowing what negative margins ask for. */
	const overshoot = (
		inner: DOMRect,
		outer: DOMRect,
		allowed: { left: number; right: number; top: number; bottom: number },
		axes: { x: boolean; y: boolean }
	) => {
		const sides: string[] = [];
		const check = (side: string, by: number) => {
			if (by > TOLERANCE_PX) sides.push(`${px(by)} on the ${side}`);
		};
		if (axes.x) {
			check('left', outer.left - inner.left - allowed.left);
			check('right', inner.right - outer.right - allowed.right);
		}
		if (axes.y) {
			check('top', outer.top - inner.top - allowed.top);
			check('bottom', inner.bottom - outer.bottom - allowed.bottom);
		}
		return sides.join(' and ');
	};
	const offScreen = (rect: DOMRect) =>
		overshoot(
			rect,
			new DOMRect(0, rect.top, screenWidth, rect.height),
			{ left: 0, right: 0, top: 0, bottom: 0 },
			{ x: true, y: false }
		);

	interface Context {
		/** The box this element is laid out in (its nearest ancestor that is not inline). */
		container: Element | null;
		/** Some ancestor below <body> clips or scrolls along this axis. */
		clippedX: boolean;
		clippedY: boolean;
		inSvg: boolean;
	}

	const walk = (el: Element, context: Context) => {
		if (el.matches('script, style, template, noscript, option, optgroup, datalist')) return;
		const style = getComputedStyle(el);
		if (style.display === 'contents') {
			for (const child of el.children) walk(child, context);
			return;
		}
		const visible = el.checkVisibility({
			opacityProperty: true,
			visibilityProperty: true
		} as CheckVisibilityOptions);
		if (!visible) return;
		const rect = el.getBoundingClientRect();
		// Visually hidden on purpose (.sr-only): a pixel, clipped away.
		if (rect.width <= 1 && rect.height <= 1) return;

		const where = describe(el);
		const placedApart = style.position === 'absolute' || style.position === 'fixed';
		if (!context.clippedX) {
			const out = offScreen(rect);
			if (out) problems.add(`${where} sticks out of the screen by ${out}`);
		}
		const container = context.container;
		// A box without width or height shows nothing (an empty live region whose margins
		// collapse through it may sit below its parent): its children are still checked.
		const hasArea = rect.width > 0 && rect.height > 0;
		if (container && hasArea && !context.inSvg && !placedApart) {
			const containerStyle = getComputedStyle(container);
			const axes = { x: !clipsX(containerStyle), y: !clipsY(containerStyle) };
			const out = overshoot(
				rect,
				container.getBoundingClientRect(),
				{
					left: Math.max(0, -parseFloat(style.marginLeft)),
					right: Math.max(0, -parseFloat(style.marginRight)),
					top: Math.max(0, -parseFloat(style.marginTop)),
					bottom: Math.max(0, -parseFloat(style.marginBottom))
				},
				axes
			);
			if (out) problems.add(`${where} sticks out of ${describe(container)} by ${out}`);
		}

		if (!context.inSvg && !el.matches('select, textarea, input')) {
			// Text is measured against the box it is laid out in.
			const box = isInline(style) ? container : el;
			const boxStyle = box ? getComputedStyle(box) : style;
			const axes = { x: !clipsX(boxStyle), y: !clipsY(boxStyle) };
			for (const { node, rects } of textBoxes(el)) {
				for (const textRect of rects) {
					const out =
						box &&
						overshoot(
							textRect,
							box.getBoundingClientRect(),
							{ left: 0, right: 0, top: 0, bottom: 0 },
							axes
						);
					if (out) {
						problems.add(`text "${shorten(node.data)}" spills out of ${describe(box)} by ${out}`);
					} else if (!context.clippedX && axes.x && offScreen(textRect)) {
						problems.add(
							`text "${shorten(node.data)}" sticks out of the screen by ${offScreen(textRect)}`
						);
					}
				}
			}
			if (isChip(el, style)) {
				const lines = lineSpans(allTextRects(el)).length;
				if (lines > 1) problems.add(`${where} wraps onto ${lines} lines inside its chip`);
			} else if (isButton(el) && isPill(el, style)) {
				const lines = lineSpans(allTextRects(el));
				const centres = lines.map((line) => (line.left + line.right) / 2);
				const drift = Math.max(...centres) - Math.min(...centres);
				if (lines.length > 1 && drift > CENTRED_PX) {
					problems.add(`${where} wraps onto ${lines.length} lines that are not centred`);
				}
			}
		}

		const inner: Context = {
			container: isInline(style) ? container : el,
			clippedX: context.clippedX || (el !== document.body && clipsX(style)),
			clippedY: context.clippedY || (el !== document.body && clipsY(style)),
			inSvg: context.inSvg || el.tagName.toLowerCase() === 'svg'
		};
		for (const child of el.children) walk(child, inner);
	};

	walk(document.body, { container: null, clippedX: false, clippedY: false, inSvg: false });
	return [...problems];
}
