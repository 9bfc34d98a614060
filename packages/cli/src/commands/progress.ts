import type { DeployEvent } from '@chalice-ts/deployer';
import type { CliIo } from '../io.js';

/**
 * Renders deploy/delete progress: one JSON object a line with `--json` (for CI), otherwise one
 * readable line per event, with colour only on an interactive terminal without NO_COLOR.
 */
export function progressPrinter(io: CliIo, json: boolean): (event: DeployEvent) => void {
  if (json) return (event) => io.out(`${JSON.stringify(event)}\n`);
  const paint = (code: number, text: string) => (io.isTty ? `\u001b[${code}m${text}\u001b[0m` : text);
  return (event) => {
    if (event.type === 'stack-event') {
      const failed = /FAILED|ROLLBACK/.test(event.status);
      const done = /COMPLETE$/.test(event.status);
      const status = paint(failed ? 31 : done ? 32 : 33, event.status.padEnd(28));
      io.out(
        `  ${status} ${event.logicalId} (${event.resourceType})${event.reason ? ` — ${event.reason}` : ''}\n`,
      );
      return;
    }
    io.out(`${event.message}\n`);
  };
}
