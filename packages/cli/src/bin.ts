#!/usr/bin/env node
import { processIo } from './io.js';
import { main } from './main.js';

const status = await main(process.argv.slice(2), processIo());
// `local` keeps running until a signal; every other command ends here.
process.exitCode = status;
