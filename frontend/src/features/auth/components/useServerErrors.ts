// The auth forms use the shared hook (it moved to @/components when other features
// needed it); kept here so the auth pages' imports stay as they were.
export { useServerErrors } from '@/components/useServerErrors';
