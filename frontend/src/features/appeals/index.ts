// What the app layer may use from the appeals feature.
export { appealsRoutes, appealStaffRoutes } from './routes';
