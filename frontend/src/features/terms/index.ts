// What the app layer may use from the terms feature.
export { termsStaffRoutes } from './routes';
