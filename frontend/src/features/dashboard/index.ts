// What the app layer may use from the dashboard feature.
export { dashboardRoutes } from './routes';
