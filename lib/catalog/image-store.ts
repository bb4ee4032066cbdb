import 'server-only';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { AwsClient } from 'aws4fetch';
import { contentTypeOfKey } from './image-type';

/**
 * Where product photos live. Local disk by default (.data/uploads, or IMAGE_DIR); an S3-compatible
 * bucket with IMAGE_STORE=s3 (S3_ENDPOINT, S3_BUCKET, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY, optional
 * S3_REGION). Either way the browser loads them from our own origin, /api/images/<key>, so the content
 * security policy stays `img-src 'self'` and every instance serves every image.
 */
export interface ImageStore {
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  get(key: string): Promise<{ bytes: Uint8Array; contentType: string } | null>;
  url(key: string): string;
  delete(key: string): Promise<void>;
}

/** Keys we write: products/<id>/<uuid>.<ext>. Anything else (../, absolute paths) is not a key. */
export const IMAGE_KEY_RE = /^products\/\d{1,10}\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.(?:jpg|png|webp)$/;

export function assertImageKey(key: string): void {
  if (!IMAGE_KEY_RE.test(key)) throw new Error(`not an image key: ${JSON.stringify(key)}`);
}

export const imageUrl = (key: string) => `/api/images/${key}`;

/** Files under `root`, one per key. */
export function createLocalImageStore(root: string): ImageStore {
  const file = (key: string) => {
    assertImageKey(key);
    return path.join(root, ...key.split('/'));
  };
  return {
    async put(key, bytes) {
      const target = file(key);
      await fs.mkdir(path.dirname(target), { recursive: true });
      // Written beside and renamed: a reader never sees half a file.
      const temp = `${target}.${process.pid}.tmp`;
      await fs.writeFile(temp, bytes);
      await fs.rename(temp, target);
    },
    async get(key) {
      const contentType = contentTypeOfKey(key);
      if (!IMAGE_KEY_RE.test(key) || !contentType) return null;
      try {
        return { bytes: new Uint8Array(await fs.readFile(file(key))), contentType };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    url: imageUrl,
    async delete(key) {
      await fs.rm(file(key), { force: true });
    },
  };
}

/** Objects in an S3-compatible bucket (AWS, MinIO, R2…), path-style URLs, signed with SigV4 by aws4fetch. */
export function createS3ImageStore(config: {
  endpoint: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  region?: string;
}): ImageStore {
  const client = new AwsClient({
    accessKeyId: config.accessKeyId,
    secretAccessKey: config.secretAccessKey,
    service: 's3',
    region: config.region ?? 'us-east-1',
    retries: 2,
  });
  const objectUrl = (key: string) => {
    assertImageKey(key);
    return `${config.endpoint.replace(/\/+$/, '')}/${encodeURIComponent(config.bucket)}/${key}`;
  };
  const ensure = async (response: Response, what: string) => {
    if (!response.ok) throw new Error(`image store: ${what} answered ${response.status}`);
  };
  return {
    async put(key, bytes, contentType) {
      const body = bytes.slice().buffer;
      await ensure(await client.fetch(objectUrl(key), { method: 'PUT', body, headers: { 'content-type': contentType } }), 'PUT');
    },
    async get(key) {
      const contentType = contentTypeOfKey(key);
      if (!IMAGE_KEY_RE.test(key) || !contentType) return null;
      const response = await client.fetch(objectUrl(key), { method: 'GET' });
      if (response.status === 404) return null;
      await ensure(response, 'GET');
      return { bytes: new Uint8Array(await response.arrayBuffer()), contentType };
    },
    url: imageUrl,
    async delete(key) {
      const response = await client.fetch(objectUrl(key), { method: 'DELETE' });
      if (response.status !== 404) await ensure(response, 'DELETE');
    },
  };
}

/** The store this process is configured for (read from the environment on each call; cheap). */
export function getImageStore(env: NodeJS.ProcessEnv = process.env): ImageStore {
  if (env.IMAGE_STORE === 's3') {
    const missing = ['S3_ENDPOINT', 'S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'].filter((name) => !env[name]);
    if (missing.length > 0) throw new Error(`IMAGE_STORE=s3 needs ${missing.join(', ')}`);
    return createS3ImageStore({
      endpoint: env.S3_ENDPOINT!,
      bucket: env.S3_BUCKET!,
      accessKeyId: env.S3_ACCESS_KEY_ID!,
      secretAccessKey: env.S3_SECRET_ACCESS_KEY!,
      region: env.S3_REGION,
    });
  }
  // Tests never write into the working copy's .data: vitest gets a folder in the system temp dir.
  const fallback = env.VITEST ? path.join(os.tmpdir(), `omnishop-uploads-${process.pid}`) : path.join(process.cwd(), '.data', 'uploads');
  return createLocalImageStore(env.IMAGE_DIR || fallback);
}
