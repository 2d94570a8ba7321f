// What the app layer may use from the billing feature.
export { billingCustomerRoutes } from './routes';
