/**
 * `source` as a PNG image, on `background` (any CSS colour; transparent keeps the canvas
 * see-through). Rejects when there is no canvas (the chart is not in the document).
 */
export function toPNG(source: HTMLCanvasElement | undefined, background: string): Promise<Blob> {
  if (!source) return Promise.reject(new Error('data-feed: there is no chart to export while it is not in the document'));
  const canvas = document.createElement('canvas');
  canvas.width = source.width;
  canvas.height = source.height;
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = background;
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(source, 0, 0);
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('data-feed: could not encode the chart as PNG'))), 'image/png'),
  );
}
