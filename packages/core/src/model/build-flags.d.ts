/**
 * `true` only inside a Lambda bundle built by chalice-ts (its esbuild `define` replaces the
 * expression `globalThis.__CHALICE_TS_PROD__` with `true`). Everywhere else it is `undefined`, so
 * every check runs. Guarded code is registration-time validation that already ran when
 * `chalice-ts package`/`deploy` loaded the app; see docs/decisions/0002-production-bundles.md.
 * Always write the full expression `globalThis.__CHALICE_TS_PROD__` (no alias) so the define applies.
 */
declare var __CHALICE_TS_PROD__: true | undefined;
