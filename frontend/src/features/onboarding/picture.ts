import { PICTURE_MAX_BYTES, PICTURE_TYPES } from './api/uploadProfilePicture';

/** Why a file cannot be a profile picture, checked before uploading (the API checks again). */
export function pictureProblem(file: Pick<File, 'type' | 'size'>): 'type' | 'size' | null {
  if (!(PICTURE_TYPES as readonly string[]).includes(file.type)) return 'type';
  if (file.size > PICTURE_MAX_BYTES) return 'size';
  return null;
}
