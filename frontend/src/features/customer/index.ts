// What the app layer may use from the customer feature.
export { customerPublicRoutes, customerRoutes } from './routes';
