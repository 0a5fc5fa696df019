// Registers the element, then tells Vue's template compiler that <data-feed> is a custom element, not a
// Vue component. (With Vite, the same function goes in vite.config.ts:
// vue({ template: { compilerOptions: { isCustomElement: (tag) => tag === 'data-feed' } } }).)
import 'data-feed';
import { createApp } from 'vue';
import Dashboard from './Dashboard.vue';

const app = createApp(Dashboard);
// Read only where templates are compiled in the browser (the full build of Vue); harmless otherwise.
app.config.compilerOptions.isCustomElement = (tag) => tag === 'data-feed';
app.mount('#app');
