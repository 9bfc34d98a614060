import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** What `.chalice-ts/deployed/<stage>.json` holds after a deploy. */
export interface DeployedRecord {
  readonly stage: string;
  readonly appName: string;
  readonly stackName: string;
  readonly stackId: string;
  readonly region?: string;
  readonly status: string;
  readonly outputs: Readonly<Record<string, string>>;
  readonly artifact?: { readonly bucket: string; readonly key: string; readonly sha256: string };
  readonly deployedAt: string;
}

/** `<projectDir>/.chalice-ts/deployed/<stage>.json`. */
export function deployedRecordPath(projectDir: string, stage: string): string {
  return join(projectDir, relativeRecordPath(stage));
}

/** `.chalice-ts/deployed/<stage>.json`, as messages name it. */
export function relativeRecordPath(stage: string): string {
  return join('.chalice-ts', 'deployed', `${stage}.json`);
}

/** Writes the record atomically (temp file + rename), so a reader never sees half a file. */
export async function writeDeployedRecord(projectDir: string, record: DeployedRecord): Promise<string> {
  const path = deployedRecordPath(projectDir, record.stage);
  await mkdir(join(projectDir, '.chalice-ts', 'deployed'), { recursive: true });
  const temporary = `${path}.tmp-${process.pid}`;
  await writeFile(temporary, `${JSON.stringify(record, null, 2)}\n`);
  await rename(temporary, path);
  return path;
}

/** The record of a stage, or `null` when it was never deployed (or was deleted). */
export async function readDeployedRecord(projectDir: string, stage: string): Promise<DeployedRecord | null> {
  try {
    return JSON.parse(await readFile(deployedRecordPath(projectDir, stage), 'utf8')) as DeployedRecord;
  } catch {
    return null;
  }
}

export async function removeDeployedRecord(projectDir: string, stage: string): Promise<void> {
  await rm(deployedRecordPath(projectDir, stage), { force: true });
}
