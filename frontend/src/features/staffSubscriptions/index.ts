// What the app layer may use from support's subscription pages.
export { subscriptionStaffRoutes } from './routes';
