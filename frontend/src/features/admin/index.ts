// What the app layer may use from the staff shell.
export { AdminLayout as StaffLayout } from './components/AdminLayout';
export { adminRoutes } from './routes';
