// What the app layer may use from the auth feature.
export { authPublicRoutes } from './routes';
export { useMe } from './api/me';
export { useUpdateMe } from './api/updateMe';
export { useLogout } from './api/logout';
export { authKeys } from './api/keys';
