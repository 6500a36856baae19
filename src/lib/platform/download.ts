/**
 * Hands text (or bytes) to the browser as a file the person saves. It is made on the phone and goes
 * only where they put it: nothing is uploaded.
 */
export function downloadFile(
	name: string,
	content: string | Uint8Array<ArrayBuffer>,
	type: string
): void {
	const url = URL.createObjectURL(new Blob([content], { type }));
	const link = document.createElement('a');
	link.href = url;
	link.download = name;
	link.rel = 'noopener';
	link.hidden = true;
	document.body.append(link);
	link.click();
	link.remove();
	// The browser has taken the file once the click is handled; give slow phones time anyway.
	setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
