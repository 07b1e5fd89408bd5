import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The repository root (tests read fixtures and built-in data relative to it, never by absolute path). */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
