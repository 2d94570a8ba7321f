// What the app layer may use from the application feature.
export { applicationRoutes } from './routes';
