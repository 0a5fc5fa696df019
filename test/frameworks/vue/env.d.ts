// The one line an app adds to opt in to <data-feed> in templates. In an app, where data-feed is installed
// under node_modules, `/// <reference types="data-feed/vue" />` or "types": ["data-feed/vue"] in
// tsconfig.json does the same; inside this package only an import resolves the package's own name.
import type {} from 'data-feed/vue';
