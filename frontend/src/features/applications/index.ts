// What the app layer may use from the applications feature.
export { applicationRoutes, applicationStaffRoutes } from './routes';
