// What the app layer may use from the earnings feature.
export { earningsRoutes } from './routes';
