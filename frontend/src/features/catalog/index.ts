// What the app layer may use from the catalogue.
export { catalogStaffRoutes } from './routes';
