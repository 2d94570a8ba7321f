// What the app layer may use from the freelancers feature.
export { freelancerStaffRoutes } from './routes';
