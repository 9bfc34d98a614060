/** Chalice's `app.api.binary_types` default: API Gateway base64-encodes these media types. */
export const DEFAULT_BINARY_TYPES: readonly string[] = [
  'application/octet-stream',
  'application/x-tar',
  'application/zip',
  'audio/basic',
  'audio/ogg',
  'audio/mp4',
  'audio/mpeg',
  'audio/wav',
  'audio/webm',
  'image/png',
  'image/jpg',
  'image/jpeg',
  'image/gif',
  'video/ogg',
  'video/mpeg',
  'video/webm',
];
