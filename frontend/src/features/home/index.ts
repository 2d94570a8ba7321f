export { homeAppRoutes, homePublicRoutes } from './routes';
