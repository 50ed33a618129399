/** The `parley` command for the queue tests' child processes: `parley-child <args...>`. */
import { run } from '../../../src/cli/main.js';

process.exitCode = await run(process.argv.slice(2));
