import { ChaliceTsError } from '../errors.js';
import { type ConfigIssue, formatConfigIssue } from './issues.js';

/**
 * Raised only by the few config functions that cannot return errors as data (`resolveStage`);
 * carries the same issues the loaders return, so a CLI prints them and exits 2.
 */
export class ConfigError extends ChaliceTsError {
  readonly issues: ConfigIssue[];

  constructor(issues: ConfigIssue[]) {
    super('CONFIG_INVALID', issues.map(formatConfigIssue).join('\n'));
    this.name = 'ConfigError';
    this.issues = issues;
  }
}
