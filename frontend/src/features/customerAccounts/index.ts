// What the app layer may use from the customer-account review.
export { customerAccountStaffRoutes } from './routes';
