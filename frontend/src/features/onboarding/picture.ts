import { isApiError } from '@/lib/api/problem';
import { PICTURE_MAX_BYTES, PICTURE_TYPES } from './api/uploadProfilePicture';

/** Why a file cannot be a profile picture, checked before uploading (the API checks again). */
export function pictureProblem(file: Pick<File, 'type' | 'size'>): 'type' | 'size' | null {
  if (!(PICTURE_TYPES as readonly string[]).includes(file.type)) return 'type';
  if (file.size > PICTURE_MAX_BYTES) return 'size';
  return null;
}

/**
 * Whether a failed upload means "this file is not an image": the API answers a file it
 * cannot decode with a field error on `picture` (or 415). The generic "correct the
 * highlighted fields" would point at nothing on this page.
 */
export function isNotAnImage(error: unknown): boolean {
  return isApiError(error) && (error.status === 415 || error.fieldErrors.some((e) => e.field === 'picture'));
}
