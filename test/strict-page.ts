/**
 * Opens `path` (a page under test/fixtures/ that web-test-runner.config.mjs serves with the
 * contract's Content-Security-Policy) in an iframe and resolves with what the page posts back.
 * Imports nothing of the element: the page loads the bundle itself.
 */
export async function strictPageReport(path: string): Promise<Record<string, unknown>> {
  const frame = document.createElement('iframe');
  let listener!: (event: MessageEvent) => void;
  const report = new Promise<Record<string, unknown>>((resolve) => {
    listener = (event) => event.source === frame.contentWindow && resolve(event.data);
    window.addEventListener('message', listener);
  });
  frame.src = path;
  frame.style.cssText = 'width: 800px; height: 500px';
  document.body.append(frame);
  try {
    return await report;
  } finally {
    window.removeEventListener('message', listener);
    frame.remove();
  }
}

/** The paths a page requested, less the test server's own web-socket client it injects. */
export function requestedPaths(resources: unknown): string[] {
  return (resources as string[]).filter((path) => !path.startsWith('/__web-dev-server__'));
}
