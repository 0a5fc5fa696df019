// The one line an app adds to opt in to <data-feed> in JSX. In an app, where data-feed is installed under
// node_modules, `/// <reference types="data-feed/react" />` or "types": ["data-feed/react"] in tsconfig.json
// does the same; inside this package only an import resolves the package's own name.
import type {} from 'data-feed/react';
