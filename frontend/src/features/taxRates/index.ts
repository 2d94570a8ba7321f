// What the app layer may use from the tax table.
export { taxRateStaffRoutes } from './routes';
