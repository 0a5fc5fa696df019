// A test-runner command: a full garbage collection of the test page, in Chromium (CDP), so a test
// can see that something removed is really gone. Other engines have no such command.

export function gcPlugin() {
  return {
    name: 'collect-garbage-command',
    async executeCommand({ command, session }) {
      if (command !== 'collect-garbage') return undefined;
      const page = session.browser.getPage?.(session.id);
      if (!page?.createCDPSession) throw new Error('collect-garbage needs Chromium (CDP)');
      const client = await page.createCDPSession();
      try {
        await client.send('HeapProfiler.collectGarbage');
      } finally {
        await client.detach();
      }
      return true;
    },
  };
}
