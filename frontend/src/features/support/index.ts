// What the app layer may use from the support feature.
export { supportRoutes, supportStaffRoutes } from './routes';
