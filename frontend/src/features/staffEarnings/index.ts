// What the app layer may use from support's earnings pages.
export { earningStaffRoutes } from './routes';
