/**
 * Where pages load the enhancement script from. In production it is built on its own by
 * vite.enhance.config.ts into build/client/_enhance; in development Vite serves the source.
 */
export const enhanceScriptUrl = import.meta.env.DEV ? '/src/lib/client/enhance.ts' : '/_enhance/enhance.js';
