#!/usr/bin/env node
// The `kramers` command line; the code is bundled in dist/cli.mjs (run `npm run build` first in a checkout).
import { main } from "../dist/cli.mjs";

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (e) => { console.error(e); process.exitCode = 1; },
);
