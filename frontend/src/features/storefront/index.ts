// What the app layer may use from the storefront feature.
export { storefrontCustomerRoutes, storefrontPublicRoutes } from './routes';
