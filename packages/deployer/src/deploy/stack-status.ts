/**
 * A CloudFormation stack status as a small value (CDK's `StackStatus`): the questions the deploy
 * flow asks of it, answered in one place.
 */
export class StackStatus {
  constructor(
    readonly name: string,
    readonly reason?: string,
  ) {}

  /** An operation is still running (`REVIEW_IN_PROGRESS` is a created-but-never-executed stack). */
  get isInProgress(): boolean {
    return this.name.endsWith('_IN_PROGRESS') && this.name !== 'REVIEW_IN_PROGRESS';
  }

  /** Never executed: the next change set must be a CREATE. */
  get isReviewInProgress(): boolean {
    return this.name === 'REVIEW_IN_PROGRESS';
  }

  /** A failed first create: the stack cannot be updated, only deleted. */
  get isFailedCreate(): boolean {
    return (
      this.name === 'ROLLBACK_COMPLETE' || this.name === 'ROLLBACK_FAILED' || this.name === 'CREATE_FAILED'
    );
  }

  /** A failed update that CloudFormation rolled back: the stack works as before. */
  get isUpdateRolledBack(): boolean {
    return this.name === 'UPDATE_ROLLBACK_COMPLETE';
  }

  get isDeleted(): boolean {
    return this.name === 'DELETE_COMPLETE';
  }

  get isSuccess(): boolean {
    return (
      this.name === 'CREATE_COMPLETE' || this.name === 'UPDATE_COMPLETE' || this.name === 'IMPORT_COMPLETE'
    );
  }

  toString(): string {
    return this.reason ? `${this.name} (${this.reason})` : this.name;
  }
}
