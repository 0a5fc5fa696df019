import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/web-components-vite';
import type { Plugin } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const sources = `${root}src/`;
const { sideEffects } = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { sideEffects: string[] };

/**
 * package.json's "sideEffects" names the dist/ files that have side effects (the entry, which
 * registers the element, and uPlot's locale guard and restore), so a bundle built from the sources
 * treats every source as free of side effects and drops imports made only for them: the
 * `customElements.define` the stories rely on, and the guard around uPlot. This keeps the side
 * effects of each source whose dist/ file is named there.
 */
function keepSideEffects(hasSideEffects: (id: string) => boolean): Plugin {
  return {
    name: 'data-feed:keep-side-effects',
    transform(code, id) {
      if (!id.startsWith(sources) || !id.endsWith('.ts')) return null;
      const built = `${root}dist/${id.slice(sources.length, -'.ts'.length)}.js`;
      return hasSideEffects(built) ? { code, map: null, moduleSideEffects: true } : null;
    },
  };
}

interface ServerChannel {
  removeAllListeners(event: string): void;
  on(event: string, listener: () => void): void;
  emit(event: string, payload: unknown): void;
}

/**
 * Storybook for `<data-feed>`. It works offline and tells no one about it: telemetry, crash
 * reports and the version check are off (here, and by STORYBOOK_DISABLE_TELEMETRY=1 and
 * `--no-version-updates` in the npm scripts).
 */
const config: StorybookConfig & { experimental_serverChannel?: (channel: ServerChannel) => Promise<ServerChannel> } = {
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: {
    disableTelemetry: true,
    enableCrashReports: false,
    disableWhatsNewNotifications: true,
  },
  // The "Get started" checklist is about setting up Storybook, not about this element.
  features: { sidebarOnboardingChecklist: false, menuOnboardingChecklist: false },
  // Every manager page asks the dev server for Storybook's "What's new" post, which it fetches
  // from storybook.js.org whether or not notifications are disabled. Answer it here instead.
  experimental_serverChannel: async (channel) => {
    channel.removeAllListeners('requestWhatsNewData');
    channel.on('requestWhatsNewData', () => channel.emit('resultWhatsNewData', { data: { status: 'ERROR' } }));
    return channel;
  },
  viteFinal: async (viteConfig) => {
    const { createFilter, mergeConfig } = await import('vite');
    return mergeConfig(viteConfig, {
      plugins: [keepSideEffects(createFilter(sideEffects, null, { resolve: root }))],
      // Pre-bundled with `lit` in the dev server: served apart, it would load a second Lit.
      optimizeDeps: { include: ['lit', 'lit/directive-helpers.js', 'lit/decorators.js', 'uplot'] },
      // Storybook's own preview and docs runtimes are larger than Vite's default warning limit.
      build: { chunkSizeWarningLimit: 1500 },
    });
  },
};

export default config;
