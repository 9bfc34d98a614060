/**
 * Progress of a deploy or delete, for the CLI to render (TTY lines, or one JSON object per event
 * with `--json`). Every event carries a human-readable `message`.
 */
export type DeployEvent =
  | { readonly type: 'bootstrap'; readonly message: string; readonly bucket?: string }
  | {
      readonly type: 'artifact';
      readonly action: 'uploaded' | 'skipped';
      readonly bucket: string;
      readonly key: string;
      readonly message: string;
    }
  | { readonly type: 'api-body'; readonly inlineBytes: number; readonly message: string }
  | { readonly type: 'recreate'; readonly stackName: string; readonly message: string }
  | {
      /** The deployed record names a stack that is gone (deleted outside chalice-ts). */
      readonly type: 'stale-record';
      readonly stackName: string;
      readonly stackId: string;
      readonly recordPath: string;
      readonly message: string;
    }
  | {
      readonly type: 'change-set';
      readonly action: 'created' | 'no-changes' | 'executing';
      readonly stackName: string;
      readonly changeSetName: string;
      readonly changeSetType: 'CREATE' | 'UPDATE';
      readonly message: string;
    }
  | {
      readonly type: 'stack-event';
      readonly stackName: string;
      readonly logicalId: string;
      readonly resourceType: string;
      readonly status: string;
      readonly reason?: string;
      readonly timestamp: string;
      readonly message: string;
    }
  | { readonly type: 'retry'; readonly attempt: number; readonly delayMs: number; readonly message: string }
  | {
      readonly type: 'complete';
      readonly stackName: string;
      readonly status: string;
      readonly outputs: Readonly<Record<string, string>>;
      readonly message: string;
    };

/** Receives progress events; must not throw. */
export type DeployEventListener = (event: DeployEvent) => void;
