// What the app layer may use from the subscriptions feature.
export { subscriptionCustomerRoutes } from './routes';
